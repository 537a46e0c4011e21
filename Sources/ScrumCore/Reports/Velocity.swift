import Foundation

/// What the team committed to and completed in each closed sprint, and the pace that gives.
public struct Velocity: Equatable, Sendable {
  public struct Entry: Equatable, Sendable {
    public var sprint: String
    public var committed: Double
    public var completed: Double
  }

  /// Closed sprints, oldest first (at most the last `limit`).
  public let entries: [Entry]

  /// How many recent sprints the average (and the forecast) uses.
  public static let averagedSprints = 3

  public init(board: Board, now: Date, limit: Int = 12) {
    let closed = board.sprints.filter { $0.state == .closed }.suffix(limit)
    entries = closed.map { sprint in
      let report = SprintReport(board: board, sprint: sprint, now: now)
      return Entry(sprint: sprint.name, committed: report.committed, completed: report.completedPoints)
    }
  }

  /// The mean completed points of the last three closed sprints; nil when none closed, or
  /// when none finished anything (a pace of nothing says nothing).
  public var average: Double? {
    let recent = entries.suffix(Velocity.averagedSprints)
    guard recent.contains(where: { $0.completed > 0 }) else { return nil }
    return recent.map(\.completed).reduce(0, +) / Double(recent.count)
  }
}

/// In which future sprint each product backlog story is likely to land, at the recent pace:
/// stories fill sprints in rank order, each sprint taking the average velocity in points.
public struct Forecast: Equatable, Sendable {
  /// A sprint to come: its name (following the board's "Sprint 14" numbering where there is
  /// one) and, when the board's sprints have dates, its likely last day.
  public struct FutureSprint: Equatable, Sendable {
    public var name: String
    public var end: Day?
  }

  public let velocity: Double
  public let sprints: [FutureSprint]
  /// Per story number, the index into `sprints` (-1: not in the product backlog).
  private let sprintOfStory: [Int32]
  /// Backlog stories without an estimate: the forecast counts them as nothing.
  public let unestimated: Int
  /// The first story forecast into each sprint.
  private let firstStories: Set<StoryID>

  /// Nil when there is no pace to go by (no closed sprint finished anything).
  public init?(board: Board, velocity: Double?) {
    guard let velocity, velocity > 0 else { return nil }
    self.velocity = velocity
    let doneStatus = board.columns.last?.id
    var sprintOfStory = [Int32](repeating: -1, count: board.nextStoryNumber + 1)
    var total = 0.0
    var unestimated = 0
    var lastIndex = 0
    var firstStories: Set<StoryID> = []
    var previousIndex = -1
    for story in board.stories(inSprint: nil) where story.status != doneStatus {
      guard story.id.number < sprintOfStory.count else { continue }
      if story.points == nil { unestimated += 1 }
      total += story.points?.value ?? 0
      // The sprint whose share of points this story's last point falls in.
      let index = max(0, Int((total / velocity).rounded(.up)) - 1)
      sprintOfStory[story.id.number] = Int32(clamping: index)
      if index != previousIndex { firstStories.insert(story.id) }
      previousIndex = index
      lastIndex = max(lastIndex, index)
    }
    self.firstStories = firstStories
    self.sprintOfStory = sprintOfStory
    self.unestimated = unestimated
    sprints = Forecast.futureSprints(after: board.sprints, count: lastIndex + 1)
  }

  /// The sprint the story is forecast to land in, if it is in the product backlog.
  public func sprint(of id: StoryID) -> (index: Int, sprint: FutureSprint)? {
    guard let index = sprintOfStory[safe: id.number], index >= 0, let sprint = sprints[safe: Int(index)] else {
      return nil
    }
    return (Int(index), sprint)
  }

  /// Whether the story is the first one forecast into its sprint.
  public func startsSprint(_ id: StoryID) -> Bool { firstStories.contains(id) }

  /// Names and ends of the sprints after the last one the board has.
  static func futureSprints(after existing: [Sprint], count: Int) -> [FutureSprint] {
    let last = existing.last
    // "Sprint 14" → "Sprint 15"; other names give "Next sprint +1".
    var stem = "Next sprint +"
    var number = 0
    if let name = last?.name, let space = name.lastIndex(of: " "), let value = Int(name[name.index(after: space)...]) {
      stem = String(name[...space])
      number = value
    }
    let dated = existing.last { $0.start != nil && $0.end != nil }
    let length = dated.flatMap { sprint in sprint.start.flatMap { start in sprint.end.map { start.days(to: $0) + 1 } } }
    let lastEnd = existing.compactMap(\.end).max()
    return (1...max(1, count)).map { offset in
      var end: Day?
      if let length, length > 0, let lastEnd { end = lastEnd.adding(days: offset * length) }
      return FutureSprint(name: "\(stem)\(number + offset)", end: end)
    }
  }
}
