import Foundation

/// One open board, as it tells the others: who is at it, where, and on which story. Each
/// running instance writes its own row every few seconds; a row not renewed is a closed or
/// crashed instance.
public struct Presence: Equatable, Sendable {
  /// Unique per running process.
  public var instance: String
  /// The team member at the keyboard.
  public var member: String
  /// Where they are: backlog, board, standup, detail, reports.
  public var place: String
  public var story: StoryID?
  /// Since when this instance leads (facilitates), or nil; the latest claim leads.
  public var leadingSince: Date?
  /// Whether this instance follows the lead.
  public var following: Bool
  public var heartbeat: Date

  public init(
    instance: String, member: String, place: String, story: StoryID? = nil, leadingSince: Date? = nil,
    following: Bool = false, heartbeat: Date
  ) {
    self.instance = instance
    self.member = member
    self.place = place
    self.story = story
    self.leadingSince = leadingSince
    self.following = following
    self.heartbeat = heartbeat
  }

  /// How often an instance renews its row.
  public static let heartbeatInterval: TimeInterval = 2
  /// A row older than this is an instance that is gone (crashed, or its SSH session dropped).
  public static let expiry: TimeInterval = 8

  public func isAlive(at now: Date) -> Bool { now.timeIntervalSince(heartbeat) < Presence.expiry }

  /// Two letters that stand for a member on a row or a card: initials of a full name ("Alice
  /// Liddell" → "AL"), else the name's first two letters ("bob" → "Bo").
  public static func initials(of member: String) -> String {
    let words = member.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" || $0 == "_" })
    if words.count >= 2, let first = words[0].first, let second = words[1].first {
      return (String(first) + String(second)).uppercased()
    }
    let letters = Array(member)
    guard let first = letters.first else { return "?" }
    return String(first).uppercased() + (letters.count > 1 ? String(letters[1]) : "")
  }

  /// `initials(of:)`, told apart from the others' among `members` where they would be the
  /// same: the first letter, then the first letter where the names differ ("scrumana" and
  /// "scrumbo": "Sa" and "Sb").
  public static func initials(of member: String, among members: [String]) -> String {
    let own = initials(of: member)
    let alike = Set(members).subtracting([member]).filter { initials(of: $0) == own }.map { Array($0.lowercased()) }
    let letters = Array(member.lowercased())
    guard !alike.isEmpty, let first = member.first else { return own }
    for index in letters.indices.dropFirst() where alike.allSatisfy({ index >= $0.count || $0[index] != letters[index] }) {
      return String(first).uppercased() + String(letters[index])
    }
    return own
  }
}

extension Array where Element == Presence {
  /// The instance that leads now: of those alive and leading, the latest to take the lead.
  public func lead(at now: Date) -> Presence? {
    filter { $0.isAlive(at: now) && $0.leadingSince != nil }.max { ($0.leadingSince ?? .distantPast) < ($1.leadingSince ?? .distantPast) }
  }
}
