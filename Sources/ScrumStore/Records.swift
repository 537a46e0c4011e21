import Foundation
import GRDB
import ScrumCore

// One record type per table, for writing. Reading goes through `BoardReading`, which decodes
// rows by position straight from SQLite: loading a large board is the start-up path.

struct BoardRecord: PersistableRecord {
  static let databaseTableName = "board"
  var name: String
  var prefix: String
  var nextStoryNumber: Int
  var workingDays: WorkingDays

  init(name: String, prefix: String, nextStoryNumber: Int, workingDays: WorkingDays) {
    self.name = name
    self.prefix = prefix
    self.nextStoryNumber = nextStoryNumber
    self.workingDays = workingDays
  }
  func encode(to container: inout PersistenceContainer) {
    container["id"] = 1
    container["name"] = name
    container["prefix"] = prefix
    container["nextStoryNumber"] = nextStoryNumber
    container["workingDays"] = workingDays.description
  }
}

struct DoneItemRecord: PersistableRecord {
  static let databaseTableName = "doneItem"
  var position: Int
  var text: String
  init(position: Int, text: String) {
    self.position = position
    self.text = text
  }
  func encode(to container: inout PersistenceContainer) {
    container["position"] = position
    container["text"] = text
  }
}

struct ColumnRecord: PersistableRecord {
  static let databaseTableName = "boardColumn"
  var column: ScrumCore.Column
  var position: Int
  init(_ column: ScrumCore.Column, position: Int) {
    self.column = column
    self.position = position
  }
  func encode(to container: inout PersistenceContainer) {
    container["id"] = column.id
    container["position"] = position
    container["title"] = column.title
    container["wipLimit"] = column.wipLimit
  }
}

struct MemberRecord: PersistableRecord {
  static let databaseTableName = "member"
  var name: String
  var position: Int
  init(name: String, position: Int) {
    self.name = name
    self.position = position
  }
  func encode(to container: inout PersistenceContainer) {
    container["name"] = name
    container["position"] = position
  }
}

struct EpicRecord: PersistableRecord {
  static let databaseTableName = "epic"
  var epic: Epic
  var position: Int
  init(_ epic: Epic, position: Int) {
    self.epic = epic
    self.position = position
  }
  func encode(to container: inout PersistenceContainer) {
    container["key"] = epic.key
    container["position"] = position
    container["title"] = epic.title
    container["colour"] = epic.colour
  }
}

struct SprintRecord: PersistableRecord {
  static let databaseTableName = "sprint"
  var sprint: Sprint
  var position: Int
  init(_ sprint: Sprint, position: Int) {
    self.sprint = sprint
    self.position = position
  }
  func encode(to container: inout PersistenceContainer) {
    container["name"] = sprint.name
    container["position"] = position
    container["goal"] = sprint.goal
    container["start"] = sprint.start?.description
    container["end"] = sprint.end?.description
    container["state"] = sprint.state.rawValue
    container["capacity"] = sprint.capacity
    container["closedAt"] = sprint.closedAt?.timeIntervalSince1970
  }
}

/// The story row alone; its checklists and history live in their own tables.
struct StoryRecord: PersistableRecord {
  static let databaseTableName = "story"
  var story: Story
  var revision: Int

  init(_ story: Story, revision: Int) {
    self.story = story
    self.revision = revision
  }

  /// The columns, in the order `story(from:)` reads them by position: reading by index rather
  /// than by name is most of the cost of loading a large board.
  static let selection =
    "number, title, description, type, points, status, rank, sprint, epic, labels, assignee, blocked, createdAt, updatedAt, revision, splitFrom, reference"

  /// Decodes a row selected with `selection`, straight from SQLite; a rank or type that is not
  /// valid falls back so that one damaged row never stops a board from opening.
  static func story(from row: RawRow) -> Story {
    var story = Story(
      id: StoryID(row.int(0)), title: row.text(1), description: row.text(2),
      type: StoryType(rawValue: row.text(3)) ?? .story, points: row.optionalDouble(4).flatMap(Points.init),
      status: row.text(5), rank: Rank(row.text(6)) ?? Rank.between(nil, nil), sprint: row.optionalText(7),
      epic: row.optionalText(8), labels: decodeLabels(row.text(9)), assignee: row.optionalText(10),
      blocked: row.optionalText(11), createdAt: Date(timeIntervalSince1970: row.double(12)),
      updatedAt: Date(timeIntervalSince1970: row.double(13)))
    story.splitFrom = row.optionalInt(15).map(StoryID.init)
    story.reference = row.optionalText(16)
    return story
  }

  /// The column an edit of `field` writes, and its stored value.
  static func column(for field: StoryField) -> (String, DatabaseValueConvertible?) {
    switch field {
    case .title(let title): return ("title", title)
    case .description(let text): return ("description", text)
    case .type(let type): return ("type", type.rawValue)
    case .points(let points): return ("points", points?.value)
    case .assignee(let assignee): return ("assignee", assignee)
    case .blocked(let blocked): return ("blocked", blocked)
    case .epic(let epic): return ("epic", epic)
    case .labels(let labels): return ("labels", encodeLabels(labels))
    case .sprint(let sprint): return ("sprint", sprint)
    }
  }

  func encode(to container: inout PersistenceContainer) {
    container["number"] = story.id.number
    container["title"] = story.title
    container["description"] = story.description
    container["type"] = story.type.rawValue
    container["points"] = story.points?.value
    container["status"] = story.status
    container["rank"] = story.rank.value
    container["sprint"] = story.sprint
    container["epic"] = story.epic
    container["labels"] = StoryRecord.encodeLabels(story.labels)
    container["assignee"] = story.assignee
    container["blocked"] = story.blocked
    container["createdAt"] = story.createdAt.timeIntervalSince1970
    container["updatedAt"] = story.updatedAt.timeIntervalSince1970
    container["revision"] = revision
    container["splitFrom"] = story.splitFrom?.number
    container["reference"] = story.reference
  }

  static func encodeLabels(_ labels: [String]) -> String {
    guard let data = try? JSONEncoder().encode(labels) else { return "[]" }
    return String(decoding: data, as: UTF8.self)
  }

  /// `["a","b"]` as JSONEncoder writes labels with nothing to unescape, split without a
  /// parser; nil for anything else (escapes, spaces, control characters), which the parser reads.
  static func plainLabels(_ text: String) -> [String]? {
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), backslash = UInt8(ascii: "\\")
    let bytes = Array(text.utf8)
    let last = bytes.count - 2  // where the closing quote is
    guard bytes.count >= 4, bytes[0] == UInt8(ascii: "["), bytes[1] == quote, bytes[last] == quote,
      bytes[last + 1] == UInt8(ascii: "]")
    else { return nil }
    var labels: [String] = []
    var start = 2
    var index = 2
    while index < last {
      let byte = bytes[index]
      if byte == backslash || byte < 0x20 { return nil }
      if byte == quote {
        guard index + 2 < last, bytes[index + 1] == comma, bytes[index + 2] == quote else { return nil }
        labels.append(String(decoding: bytes[start..<index], as: UTF8.self))
        index += 3
        start = index
      } else {
        index += 1
      }
    }
    labels.append(String(decoding: bytes[start..<last], as: UTF8.self))
    return labels
  }

  /// Labels are stored as a JSON array of strings. Read on every story at start-up, so the
  /// common empty list skips parsing, and the rest avoids JSONDecoder's per-call set-up.
  static func decodeLabels(_ text: String) -> [String] {
    if text == "[]" || text.isEmpty { return [] }
    if let plain = plainLabels(text) { return plain }
    guard let node = try? PositionedJSONParser.parse(text), case .array(let items) = node.value else { return [] }
    return items.compactMap { item in
      if case .string(let label) = item.value { return label }
      return nil
    }
  }
}

struct CriterionRecord: PersistableRecord {
  static let databaseTableName = "criterion"
  var storyNumber: Int
  var position: Int
  var criterion: Criterion
  init(storyNumber: Int, position: Int, criterion: Criterion) {
    self.storyNumber = storyNumber
    self.position = position
    self.criterion = criterion
  }
  func encode(to container: inout PersistenceContainer) {
    container["storyNumber"] = storyNumber
    container["position"] = position
    container["text"] = criterion.text
    container["done"] = criterion.done
  }
}

struct TaskRecord: PersistableRecord {
  static let databaseTableName = "task"
  var storyNumber: Int
  var position: Int
  var task: StoryTask
  init(storyNumber: Int, position: Int, task: StoryTask) {
    self.storyNumber = storyNumber
    self.position = position
    self.task = task
  }
  func encode(to container: inout PersistenceContainer) {
    container["storyNumber"] = storyNumber
    container["position"] = position
    container["title"] = task.title
    container["done"] = task.done
    container["assignee"] = task.assignee
  }
}

struct StatusChangeRecord: PersistableRecord {
  static let databaseTableName = "statusChange"
  var storyNumber: Int
  var change: StatusChange
  init(storyNumber: Int, change: StatusChange) {
    self.storyNumber = storyNumber
    self.change = change
  }
  func encode(to container: inout PersistenceContainer) {
    container["storyNumber"] = storyNumber
    container["fromStatus"] = change.from
    container["toStatus"] = change.to
    container["at"] = change.at.timeIntervalSince1970
  }
}

struct ScopeChangeRecord: PersistableRecord {
  static let databaseTableName = "scopeChange"
  var storyNumber: Int
  var change: ScopeChange
  init(storyNumber: Int, change: ScopeChange) {
    self.storyNumber = storyNumber
    self.change = change
  }
  func encode(to container: inout PersistenceContainer) {
    container["storyNumber"] = storyNumber
    container["at"] = change.at.timeIntervalSince1970
    container["sprint"] = change.sprint
    container["points"] = change.points?.value
    container["previousSprint"] = change.previousSprint
    container["previousPoints"] = change.previousPoints?.value
  }
}
