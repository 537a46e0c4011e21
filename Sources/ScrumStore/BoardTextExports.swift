import Foundation
import ScrumCore

/// CSV and Markdown exports of the board, in the export order (backlog by rank, then each
/// sprint's stories by rank).
public enum BoardTextExport {
  static func ordered(_ board: Board) -> [Story] {
    var stories = board.stories(inSprint: nil)
    for sprint in board.sprints { stories += board.stories(inSprint: sprint.name) }
    return stories
  }

  public static let csvColumns = [
    "key", "title", "description", "type", "points", "status", "sprint", "epic", "labels", "assignee", "blocked",
    "acceptanceCriteria", "tasks", "reference", "createdAt", "updatedAt",
  ]

  /// RFC 4180 with a header row; criteria and tasks one per line as "[x] text", tasks with
  /// "@name". `scrum import --format csv` reads it back.
  public static func csv(_ board: Board) -> String {
    var lines = [csvColumns.joined(separator: ",")]
    for story in ordered(board) {
      let criteria = story.acceptanceCriteria.map { "[\($0.done ? "x" : " ")] \($0.text)" }.joined(separator: "\n")
      let tasks = story.tasks.map { "[\($0.done ? "x" : " ")] \($0.title)" + ($0.assignee.map { " @" + $0 } ?? "") }
        .joined(separator: "\n")
      let fields = [
        board.key(of: story.id), story.title, story.description, story.type.rawValue, story.points?.description ?? "",
        story.status, story.sprint ?? "", story.epic ?? "", story.labels.joined(separator: ";"), story.assignee ?? "",
        story.blocked ?? "", criteria, tasks, story.reference ?? "", BoardExport.timestamp(story.createdAt),
        BoardExport.timestamp(story.updatedAt),
      ]
      lines.append(fields.map(CSVReader.quote).joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// A readable backlog: each open sprint, then the product backlog, stories by rank with
  /// their criteria as checklists.
  public static func markdown(_ board: Board) -> String {
    var text = "# \(board.name)\n"
    func section(_ title: String, _ detail: String, _ stories: [Story]) {
      let points = stories.compactMap(\.points?.value).reduce(0, +)
      text += "\n## \(title)\n\n"
      if !detail.isEmpty { text += "\(detail)\n\n" }
      text += "\(stories.count) stories, \(Points.format(points)) points.\n"
      for story in stories {
        let column = board.column(story.status)?.title ?? story.status
        var facts = [story.type.rawValue, column]
        if let points = story.points { facts.append("\(points) pts") }
        if let epic = board.epic(story.epic) { facts.append("epic: \(epic.title)") }
        if let assignee = story.assignee { facts.append("@\(assignee)") }
        if !story.labels.isEmpty { facts.append(story.labels.map { "#" + $0 }.joined(separator: " ")) }
        text += "\n### \(board.key(of: story.id)) \(story.title)\n\n*\(facts.joined(separator: " · "))*"
        text += story.isReady ? " · ready\n" : "\n"
        if let blocked = story.blocked { text += "\n> Blocked: \(blocked)\n" }
        if !story.description.isEmpty { text += "\n\(story.description)\n" }
        if !story.acceptanceCriteria.isEmpty {
          text += "\nAcceptance criteria:\n\n"
          text += story.acceptanceCriteria.map { "- [\($0.done ? "x" : " ")] \($0.text)\n" }.joined()
        }
        if !story.tasks.isEmpty {
          text += "\nTasks:\n\n"
          text += story.tasks.map { "- [\($0.done ? "x" : " ")] \($0.title)" + ($0.assignee.map { " (@\($0))" } ?? "") + "\n" }.joined()
        }
      }
    }
    for sprint in board.sprints where sprint.state != .closed {
      var detail = sprint.state.rawValue
      if let start = sprint.start, let end = sprint.end { detail += ", \(start) to \(end)" }
      if !sprint.goal.isEmpty { detail = "Goal: \(sprint.goal) (\(detail))" }
      section(sprint.name, detail, board.stories(inSprint: sprint.name))
    }
    section("Product backlog", "", board.stories(inSprint: nil))
    return text
  }
}
