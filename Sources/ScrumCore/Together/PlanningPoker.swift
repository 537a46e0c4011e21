import Foundation

/// A card played in planning poker: a value on the scale, or "?" (cannot say yet).
public enum PokerCard: Hashable, Sendable, CustomStringConvertible {
  case points(Points)
  case unsure

  /// The deck, in the order it is shown.
  public static let deck: [PokerCard] = Points.scale.map(PokerCard.points) + [.unsure]

  /// Where the prompt points at first: 5, the middle of the values teams use most.
  public static let startIndex = deck.firstIndex(of: .points(Points.scale[5])) ?? 0

  public var points: Points? {
    if case .points(let points) = self { return points }
    return nil
  }

  public var description: String {
    switch self {
    case .points(let points): return points.value == 0.5 ? "½" : points.description
    case .unsure: return "?"
    }
  }

  /// As stored: "5", "0.5", "?".
  public var stored: String { points.map(\.description) ?? "?" }

  public init?(stored text: String) {
    if text == "?" {
      self = .unsure
    } else if let points = Points(parsing: text) {
      self = .points(points)
    } else {
      return nil
    }
  }
}

/// One member's vote in a round.
public struct PokerVote: Equatable, Sendable {
  public var member: String
  public var card: PokerCard
  public var at: Date
  public init(member: String, card: PokerCard, at: Date) {
    self.member = member
    self.card = card
    self.at = at
  }
}

/// A round of planning poker on one story: started by a facilitator, voted on by everyone on
/// the board, revealed when all present have voted or the facilitator says so, then closed by
/// accepting a value or starting again.
public struct PokerRound: Equatable, Sendable {
  public enum Outcome: String, Sendable {
    case accepted, restarted, cancelled
  }

  public var id: Int
  public var story: StoryID
  public var facilitator: String
  /// The facilitator's instance: only it reveals, accepts or ends the round.
  public var facilitatorInstance: String
  public var startedAt: Date
  public var revealedAt: Date?
  public var closedAt: Date?
  public var outcome: Outcome?
  public var accepted: Points?
  public var votes: [PokerVote]

  public init(
    id: Int, story: StoryID, facilitator: String, facilitatorInstance: String, startedAt: Date,
    revealedAt: Date? = nil, closedAt: Date? = nil, outcome: Outcome? = nil, accepted: Points? = nil,
    votes: [PokerVote] = []
  ) {
    self.id = id
    self.story = story
    self.facilitator = facilitator
    self.facilitatorInstance = facilitatorInstance
    self.startedAt = startedAt
    self.revealedAt = revealedAt
    self.closedAt = closedAt
    self.outcome = outcome
    self.accepted = accepted
    self.votes = votes
  }

  public var isOpen: Bool { closedAt == nil }

  /// Who takes part: everyone on the board now (one vote per member, however many sessions).
  public static func participants(_ presence: [Presence], at now: Date) -> [String] {
    Array(Set(presence.filter { $0.isAlive(at: now) }.map(\.member))).sorted()
  }

  /// The votes that count: those of members still on the board. One who left is dropped.
  public func countedVotes(participants: [String]) -> [PokerVote] {
    votes.filter { participants.contains($0.member) }.sorted { $0.member < $1.member }
  }

  /// Who still has to vote.
  public func waitingFor(participants: [String]) -> [String] {
    participants.filter { member in !votes.contains { $0.member == member } }
  }

  /// The votes show once the facilitator reveals them or every participant has voted.
  public func isRevealed(participants: [String]) -> Bool {
    revealedAt != nil || (!participants.isEmpty && waitingFor(participants: participants).isEmpty)
  }

  /// Lowest, highest and median of the counted votes that are values ("?" left out); the
  /// median of an even count is the higher middle, as teams round up.
  public func summary(participants: [String]) -> (min: Points, max: Points, median: Points)? {
    let values = countedVotes(participants: participants).compactMap(\.card.points).sorted()
    guard let low = values.first, let high = values.last else { return nil }
    return (low, high, values[values.count / 2])
  }
}
