import Foundation
import ScrumCore

/// A whole story as a text document for `$EDITOR`: fields as a header, then the description,
/// the acceptance criteria and the tasks as Markdown checklists. Read back on save; a mistake
/// is reported by line, and the document is reopened with nothing lost.
enum EditorDocument {
  static let errorMarker = "# ERROR: "

  static func text(of story: Story, on board: Board, error: String? = nil) -> String {
    var lines: [String] = []
    if let error { lines += ["\(errorMarker)\(error)", "# Fix it, save and quit; or empty the file to cancel.", ""] }
    lines.append("# \(board.key(of: story.id)). Lines starting with # are ignored. Save and quit to apply; an empty file cancels.")
    lines.append("Title: \(story.title)")
    lines.append("Type: \(story.type.rawValue)        # story, bug, chore, spike")
    lines.append("Points: \(story.points?.description ?? "")        # \(Points.scale.map(\.description).joined(separator: " ")), or empty")
    lines.append("Status: \(story.status)        # \(board.columns.map(\.id).joined(separator: ", "))")
    lines.append("Sprint: \(story.sprint ?? "")")
    lines.append("Epic: \(story.epic ?? "")        # \(board.epics.map(\.key).joined(separator: ", "))")
    lines.append("Labels: \(story.labels.joined(separator: ", "))")
    lines.append("Assignee: \(story.assignee ?? "")")
    lines.append("Blocked: \(story.blocked ?? "")")
    lines += ["", "## Description", story.description, ""]
    lines.append("## Acceptance criteria")
    lines += story.acceptanceCriteria.map { "- [\($0.done ? "x" : " ")] \($0.text)" }
    lines += ["", "## Tasks"]
    lines += story.tasks.map { "- [\($0.done ? "x" : " ")] \($0.title)" + ($0.assignee.map { " @\($0)" } ?? "") }
    return lines.joined(separator: "\n") + "\n"
  }

  struct ParseError: Error, Equatable, CustomStringConvertible {
    let line: Int
    let message: String
    var description: String { "line \(line): \(message)" }
  }

  /// The changes that make `story` what the document says; empty if nothing changed.
  static func changes(from text: String, for story: Story, on board: Board, at now: Date) throws -> BoardChange? {
    var fields: [StoryField] = []
    var status = story.status
    var section = ""
    var description: [String] = []
    var criteria: [Criterion] = []
    var tasks: [StoryTask] = []
    var sawTitle = false
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let number = offset + 1
      let line = String(rawLine)
      if section != "## Description", line.hasPrefix("#"), !line.hasPrefix("## ") { continue }
      if line.hasPrefix("## ") {
        section = line.trimmingWhitespace()
        guard ["## Description", "## Acceptance criteria", "## Tasks"].contains(section) else {
          throw ParseError(line: number, message: "unknown section \"\(section)\"")
        }
        continue
      }
      switch section {
      case "":
        if line.trimmingWhitespace().isEmpty { continue }
        guard let colon = line.firstIndex(of: ":") else {
          throw ParseError(line: number, message: "expected \"Field: value\"")
        }
        let name = String(line[..<colon]).trimmingWhitespace().lowercased()
        var value = String(line[line.index(after: colon)...])
        if let comment = value.range(of: "        #") { value = String(value[..<comment.lowerBound]) }
        value = value.trimmingWhitespace()
        do {
          switch name {
          case "title":
            guard !value.isEmpty else { throw BoardError.emptyTitle }
            sawTitle = true
            fields.append(.title(value))
          case "type":
            guard let type = StoryType(rawValue: value) else {
              throw ParseError(line: number, message: "type must be story, bug, chore or spike, not \"\(value)\"")
            }
            fields.append(.type(type))
          case "points":
            if value.isEmpty {
              fields.append(.points(nil))
            } else {
              guard let points = Points(parsing: value) else { throw BoardError.pointsNotOnScale(value) }
              fields.append(.points(points))
            }
          case "status": status = try board.columnID(for: value)
          case "sprint":
            if !value.isEmpty, board.sprint(named: value) == nil { throw BoardError.unknownSprint(value) }
            fields.append(.sprint(value.isEmpty ? nil : value))
          case "epic":
            if !value.isEmpty, board.epic(value) == nil { throw BoardError.unknownEpic(value) }
            fields.append(.epic(value.isEmpty ? nil : value))
          case "labels":
            fields.append(.labels(value.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }))
          case "assignee": fields.append(.assignee(value.isEmpty ? nil : value))
          case "blocked": fields.append(.blocked(value.isEmpty ? nil : value))
          default: throw ParseError(line: number, message: "unknown field \"\(name)\"")
          }
        } catch let error as BoardError {
          throw ParseError(line: number, message: error.description)
        }
      case "## Description":
        description.append(line)
      default:
        if line.trimmingWhitespace().isEmpty { continue }
        guard let item = checklistItem(line) else {
          throw ParseError(line: number, message: "expected a checklist line like \"- [ ] text\"")
        }
        if section == "## Tasks" {
          var title = item.text
          var assignee: String?
          if let at = title.range(of: " @", options: .backwards), !title[at.upperBound...].contains(" ") {
            assignee = String(title[at.upperBound...])
            title = String(title[..<at.lowerBound])
          }
          tasks.append(StoryTask(title, done: item.done, assignee: assignee))
        } else {
          criteria.append(Criterion(item.text, done: item.done))
        }
      }
    }
    guard sawTitle else { throw ParseError(line: 1, message: "the Title: line is missing") }
    while description.last?.trimmingWhitespace().isEmpty == true { description.removeLast() }
    while description.first?.trimmingWhitespace().isEmpty == true { description.removeFirst() }
    fields.append(.description(description.joined(separator: "\n")))

    // Only what differs, so an unchanged field never overwrites someone else's edit.
    let changedFields = fields.filter { story.current($0) != $0 }
    var parts: [BoardChange] = []
    if !changedFields.isEmpty { parts.append(.storyEdited(story.id, changedFields, updatedAt: now)) }
    if status != story.status { parts.append(.storyMoved(story.id, to: status, at: now)) }
    if criteria != story.acceptanceCriteria { parts.append(.criteriaReplaced(story.id, criteria, updatedAt: now)) }
    if tasks != story.tasks { parts.append(.tasksReplaced(story.id, tasks, updatedAt: now)) }
    if parts.isEmpty { return nil }
    return parts.count == 1 ? parts[0] : .batch(parts)
  }

  private static func checklistItem(_ line: String) -> (text: String, done: Bool)? {
    let trimmed = line.trimmingWhitespace()
    for (prefix, done) in [("- [ ]", false), ("- [x]", true), ("- [X]", true), ("* [ ]", false), ("* [x]", true)]
    where trimmed.hasPrefix(prefix) {
      let text = String(trimmed.dropFirst(prefix.count)).trimmingWhitespace()
      return text.isEmpty ? nil : (text, done)
    }
    if trimmed.hasPrefix("- ") { return (String(trimmed.dropFirst(2)).trimmingWhitespace(), false) }
    return nil
  }
}

/// What the editor brought back: changes written through, or the document reopened with the
/// error on top.
func editorFinished(_ state: inout AppState, _ id: StoryID, original: String, edited: String?) -> [Effect] {
  guard let edited else {
    state.flash = .error("The editor ($VISUAL/$EDITOR, else vi) failed or was not found; nothing changed")
    return []
  }
  let meaningful = edited.split(separator: "\n").contains { !String($0).trimmingWhitespace().isEmpty && !$0.hasPrefix("#") }
  guard meaningful, edited != original else {
    state.flash = .info("Nothing changed")
    return []
  }
  guard let story = state.board.story(id) else {
    state.flash = .error("The story was deleted meanwhile; your text is lost only if you did not keep it")
    return []
  }
  let now = state.now
  do {
    guard let change = try EditorDocument.changes(from: edited, for: story, on: state.board, at: now) else {
      state.flash = .info("Nothing changed")
      return []
    }
    let effects = perform(&state) { _ in change }
    if !effects.isEmpty { state.flash = .info("Saved \(state.board.key(of: id))") }
    return effects
  } catch {
    // Reopen what the user wrote, with the problem on top: nothing typed is lost.
    let withoutOldError = edited.split(separator: "\n", omittingEmptySubsequences: false)
      .drop { $0.hasPrefix(EditorDocument.errorMarker) || $0.hasPrefix("# Fix it") }
      .joined(separator: "\n")
    let body = withoutOldError.hasPrefix("\n") ? String(withoutOldError.dropFirst()) : withoutOldError
    let document = "\(EditorDocument.errorMarker)\(error)\n# Fix it, save and quit; or empty the file to cancel.\n\n" + body
    return [.editInEditor(id, document: document, error: "\(error)")]
  }
}
