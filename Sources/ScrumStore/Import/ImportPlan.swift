import Foundation
import ScrumCore

/// A story read from a foreign file, before it has a key on this board.
public struct ImportedStory: Sendable {
  public var line: Int
  public var title: String
  public var description = ""
  public var type: StoryType = .story
  public var points: Points?
  /// The status as the file says it (a column id or title, or the tool's own word).
  public var status: String?
  public var sprint: String?
  /// The epic's key or name, as the file says it.
  public var epic: String?
  public var labels: [String] = []
  public var assignee: String?
  public var blocked: String?
  public var criteria: [Criterion] = []
  public var tasks: [StoryTask] = []
  public var reference: String?
  /// The story's number on this board, when the file carries this board's own keys.
  public var number: Int?
  public var createdAt: Date?
  public var updatedAt: Date?

  public init(line: Int, title: String) {
    self.line = line
    self.title = title
  }
}

/// What an import would create, and what it had to guess.
public struct ImportPlan: Sendable {
  public var stories: [ImportedStory] = []
  /// Epics the file defines (key, title), e.g. Jira issues of type Epic.
  public var epics: [Epic] = []
  /// Words the file uses for "done", mapped to the last column.
  public var doneWords: Set<String> = ["done", "closed", "resolved", "complete", "completed", "finished"]
  public var warnings: [String] = []
  public init() {}

  /// The one change that makes the plan happen on `board`: new keys after the last one, ranks
  /// after the last story, missing epics and sprints created. One transaction, all or nothing.
  public func change(on board: Board, at now: Date) -> (BoardChange, [String]) {
    var warnings = self.warnings
    var unknownStatuses: [(status: String, line: Int, count: Int)] = []
    var parts: [BoardChange] = []
    var epics = board.epics
    var sprints = board.sprints
    var epicKeys: [String: String] = [:]
    for epic in self.epics where !epics.contains(where: { $0.key == epic.key }) {
      let made = Epic(key: epic.key, title: epic.title, colour: epics.count + 1)
      epics.append(made)
      parts.append(.epicAdded(made))
    }
    var number = board.nextStoryNumber
    // Numbers the file asks for: kept when not used before (keys are never reused).
    let wanted = stories.compactMap(\.number).filter { $0 >= board.nextStoryNumber }
    var taken = Set<Int>()
    var lastRank = board.stories.last?.rank
    let ranks = Rank.evenlySpaced(count: stories.count)
    for (index, imported) in stories.enumerated() {
      // New stories go after everything; evenly spaced keys stay short even for 100,000 rows.
      let rank: Rank
      if let candidate = ranks[safe: index], lastRank.map({ $0 < candidate }) ?? true {
        rank = candidate
      } else {
        rank = Rank.between(lastRank, nil)
      }
      lastRank = rank
      let status = column(for: imported.status, on: board, line: imported.line, unknown: &unknownStatuses)
      var epicKey: String?
      if let name = imported.epic?.trimmingWhitespace(), !name.isEmpty {
        if let known = epics.first(where: { $0.key == name || $0.title.lowercased() == name.lowercased() }) {
          epicKey = known.key
        } else if let made = epicKeys[name] {
          epicKey = made
        } else {
          let key = newEpicKey(for: name, existing: epics.map(\.key))
          let epic = Epic(key: key, title: name, colour: epics.count + 1)
          epics.append(epic)
          epicKeys[name] = key
          parts.append(.epicAdded(epic))
          epicKey = key
        }
      }
      var sprintName: String?
      if let name = imported.sprint?.trimmingWhitespace(), !name.isEmpty {
        if let known = sprints.first(where: { $0.name.lowercased() == name.lowercased() }) {
          sprintName = known.name
        } else {
          let sprint = Sprint(name: name, state: .planned)
          sprints.append(sprint)
          parts.append(.sprintAdded(sprint))
          sprintName = name
        }
      }
      let title = imported.title.trimmingWhitespace().isEmpty ? "(untitled, line \(imported.line))" : imported.title
      let id: Int
      if let asked = imported.number, asked >= board.nextStoryNumber, !taken.contains(asked) {
        id = asked
      } else {
        while taken.contains(number) || wanted.contains(number) { number += 1 }
        id = number
        number += 1
      }
      taken.insert(id)
      var story = Story(
        id: StoryID(id), title: title, description: imported.description, type: imported.type,
        points: imported.points, status: status, rank: rank, sprint: sprintName, epic: epicKey,
        labels: imported.labels, assignee: imported.assignee, blocked: imported.blocked,
        acceptanceCriteria: imported.criteria, tasks: imported.tasks, createdAt: imported.createdAt ?? now,
        updatedAt: imported.updatedAt ?? imported.createdAt ?? now)
      story.reference = imported.reference
      parts.append(.storyAdded(story))
    }
    let first = board.columns.first?.title ?? "the first column"
    for unknown in unknownStatuses {
      let stories = unknown.count == 1 ? "1 story" : "\(unknown.count) stories"
      let place = unknown.line > 0 ? "line \(unknown.line): " : ""
      warnings.append("\(place)unknown status \"\(unknown.status)\" (\(stories)), put in \(first)")
    }
    return (.batch(parts), warnings)
  }

  private func column(
    for status: String?, on board: Board, line: Int, unknown: inout [(status: String, line: Int, count: Int)]
  ) -> String {
    let first = board.columns.first?.id ?? "todo"
    guard let status = status?.trimmingWhitespace(), !status.isEmpty else { return first }
    if let id = try? board.columnID(for: status) { return id }
    let lowered = status.lowercased()
    if let id = try? board.columnID(for: lowered.replacingOccurrences(of: " ", with: "-")) { return id }
    if doneWords.contains(lowered), let done = board.columns.last?.id { return done }
    if ["open", "backlog", "new", "selected for development"].contains(lowered) { return first }
    // Reported once per status, at its first line, with how many stories had it.
    if let index = unknown.firstIndex(where: { $0.status == status }) {
      unknown[index].count += 1
    } else {
      unknown.append((status, line, 1))
    }
    return first
  }

  /// A short key for a new epic: the name itself when it already looks like a key (CHK, TES-3),
  /// else its initials, made unique.
  private func newEpicKey(for name: String, existing: [String]) -> String {
    let looksLikeKey = name.count <= 12 && !name.contains(" ") && name == name.uppercased()
    if looksLikeKey, !existing.contains(name) { return name }
    let letters = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).compactMap { $0.first }
    var base = String(letters.prefix(4)).uppercased()
    if base.isEmpty { base = "EPIC" }
    var key = base
    var counter = 2
    while existing.contains(key) {
      key = "\(base)\(counter)"
      counter += 1
    }
    return key
  }
}

