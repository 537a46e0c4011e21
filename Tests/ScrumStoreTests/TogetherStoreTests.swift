import Foundation
import ScrumCore
import TestSupport
import Testing

@testable import ScrumStore

@Suite struct TogetherStoreTests {
  let path: String
  let now = Date(timeIntervalSince1970: 1_800_000_000)

  init() throws {
    path = try ScratchFolder("together").path()
    try BoardRepository.create(at: path, board: Fixtures.sampleBoard()).close()
  }

  func presence(_ instance: String, _ member: String, at time: Date, story: Int? = nil) -> Presence {
    Presence(instance: instance, member: member, place: "backlog", story: story.map(StoryID.init), heartbeat: time)
  }

  @Test func presenceAppearsAndExpiresWithoutTouchingTheBoardsRevision() throws {
    let store = try BoardRepository.open(at: path)
    defer { store.close() }
    let revision = try store.revision()
    try store.publish(presence("a", "alice", at: now, story: 3))
    try store.publish(presence("b", "bob", at: now.addingTimeInterval(-9)))
    #expect(try store.presence(at: now).map(\.member) == ["alice"], "bob's row is older than the expiry")
    #expect(try store.presence(at: now).first?.story == StoryID(3))
    try store.publish(presence("a", "alice", at: now.addingTimeInterval(1), story: 4))
    #expect(try store.presence(at: now.addingTimeInterval(1)).first?.story == StoryID(4), "renewed in place")
    #expect(try store.revision() == revision, "a heartbeat is not a change to reload")
    try store.withdraw(instance: "a")
    #expect(try store.presence(at: now.addingTimeInterval(1)).isEmpty)
  }

  @Test func anotherUserCannotChangeMyPresenceOrMyVote() throws {
    let mine = try BoardRepository.open(at: path)
    defer { mine.close() }
    let theirs = try BoardRepository.open(at: path, owner: Int(getuid()) + 1)
    defer { theirs.close() }
    try mine.publish(presence("a", "alice", at: now))
    #expect(throws: StoreError.self) { try theirs.publish(presence("a", "mallory", at: now)) }
    #expect(throws: StoreError.self) { try theirs.withdraw(instance: "a") }
    #expect(try mine.presence(at: now).map(\.member) == ["alice"])

    let round = try mine.startRound(story: StoryID(5), facilitator: "alice", instance: "a", at: now)
    try mine.vote(round: round, member: "alice", card: .points(Points(5)!), at: now)
    #expect(throws: StoreError.self) { try theirs.vote(round: round, member: "alice", card: .points(Points(100)!), at: now) }
    #expect(throws: StoreError.self) { try theirs.closeRound(round, outcome: .cancelled, accepted: nil, at: now) }
    // Their own vote is theirs to cast.
    try theirs.vote(round: round, member: "bob", card: .unsure, at: now)
    let open = try #require(try mine.openRound())
    #expect(open.votes.map { "\($0.member) \($0.card)" } == ["alice 5", "bob ?"])
  }

  @Test func aRowLongDeadIsSweptByAnyone() throws {
    let mine = try BoardRepository.open(at: path)
    defer { mine.close() }
    let theirs = try BoardRepository.open(at: path, owner: Int(getuid()) + 1)
    defer { theirs.close() }
    let longAgo = Date().addingTimeInterval(-600)
    try mine.publish(presence("a", "alice", at: longAgo))
    try theirs.publish(presence("b", "bob", at: Date()))
    let rows = try theirs.readTogether { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM presence") }
    #expect(rows == 1, "alice's crashed instance was swept by bob's heartbeat")
  }

  @Test func aRoundFromStartToAcceptedIsKeptInHistory() throws {
    let store = try BoardRepository.open(at: path)
    defer { store.close() }
    let first = try store.startRound(story: StoryID(9), facilitator: "alice", instance: "a", at: now)
    try store.vote(round: first, member: "alice", card: .points(Points(3)!), at: now)
    try store.vote(round: first, member: "alice", card: .points(Points(5)!), at: now.addingTimeInterval(1))
    try store.reveal(round: first, at: now.addingTimeInterval(2))
    let second = try store.startRound(story: StoryID(9), facilitator: "alice", instance: "a", at: now.addingTimeInterval(3))
    try store.vote(round: second, member: "alice", card: .points(Points(8)!), at: now.addingTimeInterval(4))
    try store.closeRound(second, outcome: .accepted, accepted: Points(8), at: now.addingTimeInterval(5))
    #expect(try store.openRound() == nil)
    #expect(throws: StoreError.self) { try store.vote(round: second, member: "alice", card: .unsure, at: now) }
    let history = try store.rounds(of: StoryID(9))
    #expect(history.map(\.outcome) == [.restarted, .accepted])
    #expect(history[0].votes.map(\.card) == [.points(Points(5)!)], "a changed vote replaces the first")
    #expect(history[0].revealedAt == now.addingTimeInterval(2))
    #expect(history[1].accepted == Points(8))
  }
}
