import Foundation
import ScrumCore

/// The `scrum-board` JSON format, version 1 (../shared/PRODUCT.md, "Export format"): stable,
/// the same text on every run for the same board.
public enum BoardExport {
  public static let formatName = "scrum-board"
  public static let version = 1

  public static func json(_ board: Board) -> JSONValue {
    // Product backlog in rank order, then each sprint's stories by rank, sprints in board order.
    var ordered = board.stories(inSprint: nil)
    for sprint in board.sprints { ordered += board.stories(inSprint: sprint.name) }
    let known = Set(board.sprints.map(\.name))
    ordered += board.stories.filter { story in story.sprint.map { !known.contains($0) } ?? false }
    return .object([
      "format": .string(formatName),
      "version": .number(Double(version)),
      "name": .string(board.name),
      "prefix": .string(board.prefix),
      "definitionOfDone": .array(board.definitionOfDone.map(JSONValue.string)),
      "columns": .array(
        board.columns.map { column in
          .object([
            "id": .string(column.id), "title": .string(column.title), "wipLimit": .optional(column.wipLimit),
          ])
        }),
      "epics": .array(board.epics.map { .object(["key": .string($0.key), "title": .string($0.title)]) }),
      "sprints": .array(
        board.sprints.map { sprint in
          .object([
            "name": .string(sprint.name), "goal": .string(sprint.goal),
            "start": .optional(sprint.start?.description), "end": .optional(sprint.end?.description),
            "state": .string(sprint.state.rawValue),
          ])
        }),
      "stories": .array(ordered.map { story(board, $0) }),
    ])
  }

  /// One story object, as in the export's `stories` array and `scrum show --json`.
  public static func story(_ board: Board, _ story: Story) -> JSONValue {
    var fields = storyFields(board, story)
    // Only imported stories have a reference; other exports keep their exact shape.
    if let reference = story.reference { fields["reference"] = .string(reference) }
    return .object(fields)
  }

  private static func storyFields(_ board: Board, _ story: Story) -> [String: JSONValue] {
    [
      "key": .string(board.key(of: story.id)),
      "title": .string(story.title),
      "description": .string(story.description),
      "type": .string(story.type.rawValue),
      "points": .optional(story.points?.value),
      "status": .string(story.status),
      "sprint": .optional(story.sprint),
      "epic": .optional(story.epic),
      "labels": .array(story.labels.map(JSONValue.string)),
      "assignee": .optional(story.assignee),
      "blocked": .optional(story.blocked),
      "acceptanceCriteria": .array(
        story.acceptanceCriteria.map { .object(["text": .string($0.text), "done": .bool($0.done)]) }),
      "tasks": .array(
        story.tasks.map {
          .object(["title": .string($0.title), "done": .bool($0.done), "assignee": .optional($0.assignee)])
        }),
      "createdAt": .string(timestamp(story.createdAt)),
      "updatedAt": .string(timestamp(story.updatedAt)),
    ]
  }

  /// ISO 8601 in UTC, to the second: `2026-11-29T10:00:00Z`.
  public static func timestamp(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .gmt))
  }
}
