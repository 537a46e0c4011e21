import Foundation

/// What a sprint held and finished, day by day, computed from the stories' status and scope
/// histories: the numbers behind the burndown, the burnup and the cumulative flow.
///
/// Time is read from `now` only (an injected clock), so a test gets exact numbers.
public struct SprintReport: Equatable, Sendable {
  /// The sprint's state on one day: measured at the day's end, at the close for the day a
  /// sprint closed, and at `now` for today.
  public struct Sample: Equatable, Sendable {
    public var day: Day
    /// Points of the stories in the sprint.
    public var scope: Double
    /// Points of those stories that were done.
    public var completed: Double
    public var remaining: Double { scope - completed }
    /// Stories in the sprint per status column, in the board's column order.
    public var storiesPerColumn: [Int]
  }

  public let sprint: Sprint
  /// The columns the flow counts refer to.
  public let columns: [Column]
  /// The working days of the sprint, first to last (every day when none of them is one).
  public let days: [Day]
  /// One sample per day that has begun, in the order of `days`.
  public let samples: [Sample]
  /// The scope at the end of the first day: what the team took on.
  public let committed: Double
  /// Stories finished in the sprint, with their cycle times.
  public let cycleTimes: [CycleTime]
  /// When the last sample was measured (nil before the sprint's first day).
  public let measuredAt: Date?

  /// The line from `committed` at the start down to zero at the end of the last day: one
  /// point for the start, then one for the end of each day.
  public var ideal: [Double] {
    let steps = days.count
    guard steps > 0 else { return [committed] }
    return (0...steps).map { committed * (1 - Double($0) / Double(steps)) }
  }

  /// Remaining points at the start, then at the end of each day so far (the burndown line).
  public var remaining: [Double] { [committed] + samples.map(\.remaining) }
  /// Scope and completed points at the start, then at each day's end (the burnup lines).
  public var scope: [Double] { [committed] + samples.map(\.scope) }
  public var completed: [Double] { [0] + samples.map(\.completed) }

  /// Points finished by the last sample (the sprint's velocity once it is closed).
  public var completedPoints: Double { samples.last?.completed ?? 0 }
  /// Scope added (positive) or removed since the commitment.
  public var scopeChange: Double { (samples.last?.scope ?? committed) - committed }

  /// Where the remaining points stand against the ideal line today: positive when behind.
  public var behindIdeal: Double? {
    guard let last = samples.indices.last else { return nil }
    return samples[last].remaining - ideal[min(last + 1, ideal.count - 1)]
  }

  public init(board: Board, sprint: Sprint, now: Date) {
    self.sprint = sprint
    columns = board.columns
    let days = SprintReport.days(of: sprint, workingDays: board.workingDays, now: now)
    self.days = days
    let doneStatus = board.columns.last?.id
    let columnIndex = Dictionary(board.columns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let stories = board.storiesEverIn(sprint: sprint.name)
    let today = Day(date: now)

    var samples: [Sample] = []
    var lastTime: Date?
    let begun = days.filter { $0 <= today }
    for day in begun {
      var time = min(day.endOfDay, now)
      if day == begun.last {
        // The latest day counts up to the close, or, while the sprint runs, up to now: on a
        // weekend, the work done since Friday shows on Friday's point until Monday begins.
        if let closedAt = sprint.closedAt {
          time = min(now, closedAt)
        } else if sprint.state != .closed {
          time = now
        }
      }
      if let closedAt = sprint.closedAt {
        // The close itself moves unfinished stories out: measure just before it.
        guard day <= Day(date: closedAt) else { break }
        time = min(time, closedAt.addingTimeInterval(-0.001))
      }
      var sample = Sample(day: day, scope: 0, completed: 0, storiesPerColumn: Array(repeating: 0, count: board.columns.count))
      for story in stories {
        guard let status = story.status(at: time) else { continue }
        let scope = story.scope(at: time)
        guard scope.sprint == sprint.name else { continue }
        let points = scope.points?.value ?? 0
        sample.scope += points
        if status == doneStatus { sample.completed += points }
        if let index = columnIndex[status] { sample.storiesPerColumn[index] += 1 }
      }
      samples.append(sample)
      lastTime = time
    }
    self.samples = samples
    measuredAt = lastTime
    committed = samples.first?.scope ?? board.stories(inSprint: sprint.name).compactMap(\.points?.value).reduce(0, +)

    // Cycle times of the stories done at the last sample.
    var cycleTimes: [CycleTime] = []
    if let doneStatus, let end = lastTime {
      for story in stories where story.status(at: end) == doneStatus && story.scope(at: end).sprint == sprint.name {
        if let time = CycleTime(story, doneStatus: doneStatus, firstStatus: board.columns.first?.id, until: end,
          workingDays: board.workingDays)
        {
          cycleTimes.append(time)
        }
      }
    }
    self.cycleTimes = cycleTimes.sorted { ($0.days, $1.story.number) > ($1.days, $0.story.number) }
  }

  /// The sprint's working days from its start to its end (or to today, for an open-ended one).
  static func days(of sprint: Sprint, workingDays: WorkingDays, now: Date) -> [Day] {
    guard let start = sprint.start else { return [] }
    let today = Day(date: now)
    let end = sprint.end ?? sprint.closedAt.map(Day.init(date:)) ?? max(start, today)
    guard start <= end else { return [start] }
    // A few years at most: a typo in an end date must not make a chart of a million days.
    let all = (0...min(start.days(to: end), 3660)).map { start.adding(days: $0) }
    let working = all.filter(workingDays.contains)
    return working.isEmpty ? all : working
  }
}

/// How long a finished story took from leaving the first column to reaching done, in working
/// days (weekends, as the board counts them, do not count).
public struct CycleTime: Equatable, Sendable {
  public var story: StoryID
  public var started: Date
  public var finished: Date
  public var days: Double

  init?(_ story: Story, doneStatus: String, firstStatus: String?, until end: Date, workingDays: WorkingDays) {
    let history = story.history.filter { $0.at <= end }
    guard let finished = history.last(where: { $0.to == doneStatus })?.at else { return nil }
    // Work starts when the story first leaves the first column (straight to done: no time).
    let started = history.first(where: { $0.to != firstStatus })?.at ?? finished
    self.story = story.id
    self.started = min(started, finished)
    self.finished = finished
    days = CycleTime.workingTime(from: self.started, to: finished, workingDays: workingDays)
  }

  /// Days between two instants, counting only the parts of working days.
  static func workingTime(from start: Date, to end: Date, workingDays: WorkingDays) -> Double {
    guard end > start else { return 0 }
    var total = 0.0
    var day = Day(date: start)
    let last = Day(date: end)
    while day <= last {
      if workingDays.contains(day) {
        let from = max(start, day.date)
        let to = min(end, day.adding(days: 1).date)
        total += to.timeIntervalSince(from) / 86_400
      }
      day = day.adding(days: 1)
    }
    return total
  }
}

extension Array where Element == CycleTime {
  /// The median cycle time in days, if any story finished.
  public var median: Double? {
    let sorted = map(\.days).sorted()
    guard !sorted.isEmpty else { return nil }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// The time within which 85% of the stories finished (nearest rank).
  public var percentile85: Double? {
    let sorted = map(\.days).sorted()
    guard !sorted.isEmpty else { return nil }
    let rank = Int((0.85 * Double(sorted.count)).rounded(.up))
    return sorted[Swift.max(0, rank - 1)]
  }
}
