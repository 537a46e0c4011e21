import Foundation
import ScrumCore
import ScrumStore
import TermUI

/// Plain-text forms of stories for the command line. Control characters in board text are
/// shown inert here too: a title is data, never a terminal command.
enum StoryText {
  static func table(_ stories: [Story], on board: Board) -> String {
    let keyWidth = max(3, stories.map { board.key(of: $0.id).count }.max() ?? 3)
    let statusWidth = max(6, board.columns.map(\.id.count).max() ?? 6)
    var text = ""
    for story in stories {
      let key = board.key(of: story.id).padding(toLength: keyWidth, withPad: " ", startingAt: 0)
      let status = story.status.padding(toLength: statusWidth, withPad: " ", startingAt: 0)
      let points = story.points.map(\.description) ?? "-"
      let paddedPoints = String(repeating: " ", count: max(0, 3 - points.count)) + points
      let ready = story.isReady ? "ready" : "     "
      text += "\(key)  \(status)  \(paddedPoints)  \(ready)  \(inert(story.title))\n"
    }
    return text
  }

  /// `present`: the instances on the board now; an open round whose facilitator is not among
  /// them is over (every screen treats it so), though its row, another user's, stays open.
  static func detail(_ story: Story, on board: Board, pokerRounds: [PokerRound] = [], present: Set<String> = []) -> String {
    var lines: [String] = []
    lines.append("\(board.key(of: story.id))  \(inert(story.title))")
    let status = board.column(story.status)?.title ?? story.status
    lines.append(
      "type: \(story.type.rawValue)   status: \(status)   points: \(story.points?.description ?? "-")"
        + "   sprint: \(story.sprint.map { inert($0) } ?? "backlog")")
    let epic = board.epic(story.epic).map { "\($0.key) (\(inert($0.title)))" } ?? "-"
    lines.append(
      "epic: \(epic)   assignee: \(story.assignee.map { inert($0) } ?? "-")   labels: "
        + (story.labels.isEmpty ? "-" : story.labels.map { inert($0) }.joined(separator: ", ")))
    if let blocked = story.blocked { lines.append("blocked: \(inert(blocked))") }
    lines.append("ready: \(story.isReady ? "yes" : "no")")
    if !story.description.isEmpty { lines += ["", inert(story.description, keepNewlines: true)] }
    let criteriaDone = story.acceptanceCriteria.filter(\.done).count
    lines += ["", "Acceptance criteria (\(criteriaDone)/\(story.acceptanceCriteria.count))"]
    lines += story.acceptanceCriteria.map { "  [\($0.done ? "x" : " ")] \(inert($0.text))" }
    let tasksDone = story.tasks.filter(\.done).count
    lines += ["", "Tasks (\(tasksDone)/\(story.tasks.count))"]
    lines += story.tasks.map { "  [\($0.done ? "x" : " ")] \(inert($0.title))" + ($0.assignee.map { "  @\(inert($0))" } ?? "") }
    if !story.history.isEmpty {
      lines += ["", "History"]
      lines += story.history.map { "  \(BoardExport.timestamp($0.at))  \($0.from ?? "-") -> \($0.to)" }
    }
    if !pokerRounds.isEmpty {
      lines += ["", "Planning poker"]
      lines += pokerRounds.map { round in
        let votes = round.votes.map { "\(inert($0.member)) \($0.card)" }.joined(separator: ", ")
        let outcome: String
        switch round.outcome {
        case .accepted?: outcome = "accepted \(round.accepted?.description ?? "-")"
        case .restarted?: outcome = "voted again"
        case .cancelled?: outcome = "ended"
        case nil: outcome = present.contains(round.facilitatorInstance) ? "open" : "ended (the facilitator left)"
        }
        return "  \(BoardExport.timestamp(round.startedAt))  led by \(inert(round.facilitator))  "
          + "\(votes.isEmpty ? "no votes" : votes)  -> \(outcome)"
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Control characters in caret notation (ESC as ^[), as the board shows them, so printing
  /// board text is safe.
  static func inert(_ text: String, keepNewlines: Bool = false) -> String {
    var result = ""
    for character in text {
      if keepNewlines, character == "\n" {
        result.append(character)
      } else {
        result += TextWidth.inertForm(of: character) ?? String(character)
      }
    }
    return result
  }
}
