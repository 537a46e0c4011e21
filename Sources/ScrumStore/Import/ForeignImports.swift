import Foundation
import ScrumCore

/// Readers for other tools' exports. Each turns a file into an `ImportPlan` or fails with the
/// file, line (or JSON path), field and problem; nothing is written until the whole file reads.
public enum ForeignImport {
  // MARK: text

  /// The file's text: UTF-8 (with or without a BOM) or UTF-16 with a BOM. Invalid UTF-8 is an
  /// error naming the line, unless `lenient`, when it is replaced by U+FFFD.
  public static func text(of data: Data, file: String, lenient: Bool) throws -> String {
    let bytes = [UInt8](data)
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      guard let text = String(data: data, encoding: .utf16) else {
        throw ImportError(file: file, line: 1, field: "", problem: "not valid UTF-16 text")
      }
      return text
    }
    if let text = String(data: data, encoding: .utf8) { return text }
    if lenient { return String(decoding: data, as: UTF8.self) }
    // Name the first line that is not UTF-8.
    var line = 1
    for chunk in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      if String(bytes: chunk, encoding: .utf8) == nil { break }
      line += 1
    }
    throw ImportError(file: file, line: line, field: "", problem: "not UTF-8 text (use --lenient to replace bad bytes)")
  }

  private static func records(_ text: String, file: String) throws -> CSVTable {
    do {
      return CSVTable(try CSVReader.records(text))
    } catch let failure as CSVReader.Failure {
      throw ImportError(file: file, line: failure.line, field: "", problem: "not valid CSV: \(failure.message)")
    }
  }

  /// Points on the scale: the nearest value on it, with a warning when the file's was not.
  private static func points(_ text: String?, line: Int, field: String, file: String, warnings: inout [String]) throws -> Points? {
    guard let text = text?.trimmingWhitespace(), !text.isEmpty else { return nil }
    guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value >= 0, value.isFinite else {
      throw ImportError(file: file, line: line, field: field, problem: "\"\(text)\" is not a number of points")
    }
    if let exact = Points(value) { return exact }
    // The nearest value on the scale; between two, the larger (an estimate rounds up).
    let nearest = Points.scale.min { a, b in
      let (da, db) = (abs(a.value - value), abs(b.value - value))
      return da != db ? da < db : a.value > b.value
    }
    warnings.append("line \(line): \(Points.format(value)) points is not on the scale; took \(nearest?.description ?? "none")")
    return nearest
  }

  private static func type(_ text: String?) -> StoryType {
    switch text?.trimmingWhitespace().lowercased() ?? "" {
    case "bug", "defect", "incident": return .bug
    case "task", "sub-task", "subtask", "chore", "tech debt", "technical task": return .chore
    case "spike", "research": return .spike
    default: return .story
    }
  }

  // MARK: Jira

  /// Jira's "Export CSV (all fields)": repeated Labels and Sprint columns, story points under
  /// the names Jira uses, epics from issues of type Epic, the Jira key kept as the reference.
  public static func jiraCSV(_ text: String, file: String) throws -> ImportPlan {
    let table = try records(text, file: file)
    let summary = table.columns("Summary")
    guard !summary.isEmpty else {
      throw ImportError(file: file, line: 1, field: "Summary", problem: "no Summary column: is this a Jira CSV export?")
    }
    let key = table.columns("Issue key")
    let type = table.columns("Issue Type")
    let status = table.columns("Status")
    let description = table.columns("Description")
    let assignee = table.columns("Assignee")
    let labels = table.columns("Labels")
    let sprint = table.columns("Sprint")
    let points = table.columns(
      "Story Points", "Custom field (Story Points)", "Story point estimate", "Custom field (Story point estimate)")
    let epicLink = table.columns("Epic Link", "Custom field (Epic Link)", "Custom field (Epic Name)")
    let parentSummary = table.columns("Parent summary", "Parent Summary")
    let created = table.columns("Created")
    let updated = table.columns("Updated")
    var plan = ImportPlan()
    for row in table.rows {
      let title = table.value(row, summary) ?? ""
      let issueKey = table.value(row, key)
      if table.value(row, type)?.lowercased() == "epic" {
        if let issueKey { plan.epics.append(Epic(key: issueKey, title: title)) }
        continue
      }
      var story = ImportedStory(line: row.line, title: title)
      story.reference = issueKey
      story.type = self.type(table.value(row, type))
      story.status = table.value(row, status)
      story.description = table.value(row, description) ?? ""
      story.assignee = table.value(row, assignee)
      story.labels = table.values(row, labels)
      // A story carried over sprints lists each; the last is where it is now.
      story.sprint = table.values(row, sprint).last
      story.points = try self.points(
        table.value(row, points), line: row.line, field: "Story Points", file: file, warnings: &plan.warnings)
      story.epic = table.value(row, epicLink) ?? table.value(row, parentSummary)
      story.createdAt = table.value(row, created).flatMap(jiraDate)
      story.updatedAt = table.value(row, updated).flatMap(jiraDate)
      plan.stories.append(story)
    }
    return plan
  }

  /// Jira writes times like "22/Sep/25 2:36 PM".
  private static func jiraDate(_ text: String) -> Date? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    for format in ["dd/MMM/yy h:mm a", "dd/MMM/yyyy h:mm a", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"] {
      formatter.dateFormat = format
      if let date = formatter.date(from: text.trimmingWhitespace()) { return date }
    }
    return nil
  }

  // MARK: CSV

  /// A CSV with a header row naming the fields (scrum's own CSV export, or a hand-made one):
  /// title, description, type, points, status, sprint, epic, labels, assignee, blocked,
  /// acceptanceCriteria and tasks (one per line, "[x] text"), key, createdAt, updatedAt.
  public static func csv(_ text: String, file: String, prefix: String) throws -> ImportPlan {
    let table = try records(text, file: file)
    let title = table.columns("title", "summary", "name", "subject")
    guard !title.isEmpty else {
      throw ImportError(file: file, line: 1, field: "title", problem: "no title column (the header must name one)")
    }
    var plan = ImportPlan()
    for row in table.rows {
      guard row.fields.count <= table.header.count || table.header.isEmpty else {
        throw ImportError(
          file: file, line: row.line, field: "",
          problem: "\(row.fields.count) fields, but the header names \(table.header.count)")
      }
      var story = ImportedStory(line: row.line, title: table.value(row, title) ?? "")
      story.description = table.value(row, table.columns("description", "body")) ?? ""
      story.type = type(table.value(row, table.columns("type", "issue type")))
      story.points = try points(
        table.value(row, table.columns("points", "estimate", "story points")), line: row.line, field: "points",
        file: file, warnings: &plan.warnings)
      story.status = table.value(row, table.columns("status", "state"))
      story.sprint = table.value(row, table.columns("sprint", "milestone", "cycle name"))
      story.epic = table.value(row, table.columns("epic", "project"))
      story.labels = (table.value(row, table.columns("labels", "tags")) ?? "")
        .split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" }).map { String($0).trimmingWhitespace() }
        .filter { !$0.isEmpty }
      story.assignee = table.value(row, table.columns("assignee"))
      story.blocked = table.value(row, table.columns("blocked"))
      story.criteria = checklist(table.value(row, table.columns("acceptancecriteria", "acceptance criteria")))
        .map { Criterion($0.text, done: $0.done) }
      story.tasks = checklist(table.value(row, table.columns("tasks"))).map { item in
        var title = item.text
        var assignee: String?
        if let at = title.range(of: " @", options: .backwards), !title[at.upperBound...].contains(" ") {
          assignee = String(title[at.upperBound...])
          title = String(title[..<at.lowerBound])
        }
        return StoryTask(title, done: item.done, assignee: assignee)
      }
      let key = table.value(row, table.columns("key", "id", "ref"))?.trimmingWhitespace()
      // This board's own keys are kept where free (a CSV round trip); others are references.
      if let key, key.hasPrefix(prefix + "-"), let number = Int(key.dropFirst(prefix.count + 1)), number > 0 {
        story.number = number
      } else {
        story.reference = key
      }
      if let reference = table.value(row, table.columns("reference")) { story.reference = reference }
      story.createdAt = table.value(row, table.columns("createdat", "created")).flatMap { try? Date($0, strategy: .iso8601) }
      story.updatedAt = table.value(row, table.columns("updatedat", "updated")).flatMap { try? Date($0, strategy: .iso8601) }
      plan.stories.append(story)
    }
    return plan
  }

  /// Lines of "[x] text" or "[ ] text" (a bare line is an open item).
  static func checklist(_ text: String?) -> [(text: String, done: Bool)] {
    (text ?? "").split(whereSeparator: \.isNewline).compactMap { raw in
      var line = String(raw).trimmingWhitespace()
      if line.hasPrefix("- ") { line = String(line.dropFirst(2)) }
      if line.lowercased().hasPrefix("[x]") { return (String(line.dropFirst(3)).trimmingWhitespace(), true) }
      if line.hasPrefix("[ ]") { return (String(line.dropFirst(3)).trimmingWhitespace(), false) }
      return line.isEmpty ? nil : (line, false)
    }
  }

  // MARK: JSON

  private static func parse(_ text: String, file: String) throws -> JSONNode {
    do {
      return try PositionedJSONParser.parse(text)
    } catch let error as JSONSyntaxError {
      throw ImportError(file: file, line: error.line, field: "", problem: "not valid JSON (column \(error.column): \(error.message))")
    }
  }

  private static func string(_ node: JSONNode?) -> String? {
    if case .string(let text)? = node?.value { return text }
    if case .number(let number)? = node?.value { return Points.format(number) }
    return nil
  }

  private static func array(_ node: JSONNode?) -> [JSONNode] {
    if case .array(let items)? = node?.value { return items }
    return []
  }

  /// `gh issue list --json number,title,body,labels,assignees,state,milestone`: the milestone
  /// becomes the sprint, closed issues are done, the number is kept as the reference.
  public static func gitHubJSON(_ text: String, file: String) throws -> ImportPlan {
    let root = try parse(text, file: file)
    guard case .array(let issues) = root.value else {
      throw ImportError(file: file, line: root.line, field: "", problem: "expected an array of issues (gh issue list --json …)")
    }
    var plan = ImportPlan()
    for (index, issue) in issues.enumerated() {
      guard case .object = issue.value else {
        throw ImportError(file: file, line: issue.line, field: "[\(index)]", problem: "expected an issue object")
      }
      guard let title = string(issue["title"]) else {
        throw ImportError(file: file, line: issue.line, field: "[\(index)].title", problem: "missing")
      }
      var story = ImportedStory(line: issue.line, title: title)
      story.description = string(issue["body"]) ?? ""
      story.labels = array(issue["labels"]).compactMap { string($0["name"]) }
      story.assignee = array(issue["assignees"]).compactMap { string($0["login"]) }.first
      story.type = story.labels.contains { $0.lowercased() == "bug" } ? .bug : .story
      if let state = string(issue["state"])?.lowercased() { story.status = state == "closed" ? "done" : nil }
      story.sprint = string(issue["milestone"]?["title"])
      story.reference = string(issue["number"]).map { "#" + $0 }
      if let created = string(issue["createdAt"]) { story.createdAt = try? Date(created, strategy: .iso8601) }
      plan.stories.append(story)
    }
    return plan
  }

  /// A Trello board's "Export as JSON": lists are statuses, cards are stories, checklists are
  /// acceptance criteria; archived cards and lists are left out.
  public static func trelloJSON(_ text: String, file: String) throws -> ImportPlan {
    let root = try parse(text, file: file)
    guard case .object = root.value, root["cards"] != nil else {
      throw ImportError(file: file, line: root.line, field: "cards", problem: "no cards: is this a Trello board export?")
    }
    var lists: [String: String] = [:]
    var closedLists: Set<String> = []
    for list in array(root["lists"]) {
      guard let id = string(list["id"]), let name = string(list["name"]) else { continue }
      lists[id] = name
      if case .bool(true)? = list["closed"]?.value { closedLists.insert(id) }
    }
    var checklists: [String: [Criterion]] = [:]
    for checklist in array(root["checklists"]) {
      guard let card = string(checklist["idCard"]) else { continue }
      for item in array(checklist["checkItems"]) {
        guard let name = string(item["name"]) else { continue }
        checklists[card, default: []].append(Criterion(name, done: string(item["state"]) == "complete"))
      }
    }
    var plan = ImportPlan()
    var archived = 0
    for (index, card) in array(root["cards"]).enumerated() {
      guard let name = string(card["name"]) else {
        throw ImportError(file: file, line: card.line, field: "cards[\(index)].name", problem: "missing")
      }
      let list = string(card["idList"]) ?? ""
      if case .bool(true)? = card["closed"]?.value { archived += 1; continue }
      if closedLists.contains(list) { archived += 1; continue }
      var story = ImportedStory(line: card.line, title: name)
      story.description = string(card["desc"]) ?? ""
      story.status = lists[list]
      story.labels = array(card["labels"]).compactMap { label in
        let text = string(label["name"]) ?? ""
        return text.isEmpty ? string(label["color"]) : text
      }
      story.criteria = checklists[string(card["id"]) ?? ""] ?? []
      story.reference = string(card["shortLink"]) ?? string(card["id"])
      plan.stories.append(story)
    }
    if archived > 0 { plan.warnings.append("\(archived) archived cards left out") }
    return plan
  }
}
