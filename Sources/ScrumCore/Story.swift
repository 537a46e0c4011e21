import Foundation

/// The board-wide number behind a story's key (`SB-12` is number 12). Never reused.
public struct StoryID: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let number: Int
  public init(_ number: Int) { self.number = number }
  public static func < (lhs: StoryID, rhs: StoryID) -> Bool { lhs.number < rhs.number }
  public var description: String { "#\(number)" }
}

/// What kind of work a backlog item is.
public enum StoryType: String, CaseIterable, Sendable {
  case story, bug, chore, spike
}

/// One line of a story's acceptance criteria.
public struct Criterion: Equatable, Sendable {
  public var text: String
  public var done: Bool
  public init(_ text: String, done: Bool = false) {
    self.text = text
    self.done = done
  }
}

/// One task of a story, optionally owned by a team member.
public struct StoryTask: Equatable, Sendable {
  public var title: String
  public var done: Bool
  public var assignee: String?
  public init(_ title: String, done: Bool = false, assignee: String? = nil) {
    self.title = title
    self.done = done
    self.assignee = assignee
  }
}

/// A move of a story from one status column to another, for burndown, cycle time and ageing.
public struct StatusChange: Equatable, Sendable {
  public var from: String?
  public var to: String
  public var at: Date
  public init(from: String?, to: String, at: Date) {
    self.from = from
    self.to = to
    self.at = at
  }
}

/// A change of the sprint a story is in, or of its estimate: what burnups and velocity need to
/// know what a sprint held on each day. The values before the change are kept too, so the
/// story's state before its first recorded change is known.
public struct ScopeChange: Equatable, Sendable {
  public var at: Date
  public var sprint: String?
  public var points: Points?
  public var previousSprint: String?
  public var previousPoints: Points?
  public init(at: Date, sprint: String?, points: Points?, previousSprint: String?, previousPoints: Points?) {
    self.at = at
    self.sprint = sprint
    self.points = points
    self.previousSprint = previousSprint
    self.previousPoints = previousPoints
  }
}

/// A product backlog item.
public struct Story: Equatable, Sendable, Identifiable {
  public var id: StoryID
  public var title: String
  public var description: String
  public var type: StoryType
  public var points: Points?
  /// A column id of the board.
  public var status: String
  public var rank: Rank
  /// The sprint's name, or nil while the story is in the product backlog.
  public var sprint: String?
  /// The epic's key.
  public var epic: String?
  public var labels: [String]
  public var assignee: String?
  /// The impediment text, or nil when nothing blocks the story.
  public var blocked: String?
  public var acceptanceCriteria: [Criterion]
  public var tasks: [StoryTask]
  public var createdAt: Date
  public var updatedAt: Date
  public var history: [StatusChange]
  /// Changes of sprint and estimate, oldest first.
  public var scopeHistory: [ScopeChange] = []
  /// The story this one was split from, if any.
  public var splitFrom: StoryID?
  /// Where the story came from, e.g. its Jira key or GitHub issue number, kept on import.
  public var reference: String?

  public init(
    id: StoryID, title: String, description: String = "", type: StoryType = .story,
    points: Points? = nil, status: String, rank: Rank, sprint: String? = nil, epic: String? = nil,
    labels: [String] = [], assignee: String? = nil, blocked: String? = nil,
    acceptanceCriteria: [Criterion] = [], tasks: [StoryTask] = [], createdAt: Date,
    updatedAt: Date? = nil, history: [StatusChange] = [], splitFrom: StoryID? = nil
  ) {
    self.id = id
    self.title = title
    self.description = description
    self.type = type
    self.points = points
    self.status = status
    self.rank = rank
    self.sprint = sprint
    self.epic = epic
    self.labels = labels
    self.assignee = assignee
    self.blocked = blocked
    self.acceptanceCriteria = acceptanceCriteria
    self.tasks = tasks
    self.createdAt = createdAt
    self.updatedAt = updatedAt ?? createdAt
    self.history = history
    self.splitFrom = splitFrom
  }

  /// Ready for a sprint: a title, an estimate and at least one acceptance criterion.
  public var isReady: Bool {
    // No trimmed copy of the title: this is asked for every story whenever the backlog changes.
    points != nil && !acceptanceCriteria.isEmpty && title.unicodeScalars.contains { !$0.properties.isWhitespace }
  }

  /// When the story entered its current status (its creation if it never moved).
  public var enteredStatusAt: Date {
    history.last(where: { $0.to == status })?.at ?? createdAt
  }

  /// The status the story had at `time` (nil before it was created).
  public func status(at time: Date) -> String? {
    guard createdAt <= time else { return nil }
    guard let first = history.first else { return status }
    guard let last = history.last(where: { $0.at <= time }) else { return first.from ?? status }
    return last.to
  }

  /// The sprint the story was in and its estimate at `time`.
  public func scope(at time: Date) -> (sprint: String?, points: Points?) {
    guard let first = scopeHistory.first else { return (sprint, points) }
    guard let last = scopeHistory.last(where: { $0.at <= time }) else { return (first.previousSprint, first.previousPoints) }
    return (last.sprint, last.points)
  }

  /// Whole days the story has been in its current status at `now`.
  public func daysInStatus(at now: Date) -> Int {
    max(0, Int(now.timeIntervalSince(enteredStatusAt) / 86_400))
  }
}

extension Story {
  /// The story's current value of the field that `field` sets (for undo).
  public func current(_ field: StoryField) -> StoryField {
    switch field {
    case .title: return .title(title)
    case .description: return .description(description)
    case .type: return .type(type)
    case .points: return .points(points)
    case .assignee: return .assignee(assignee)
    case .blocked: return .blocked(blocked)
    case .epic: return .epic(epic)
    case .labels: return .labels(labels)
    case .sprint: return .sprint(sprint)
    }
  }
}

extension Array {
  /// The element at `index`, or nil outside the array.
  public subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
