import Foundation
import GRDB
import ScrumCore

/// Who is on the board and the planning poker rounds, kept in the board file beside the
/// stories. None of it touches the board's revision: a heartbeat is not a change to reload.
public protocol TogetherStore: AnyObject {
  /// Writes (or renews) this instance's row.
  func publish(_ presence: Presence) throws
  /// Removes this instance's row (on the way out).
  func withdraw(instance: String) throws
  /// Every instance alive at `now`; rows long dead are swept.
  func presence(at now: Date) throws -> [Presence]
  /// The round still open, if any, with its votes.
  func openRound() throws -> PokerRound?
  /// Starts a round on a story; an open round is closed first (as restarted).
  @discardableResult func startRound(story: StoryID, facilitator: String, instance: String, at now: Date) throws -> Int
  func vote(round: Int, member: String, card: PokerCard, at now: Date) throws
  func reveal(round: Int, at now: Date) throws
  func closeRound(_ round: Int, outcome: PokerRound.Outcome, accepted: Points?, at now: Date) throws
  /// A story's rounds, oldest first, with their votes.
  func rounds(of story: StoryID) throws -> [PokerRound]
}

extension BoardRepository: TogetherStore {
  public func publish(_ presence: Presence) throws {
    try writeTogether { db in
      // Rows of instances gone for a minute (crashed, killed) are swept by whoever comes by.
      try db.execute(
        sql: "DELETE FROM presence WHERE heartbeat < ?", arguments: [presence.heartbeat.timeIntervalSince1970 - 60])
      try db.execute(
        sql: """
          INSERT INTO presence (instance, uid, member, place, storyNumber, leadingSince, following, heartbeat)
          VALUES (?, scrum_uid(), ?, ?, ?, ?, ?, ?)
          ON CONFLICT(instance) DO UPDATE SET member = excluded.member, place = excluded.place,
            storyNumber = excluded.storyNumber, leadingSince = excluded.leadingSince,
            following = excluded.following, heartbeat = excluded.heartbeat
          """,
        arguments: [
          presence.instance, presence.member, presence.place, presence.story?.number,
          presence.leadingSince?.timeIntervalSince1970, presence.following, presence.heartbeat.timeIntervalSince1970,
        ])
    }
  }

  public func withdraw(instance: String) throws {
    try writeTogether { db in try db.execute(sql: "DELETE FROM presence WHERE instance = ?", arguments: [instance]) }
  }

  public func presence(at now: Date) throws -> [Presence] {
    let rows = try readTogether { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM presence WHERE heartbeat > ? ORDER BY member, instance",
        arguments: [now.timeIntervalSince1970 - Presence.expiry])
    }
    return rows.map { row in
      Presence(
        instance: row["instance"], member: row["member"], place: row["place"],
        story: (row["storyNumber"] as Int?).map(StoryID.init), leadingSince: (row["leadingSince"] as Double?).map(Date.init(timeIntervalSince1970:)),
        following: row["following"], heartbeat: Date(timeIntervalSince1970: row["heartbeat"]))
    }
  }

  public func openRound() throws -> PokerRound? {
    try readTogether { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT * FROM pokerRound WHERE closedAt IS NULL ORDER BY id DESC LIMIT 1")
      else { return nil }
      return try BoardRepository.round(from: row, in: db)
    }
  }

  public func startRound(story: StoryID, facilitator: String, instance: String, at now: Date) throws -> Int {
    try writeTogether { db in
      // One round at a time on a board: the one still open (ours or one whose facilitator is
      // gone) ends as restarted where we may end it.
      try db.execute(
        sql: "UPDATE pokerRound SET closedAt = ?, outcome = 'restarted' WHERE closedAt IS NULL AND uid = scrum_uid()",
        arguments: [now.timeIntervalSince1970])
      try db.execute(
        sql: """
          INSERT INTO pokerRound (uid, storyNumber, facilitator, facilitatorInstance, startedAt)
          VALUES (scrum_uid(), ?, ?, ?, ?)
          """, arguments: [story.number, facilitator, instance, now.timeIntervalSince1970])
      return Int(db.lastInsertedRowID)
    }
  }

  public func vote(round: Int, member: String, card: PokerCard, at now: Date) throws {
    try writeTogether { db in
      guard try Bool.fetchOne(db, sql: "SELECT closedAt IS NULL FROM pokerRound WHERE id = ?", arguments: [round]) == true
      else { throw StoreError.writeFailed(reason: "the round is over") }
      try db.execute(
        sql: """
          INSERT INTO pokerVote (round, member, uid, card, at) VALUES (?, ?, scrum_uid(), ?, ?)
          ON CONFLICT(round, member) DO UPDATE SET card = excluded.card, at = excluded.at
          """, arguments: [round, member, card.stored, now.timeIntervalSince1970])
    }
  }

  public func reveal(round: Int, at now: Date) throws {
    try writeTogether { db in
      try db.execute(
        sql: "UPDATE pokerRound SET revealedAt = COALESCE(revealedAt, ?) WHERE id = ?",
        arguments: [now.timeIntervalSince1970, round])
    }
  }

  public func closeRound(_ round: Int, outcome: PokerRound.Outcome, accepted: Points?, at now: Date) throws {
    try writeTogether { db in
      try db.execute(
        sql: "UPDATE pokerRound SET closedAt = ?, outcome = ?, accepted = ? WHERE id = ? AND closedAt IS NULL",
        arguments: [now.timeIntervalSince1970, outcome.rawValue, accepted?.value, round])
    }
  }

  public func rounds(of story: StoryID) throws -> [PokerRound] {
    try readTogether { db in
      // A board from before planning poker, opened read-only (not migrated), has none.
      guard try db.tableExists("pokerRound") else { return [] }
      return try Row.fetchAll(db, sql: "SELECT * FROM pokerRound WHERE storyNumber = ? ORDER BY id", arguments: [story.number])
        .map { try BoardRepository.round(from: $0, in: db) }
    }
  }

  private static func round(from row: Row, in db: Database) throws -> PokerRound {
    let id: Int = row["id"]
    let votes = try Row.fetchAll(db, sql: "SELECT * FROM pokerVote WHERE round = ? ORDER BY member", arguments: [id])
      .compactMap { vote -> PokerVote? in
        guard let card = PokerCard(stored: vote["card"]) else { return nil }
        return PokerVote(member: vote["member"], card: card, at: Date(timeIntervalSince1970: vote["at"]))
      }
    let date = { (column: String) in (row[column] as Double?).map(Date.init(timeIntervalSince1970:)) }
    return PokerRound(
      id: id, story: StoryID(row["storyNumber"] as Int), facilitator: row["facilitator"],
      facilitatorInstance: row["facilitatorInstance"], startedAt: date("startedAt") ?? .distantPast,
      revealedAt: date("revealedAt"), closedAt: date("closedAt"),
      outcome: (row["outcome"] as String?).flatMap(PokerRound.Outcome.init(rawValue:)),
      accepted: (row["accepted"] as Double?).flatMap(Points.init), votes: votes)
  }
}
