import Foundation
import ScrumCore

/// Why an import was refused: the file, the line, the field and the problem, on one line.
public struct ImportError: Error, Equatable, CustomStringConvertible {
  public let file: String
  public let line: Int
  public let field: String
  public let problem: String

  public init(file: String, line: Int, field: String, problem: String) {
    self.file = file
    self.line = line
    self.field = field
    self.problem = problem
  }

  public var description: String {
    field.isEmpty ? "\(file):\(line): \(problem)" : "\(file):\(line): \(field): \(problem)"
  }
}

/// Reads the `scrum-board` JSON format (what `scrum export --format json` writes) into a board.
public struct BoardImport {
  private let file: String

  /// Parses and checks a whole file; throws on the first problem, so nothing half-read is ever
  /// written. Stories get ranks in file order (the order an export writes them in).
  public static func board(fromJSON text: String, file: String) throws -> Board {
    let root: JSONNode
    do {
      root = try PositionedJSONParser.parse(text)
    } catch let error as JSONSyntaxError {
      throw ImportError(file: file, line: error.line, field: "", problem: "not valid JSON (column \(error.column): \(error.message))")
    }
    return try BoardImport(file: file).board(from: root)
  }

  private func fail(_ node: JSONNode, _ field: String, _ problem: String) -> ImportError {
    ImportError(file: file, line: node.line, field: field, problem: problem)
  }

  private func object(_ node: JSONNode, _ field: String) throws -> JSONNode {
    guard case .object = node.value else { throw fail(node, field, "expected an object, found \(node.kind)") }
    return node
  }

  private func array(_ node: JSONNode?, _ field: String, in parent: JSONNode) throws -> [JSONNode] {
    guard let node else { return [] }
    guard case .array(let items) = node.value else { throw fail(node, field, "expected an array, found \(node.kind)") }
    return items
  }

  private func string(_ node: JSONNode?, _ field: String, in parent: JSONNode) throws -> String {
    guard let node else { throw fail(parent, field, "missing") }
    guard case .string(let text) = node.value else { throw fail(node, field, "expected a string, found \(node.kind)") }
    return text
  }

  private func optionalString(_ node: JSONNode?, _ field: String) throws -> String? {
    guard let node else { return nil }
    switch node.value {
    case .null: return nil
    case .string(let text): return text
    default: throw fail(node, field, "expected a string or null, found \(node.kind)")
    }
  }

  private func bool(_ node: JSONNode?, _ field: String, in parent: JSONNode) throws -> Bool {
    guard let node else { return false }
    guard case .bool(let value) = node.value else { throw fail(node, field, "expected true or false, found \(node.kind)") }
    return value
  }

  private func optionalNumber(_ node: JSONNode?, _ field: String) throws -> Double? {
    guard let node else { return nil }
    switch node.value {
    case .null: return nil
    case .number(let value): return value
    default: throw fail(node, field, "expected a number or null, found \(node.kind)")
    }
  }

  private func day(_ node: JSONNode?, _ field: String) throws -> Day? {
    guard let node, let text = try optionalString(node, field) else { return nil }
    guard let day = Day(text) else { throw fail(node, field, "\"\(text)\" is not a date YYYY-MM-DD") }
    return day
  }

  private func time(_ node: JSONNode?, _ field: String, in parent: JSONNode, default fallback: Date) throws -> Date {
    guard let text = try optionalString(node, field), let node else { return fallback }
    guard let date = try? Date(text, strategy: .iso8601) else {
      throw fail(node, field, "\"\(text)\" is not a time like 2026-11-29T10:00:00Z")
    }
    return date
  }

  private func board(from root: JSONNode) throws -> Board {
    _ = try object(root, "")
    let format = try string(root["format"], "format", in: root)
    guard format == BoardExport.formatName else {
      throw fail(root["format"] ?? root, "format", "expected \"\(BoardExport.formatName)\", found \"\(format)\"")
    }
    guard let versionNode = root["version"], case .number(let version) = versionNode.value else {
      throw fail(root, "version", "missing")
    }
    guard version == Double(BoardExport.version) else {
      throw fail(versionNode, "version", "version \(Points.format(version)) is not supported (this scrum reads version \(BoardExport.version))")
    }
    let name = try string(root["name"], "name", in: root)
    let prefix = try string(root["prefix"], "prefix", in: root)
    guard !prefix.isEmpty else { throw fail(root["prefix"] ?? root, "prefix", "must not be empty") }

    let done = try array(root["definitionOfDone"], "definitionOfDone", in: root).enumerated().map { index, node in
      try string(node, "definitionOfDone[\(index)]", in: root)
    }

    var columns: [Column] = []
    for (index, node) in try array(root["columns"], "columns", in: root).enumerated() {
      let field = "columns[\(index)]"
      _ = try object(node, field)
      let id = try string(node["id"], "\(field).id", in: node)
      guard !columns.contains(where: { $0.id == id }) else { throw fail(node, "\(field).id", "\"\(id)\" appears twice") }
      let limit = try optionalNumber(node["wipLimit"], "\(field).wipLimit")
      if let limit, limit < 0 || limit != limit.rounded() {
        throw fail(node["wipLimit"] ?? node, "\(field).wipLimit", "expected a whole number or null")
      }
      columns.append(Column(id: id, title: try string(node["title"], "\(field).title", in: node), wipLimit: limit.map { Int($0) }))
    }
    if columns.isEmpty { columns = Column.defaults }

    var epics: [Epic] = []
    for (index, node) in try array(root["epics"], "epics", in: root).enumerated() {
      let field = "epics[\(index)]"
      _ = try object(node, field)
      let key = try string(node["key"], "\(field).key", in: node)
      epics.append(Epic(key: key, title: try string(node["title"], "\(field).title", in: node), colour: index + 1))
    }

    var sprints: [Sprint] = []
    for (index, node) in try array(root["sprints"], "sprints", in: root).enumerated() {
      let field = "sprints[\(index)]"
      _ = try object(node, field)
      let sprintName = try string(node["name"], "\(field).name", in: node)
      guard !sprints.contains(where: { $0.name == sprintName }) else { throw fail(node, "\(field).name", "\"\(sprintName)\" appears twice") }
      let stateText = try string(node["state"], "\(field).state", in: node)
      guard let state = SprintState(rawValue: stateText) else {
        throw fail(node["state"] ?? node, "\(field).state", "expected planned, active or closed, found \"\(stateText)\"")
      }
      if state == .active, let active = sprints.first(where: { $0.state == .active }) {
        throw fail(node, "\(field).state", "a second active sprint (\"\(active.name)\" is active)")
      }
      sprints.append(
        Sprint(
          name: sprintName, goal: try optionalString(node["goal"], "\(field).goal") ?? "",
          start: try day(node["start"], "\(field).start"), end: try day(node["end"], "\(field).end"), state: state))
    }

    let storyNodes = try array(root["stories"], "stories", in: root)
    let ranks = Rank.evenlySpaced(count: storyNodes.count)
    var stories: [Story] = []
    var seen: Set<Int> = []
    for (index, node) in storyNodes.enumerated() {
      let field = "stories[\(index)]"
      _ = try object(node, field)
      let key = try string(node["key"], "\(field).key", in: node)
      let parts = key.split(separator: "-")
      guard parts.count == 2, String(parts[0]) == prefix, let number = Int(parts[1]), number > 0 else {
        throw fail(node["key"] ?? node, "\(field).key", "\"\(key)\" is not a key of the form \(prefix)-<number>")
      }
      guard seen.insert(number).inserted else { throw fail(node["key"] ?? node, "\(field).key", "\(key) appears twice") }
      let title = try string(node["title"], "\(field).title", in: node)
      guard !title.trimmingWhitespace().isEmpty else { throw fail(node["title"] ?? node, "\(field).title", "must not be empty") }
      let typeText = try optionalString(node["type"], "\(field).type") ?? "story"
      guard let type = StoryType(rawValue: typeText) else {
        throw fail(node["type"] ?? node, "\(field).type", "expected story, bug, chore or spike, found \"\(typeText)\"")
      }
      var points: Points?
      if let value = try optionalNumber(node["points"], "\(field).points") {
        guard let onScale = Points(value) else {
          throw fail(node["points"] ?? node, "\(field).points", BoardError.pointsNotOnScale(Points.format(value)).description)
        }
        points = onScale
      }
      let status = try optionalString(node["status"], "\(field).status") ?? columns[0].id
      guard columns.contains(where: { $0.id == status }) else {
        throw fail(node["status"] ?? node, "\(field).status", "unknown status \"\(status)\" (columns: \(columns.map(\.id).joined(separator: ", ")))")
      }
      let sprint = try optionalString(node["sprint"], "\(field).sprint")
      if let sprint, !sprints.contains(where: { $0.name == sprint }) {
        throw fail(node["sprint"] ?? node, "\(field).sprint", "no sprint named \"\(sprint)\" in the file")
      }
      let epic = try optionalString(node["epic"], "\(field).epic")
      if let epic, !epics.contains(where: { $0.key == epic }) {
        throw fail(node["epic"] ?? node, "\(field).epic", "no epic \"\(epic)\" in the file")
      }
      let labels = try array(node["labels"], "\(field).labels", in: node).enumerated().map { labelIndex, label in
        try string(label, "\(field).labels[\(labelIndex)]", in: node)
      }
      let criteria = try array(node["acceptanceCriteria"], "\(field).acceptanceCriteria", in: node).enumerated().map {
        criterionIndex, item in
        let itemField = "\(field).acceptanceCriteria[\(criterionIndex)]"
        _ = try object(item, itemField)
        return Criterion(
          try string(item["text"], "\(itemField).text", in: item), done: try bool(item["done"], "\(itemField).done", in: item))
      }
      let tasks = try array(node["tasks"], "\(field).tasks", in: node).enumerated().map { taskIndex, item in
        let itemField = "\(field).tasks[\(taskIndex)]"
        _ = try object(item, itemField)
        return StoryTask(
          try string(item["title"], "\(itemField).title", in: item), done: try bool(item["done"], "\(itemField).done", in: item),
          assignee: try optionalString(item["assignee"], "\(itemField).assignee"))
      }
      let created = try time(node["createdAt"], "\(field).createdAt", in: node, default: Date(timeIntervalSince1970: 0))
      let reference = try optionalString(node["reference"], "\(field).reference")
      stories.append(
        Story(
          id: StoryID(number), title: title, description: try optionalString(node["description"], "\(field).description") ?? "",
          type: type, points: points, status: status, rank: ranks[index], sprint: sprint, epic: epic, labels: labels,
          assignee: try optionalString(node["assignee"], "\(field).assignee"),
          blocked: try optionalString(node["blocked"], "\(field).blocked"), acceptanceCriteria: criteria, tasks: tasks,
          createdAt: created, updatedAt: try time(node["updatedAt"], "\(field).updatedAt", in: node, default: created)))
      stories[stories.count - 1].reference = reference
    }
    return Board(
      name: name, prefix: prefix, definitionOfDone: done, columns: columns, epics: epics, sprints: sprints, stories: stories)
  }
}
