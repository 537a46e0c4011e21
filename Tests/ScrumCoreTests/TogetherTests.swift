import Foundation
import Testing

@testable import ScrumCore

@Suite struct TogetherTests {
  let now = Date(timeIntervalSince1970: 1_800_000_000)

  func here(_ instance: String, _ member: String, ago seconds: TimeInterval = 0, leading: TimeInterval? = nil) -> Presence {
    Presence(
      instance: instance, member: member, place: "board", leadingSince: leading.map { now.addingTimeInterval(-$0) },
      heartbeat: now.addingTimeInterval(-seconds))
  }

  @Test func theLatestToTakeTheLeadLeadsAndTheDeadDoNot() {
    let everyone = [here("1", "ana", leading: 60), here("2", "bo", leading: 10), here("3", "cy", ago: 20, leading: 1)]
    #expect(everyone.lead(at: now)?.member == "bo", "cy took it last, but cy's instance is gone")
    #expect([here("1", "ana")].lead(at: now) == nil)
  }

  @Test func initialsStandForAMember() {
    #expect(Presence.initials(of: "Alice Liddell") == "AL")
    #expect(Presence.initials(of: "bob") == "Bo")
    #expect(Presence.initials(of: "j") == "J")
    #expect(Presence.initials(of: "") == "?")
  }

  @Test func initialsAlikeAreToldApart() {
    let present = ["scrumana", "scrumbo", "Alice Liddell", "bob"]
    #expect(Presence.initials(of: "scrumana", among: present) == "Sa")
    #expect(Presence.initials(of: "scrumbo", among: present) == "Sb")
    #expect(Presence.initials(of: "Alice Liddell", among: present) == "AL")
    // A name that is the start of another keeps its own; the longer one differs after it.
    #expect(Presence.initials(of: "bo", among: ["bo", "bob"]) == "Bo")
    #expect(Presence.initials(of: "bob", among: ["bo", "bob"]) == "Bb")
    // Two sessions of one member are one person: the same initials.
    #expect(Presence.initials(of: "ana", among: ["ana", "ana"]) == "An")
  }

  @Test func aRoundRevealsWhenEveryoneStillHereHasVoted() {
    var round = PokerRound(id: 1, story: StoryID(5), facilitator: "ana", facilitatorInstance: "1", startedAt: now)
    let people = PokerRound.participants([here("1", "ana"), here("2", "bo"), here("4", "bo"), here("3", "cy")], at: now)
    #expect(people == ["ana", "bo", "cy"], "one vote per member, however many sessions")
    round.votes = [PokerVote(member: "ana", card: .points(Points(5)!), at: now)]
    #expect(!round.isRevealed(participants: people))
    #expect(round.waitingFor(participants: people) == ["bo", "cy"])
    round.votes.append(PokerVote(member: "bo", card: .points(Points(13)!), at: now))
    round.votes.append(PokerVote(member: "cy", card: .unsure, at: now))
    #expect(round.isRevealed(participants: people))
    let summary = round.summary(participants: people)
    #expect(summary?.min == Points(5))
    #expect(summary?.max == Points(13))
    #expect(summary?.median == Points(13), "of two values the higher middle: teams round up")
  }

  @Test func oneWhoLeavesIsDroppedFromTheRound() {
    var round = PokerRound(id: 1, story: StoryID(5), facilitator: "ana", facilitatorInstance: "1", startedAt: now)
    round.votes = [
      PokerVote(member: "ana", card: .points(Points(3)!), at: now), PokerVote(member: "bo", card: .points(Points(8)!), at: now),
    ]
    // cy never voted and her session dropped; bo voted, then left.
    let stillHere = PokerRound.participants([here("1", "ana"), here("2", "bo", ago: 30), here("3", "cy", ago: 30)], at: now)
    #expect(stillHere == ["ana"])
    #expect(round.isRevealed(participants: stillHere))
    #expect(round.countedVotes(participants: stillHere).map(\.member) == ["ana"])
    #expect(round.summary(participants: stillHere)?.median == Points(3))
  }

  @Test func theRevealButtonRevealsBeforeEveryoneVoted() {
    var round = PokerRound(id: 1, story: StoryID(5), facilitator: "ana", facilitatorInstance: "1", startedAt: now)
    round.revealedAt = now
    #expect(round.isRevealed(participants: ["ana", "bo"]))
    #expect(round.summary(participants: ["ana", "bo"]) == nil, "no values yet")
  }

  @Test func cardsAreStoredAndReadBack() {
    for card in PokerCard.deck { #expect(PokerCard(stored: card.stored) == card) }
    #expect(PokerCard.deck.map(\.description).joined(separator: " ") == "0 ½ 1 2 3 5 8 13 20 40 100 ?")
    #expect(PokerCard(stored: "7") == nil)
  }
}
