import Foundation
import ScrumCore

/// The reads that turn a board file's rows into a `Board`, through either connection a board
/// is read with (`RawRowSource`): GRDB's once the board is open, a bare one for its first
/// screen. Every column is read by position, straight from SQLite.
enum BoardReading {
  /// The board's revision: one more with every change written.
  static func revision(_ source: some RawRowSource) throws -> Int {
    try source.integers("SELECT revision FROM board WHERE id = 1").first ?? 0
  }

  /// The migrations a board file has had, from GRDB's own record of them.
  static func appliedMigrations(_ source: some RawRowSource) throws -> Set<String> {
    Set(try source.texts("SELECT identifier FROM grdb_migrations"))
  }

  /// Whether the file has the two tables every board has (a foreign SQLite file does not).
  static func looksLikeABoard(_ source: some RawRowSource) throws -> Bool {
    let tables = try source.integers(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('grdb_migrations', 'board')")
    return tables.first == 2
  }

  /// Everything but the stories. Nil when the board row is missing.
  static func settings(_ source: some RawRowSource) throws -> Board? {
    var found: (name: String, prefix: String, nextStoryNumber: Int, workingDays: WorkingDays)?
    try source.forEachRawRow("SELECT name, prefix, nextStoryNumber, workingDays FROM board WHERE id = 1") { row in
      found = (
        row.text(0), row.text(1), row.int(2), row.optionalText(3).flatMap(WorkingDays.init(parsing:)) ?? .mondayToFriday
      )
    }
    guard let found else { return nil }
    var columns: [ScrumCore.Column] = []
    try source.forEachRawRow("SELECT id, title, wipLimit FROM boardColumn ORDER BY position") { row in
      columns.append(ScrumCore.Column(id: row.text(0), title: row.text(1), wipLimit: row.optionalInt(2)))
    }
    var epics: [Epic] = []
    try source.forEachRawRow("SELECT key, title, colour FROM epic ORDER BY position") { row in
      epics.append(Epic(key: row.text(0), title: row.text(1), colour: row.int(2)))
    }
    var sprints: [Sprint] = []
    try source.forEachRawRow(
      "SELECT name, goal, start, \"end\", state, capacity, closedAt FROM sprint ORDER BY position"
    ) { row in
      sprints.append(
        Sprint(
          name: row.text(0), goal: row.text(1), start: row.optionalText(2).flatMap(Day.init),
          end: row.optionalText(3).flatMap(Day.init), state: SprintState(rawValue: row.text(4)) ?? .planned,
          capacity: row.optionalDouble(5), closedAt: row.optionalDouble(6).map(Date.init(timeIntervalSince1970:))))
    }
    return Board(
      name: found.name, prefix: found.prefix, definitionOfDone: try source.texts("SELECT text FROM doneItem ORDER BY position"),
      columns: columns, members: try source.texts("SELECT name FROM member ORDER BY position"), epics: epics,
      sprints: sprints, nextStoryNumber: found.nextStoryNumber, workingDays: found.workingDays)
  }

  /// What of a story is read besides its own row.
  struct Parts: OptionSet {
    let rawValue: Int
    static let criteria = Parts(rawValue: 1)
    static let tasks = Parts(rawValue: 2)
    static let statusHistory = Parts(rawValue: 4)
    static let scopeHistory = Parts(rawValue: 8)
    static let all: Parts = [.criteria, .tasks, .statusHistory, .scopeHistory]
  }

  /// Stories matching `storyCondition` on the story table (all when nil), with their checklists
  /// and histories (those of `reading`): the rows of those tables whose story matches, or
  /// `partCondition` on them when it says the same more directly. Checklists are gathered per
  /// story number in arrays: this is the whole cost of opening a large board.
  static func stories(
    _ source: some RawRowSource, storyCondition: String?, partCondition: String? = nil, arguments: [SQLArgument] = [],
    reading: Parts = .all
  ) throws -> [Story] {
    let filter = storyCondition.map { condition in
      "WHERE " + (partCondition ?? "storyNumber IN (SELECT number FROM story WHERE \(condition))")
    } ?? ""
    var parts = StoryParts()
    if reading.contains(.criteria) {
      try source.forEachRawRow(
        "SELECT storyNumber, text, done FROM criterion \(filter) ORDER BY storyNumber, position", arguments: arguments
      ) { row in parts.criteria[row.int(0), default: []].append(Criterion(row.text(1), done: row.bool(2))) }
    }
    if reading.contains(.tasks) {
      try source.forEachRawRow(
        "SELECT storyNumber, title, done, assignee FROM task \(filter) ORDER BY storyNumber, position",
        arguments: arguments
      ) { row in
        parts.tasks[row.int(0), default: []].append(
          StoryTask(row.text(1), done: row.bool(2), assignee: row.optionalText(3)))
      }
    }
    if reading.contains(.statusHistory) {
      try source.forEachRawRow(
        "SELECT storyNumber, fromStatus, toStatus, at FROM statusChange \(filter) ORDER BY id", arguments: arguments
      ) { row in
        parts.history[row.int(0), default: []].append(
          StatusChange(from: row.optionalText(1), to: row.text(2), at: Date(timeIntervalSince1970: row.double(3))))
      }
    }
    if reading.contains(.scopeHistory) {
      try source.forEachRawRow(
        "SELECT storyNumber, at, sprint, points, previousSprint, previousPoints FROM scopeChange \(filter) ORDER BY id",
        arguments: arguments
      ) { row in
        parts.scopeHistory[row.int(0), default: []].append(
          ScopeChange(
            at: Date(timeIntervalSince1970: row.double(1)), sprint: row.optionalText(2),
            points: row.optionalDouble(3).flatMap(Points.init), previousSprint: row.optionalText(4),
            previousPoints: row.optionalDouble(5).flatMap(Points.init)))
      }
    }
    // A whole board comes in rank order (the rank column is indexed), so it need not be sorted
    // again; some stories (changed ones, a preview's) are looked up by their condition's index,
    // which ordering would defeat (the board sorts them).
    let selection = storyCondition.map { "WHERE \($0)" } ?? "ORDER BY rank, number"
    var stories: [Story] = []
    try source.forEachRawRow("SELECT \(StoryRecord.selection) FROM story \(selection)", arguments: arguments) { row in
      var story = StoryRecord.story(from: row)
      let number = story.id.number
      story.acceptanceCriteria = parts.criteria.removeValue(forKey: number) ?? []
      story.tasks = parts.tasks.removeValue(forKey: number) ?? []
      story.history = parts.history.removeValue(forKey: number) ?? []
      story.scopeHistory = parts.scopeHistory.removeValue(forKey: number) ?? []
      stories.append(story)
    }
    return stories
  }

  /// Checklists and histories per story number, taken as each story is read.
  private struct StoryParts {
    var criteria: [Int: [Criterion]] = [:]
    var tasks: [Int: [StoryTask]] = [:]
    var history: [Int: [StatusChange]] = [:]
    var scopeHistory: [Int: [ScopeChange]] = [:]
  }

  /// The product backlog's totals, as the board file's triggers keep them (schema v8).
  static func backlogTotals(_ source: some RawRowSource) throws -> StoryTotals {
    var totals = StoryTotals()
    try source.forEachRawRow("SELECT stories, points, readyPoints FROM backlogTotals WHERE id = 1") { row in
      totals = StoryTotals(count: row.int(0), points: row.double(1), readyPoints: row.double(2))
    }
    return totals
  }

  /// Whether the board is large enough for a first screen read on its own (a preview): told by
  /// how far its stories are numbered, from the settings already read, not by counting them
  /// (a statement to prepare and 500 index entries to walk, before the first frame). A board
  /// whose stories were deleted may be previewed when it could have been read whole: as
  /// correct, a little later to finish loading.
  static func numbersReach(_ settings: Board, _ count: Int) -> Bool {
    settings.nextStoryNumber - 1 >= count
  }

  /// The first screen of a board whose settings the caller has read: with them, the stories of
  /// the sprints still open, the first `backlogLimit` product backlog stories by rank, and the
  /// backlog's totals. The stories carry what a first screen shows of them: their acceptance
  /// criteria (which make a story ready) and, with `statusHistory`, their status changes (how
  /// long a card has been in its column); no first screen shows tasks or estimate history.
  static func top(
    _ source: some RawRowSource, settings: Board, backlogLimit: Int, statusHistory: Bool
  ) throws -> BoardRepository.Preview {
    // Which stories, as a subquery each statement runs for itself (by index): their numbers
    // written into each statement's text instead, 80 of them, made preparing the statements
    // cost more than running them.
    var chosen = "SELECT number FROM (SELECT number FROM story WHERE sprint IS NULL ORDER BY rank, number LIMIT ?)"
    var arguments: [SQLArgument] = [.int(backlogLimit)]
    let openSprints = settings.sprints.filter { $0.state != .closed }.map(\.name)
    if !openSprints.isEmpty {
      chosen += " UNION ALL SELECT number FROM story WHERE sprint IN ("
        + openSprints.map { _ in "?" }.concatenated(separator: ",") + ")"
      arguments += openSprints.map(SQLArgument.text)
    }
    let stories = try stories(
      source, storyCondition: "number IN (\(chosen))", partCondition: "storyNumber IN (\(chosen))",
      arguments: arguments, reading: statusHistory ? [.criteria, .statusHistory] : .criteria)
    return BoardRepository.Preview(board: settings.with(stories: stories), backlogTotals: try backlogTotals(source))
  }
}
