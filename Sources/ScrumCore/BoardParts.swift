import Foundation

/// A status column of the board.
public struct Column: Equatable, Sendable {
  /// Stable id used as a story's status, e.g. `in-progress`.
  public var id: String
  public var title: String
  public var wipLimit: Int?
  public init(id: String, title: String, wipLimit: Int? = nil) {
    self.id = id
    self.title = title
    self.wipLimit = wipLimit
  }

  /// The columns of a new board.
  public static let defaults: [Column] = [
    Column(id: "todo", title: "To Do"),
    Column(id: "in-progress", title: "In Progress"),
    Column(id: "review", title: "Review"),
    Column(id: "done", title: "Done"),
  ]
}

/// A large piece of work that groups stories.
public struct Epic: Equatable, Sendable {
  public var key: String
  public var title: String
  /// An index into the theme's epic palette.
  public var colour: Int
  public init(key: String, title: String, colour: Int = 0) {
    self.key = key
    self.title = title
    self.colour = colour
  }
}

/// A calendar day, as `YYYY-MM-DD`, with no time zone games.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int, month: Int, day: Int
  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  public static func < (lhs: Day, rhs: Day) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  public var description: String {
    let pad: (Int, Int) -> String = { value, width in
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}

/// A sprint's place in its life.
public enum SprintState: String, Sendable, CaseIterable {
  case planned, active, closed
}

/// A time-box of work with a goal.
public struct Sprint: Equatable, Sendable {
  public var name: String
  public var goal: String
  public var start: Day?
  public var end: Day?
  public var state: SprintState
  /// Capacity in points, if the team set one.
  public var capacity: Double?
  /// When the sprint was closed: the moment its carried-over stories left it.
  public var closedAt: Date?
  public init(
    name: String, goal: String = "", start: Day? = nil, end: Day? = nil, state: SprintState = .planned,
    capacity: Double? = nil, closedAt: Date? = nil
  ) {
    self.closedAt = closedAt
    self.name = name
    self.goal = goal
    self.start = start
    self.end = end
    self.state = state
    self.capacity = capacity
  }
}
