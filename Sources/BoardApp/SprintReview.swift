import Foundation
import ScrumCore
import TermUI

/// The sprint review as Markdown, for the stakeholders: the goal, the dates, what was and was
/// not completed, velocity, the burndown as a text chart, blocked items, scope changes and
/// carried-over work. Numbers come from the same `SprintReport` as the reports pane.
public enum SprintReview {
  public enum Failure: Error, CustomStringConvertible {
    case noSprint(String, known: [String])
    case notStarted(String)
    case noStartedSprint

    public var description: String {
      switch self {
      case .noSprint(let name, let known):
        return "no sprint named \"\(name)\"" + (known.isEmpty ? " (the board has no sprints)" : " (sprints: \(known.joined(separator: ", ")))")
      case .notStarted(let name):
        return "\(name) has not started: a sprint review needs a started sprint"
      case .noStartedSprint:
        return "no sprint has started yet, so there is nothing to review"
      }
    }
  }

  /// The sprint `name` names: a sprint's name, or `current` for the active sprint (else the
  /// last closed one).
  public static func sprint(named name: String, on board: Board) throws -> Sprint {
    if name.lowercased() == "current" {
      guard let sprint = board.defaultReportSprint else { throw Failure.noStartedSprint }
      return sprint
    }
    guard let sprint = board.sprint(named: name) ?? board.sprints.first(where: { $0.name.lowercased() == name.lowercased() })
    else { throw Failure.noSprint(name, known: board.sprints.map(\.name)) }
    guard sprint.state != .planned, sprint.start != nil else { throw Failure.notStarted(sprint.name) }
    return sprint
  }

  public static func markdown(board: Board, sprint: Sprint, now: Date) -> String {
    let report = SprintReport(board: board, sprint: sprint, now: now)
    let doneStatus = board.columns.last?.id
    let end = report.measuredAt ?? now
    let members = board.storiesEverIn(sprint: sprint.name)
      .filter { $0.scope(at: end).sprint == sprint.name && $0.status(at: end) != nil }
      .sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
    let completed = members.filter { $0.status(at: end) == doneStatus }
    let open = members.filter { $0.status(at: end) != doneStatus }
    func points(_ stories: [Story]) -> Double { stories.compactMap { $0.scope(at: end).points?.value }.reduce(0, +) }

    var text = "# Sprint review: \(cell(sprint.name))\n\n"
    text += "*\(cell(board.name))*\n\n"
    if !sprint.goal.isEmpty { text += "**Goal:** \(cell(sprint.goal))\n\n" }
    var dates = "**Dates:** \(sprint.start.map(\.description) ?? "?") → \(sprint.end.map(\.description) ?? "open")"
    dates += " (\(report.days.count) working days, \(board.workingDays))"
    dates += " · **State:** \(sprint.state.rawValue)"
    if let closedAt = sprint.closedAt { dates += ", closed \(Day(date: closedAt))" }
    text += dates + "\n\n"

    text += "## Summary\n\n| | Points | Stories |\n|---|---:|---:|\n"
    let change = report.scopeChange
    text += "| Committed | \(format(report.committed)) | |\n"
    text += "| Scope at the end | \(format(report.committed + change))"
      + (change == 0 ? "" : " (\(change > 0 ? "+" : "")\(format(change)))") + " | \(members.count) |\n"
    text += "| Completed | \(format(points(completed))) | \(completed.count) |\n"
    text += "| Not completed | \(format(points(open))) | \(open.count) |\n\n"
    let velocity = Velocity(board: board, now: now)
    var pace = "**Velocity:** \(format(report.completedPoints)) points this sprint"
    if let average = velocity.average {
      let averaged = min(Velocity.averagedSprints, velocity.entries.count)
      pace += "; \(format(average.rounded(toPlaces: 1))) on average over the last "
        + (averaged == 1 ? "closed sprint" : "\(averaged) closed sprints")
    }
    text += pace + ".\n\n"
    if let median = report.cycleTimes.median, let p85 = report.cycleTimes.percentile85 {
      text += "**Cycle time:** median \(format(median.rounded(toPlaces: 1))) working days, "
        + "85th percentile \(format(p85.rounded(toPlaces: 1))).\n\n"
    }

    text += "## Completed\n\n"
    text += table(completed, board: board, at: end, withStatus: false)
    text += "\n## Not completed\n\n"
    text += table(open, board: board, at: end, withStatus: true)

    let blocked = open.filter { $0.blocked != nil }
    if !blocked.isEmpty {
      text += "\n## Blocked\n\n"
      for story in blocked {
        text += "- **\(board.key(of: story.id))** \(cell(story.title)): \(cell(story.blocked ?? ""))\n"
      }
    }

    let changes = scopeChanges(board: board, sprint: sprint, report: report, until: end)
    if !changes.isEmpty {
      text += "\n## Scope changes\n\n" + changes.map { "- \($0)\n" }.joined()
    }

    if let closedAt = sprint.closedAt {
      let carried = carriedOver(board: board, sprint: sprint, closedAt: closedAt)
      text += "\n## Carried over\n\n"
      text += carried.isEmpty ? "Nothing: every story was done.\n" : carried.map { "- \($0)\n" }.joined()
    }

    text += "\n## Burndown\n\n```text\n" + burndownChart(report) + "```\n"
    return text
  }

  // MARK: parts

  private static func table(_ stories: [Story], board: Board, at time: Date, withStatus: Bool) -> String {
    guard !stories.isEmpty else { return "None.\n" }
    var text = withStatus ? "| Key | Story | Status | Points | Assignee |\n|---|---|---|---:|---|\n"
      : "| Key | Story | Type | Points | Assignee |\n|---|---|---|---:|---|\n"
    for story in stories {
      let status = story.status(at: time) ?? story.status
      let third = withStatus ? board.column(status)?.title ?? status : story.type.rawValue
      let points = story.scope(at: time).points.map(\.description) ?? "–"
      text += "| \(board.key(of: story.id)) | \(cell(story.title)) | \(cell(third)) | \(points) | "
        + "\(story.assignee.map { "@" + cell($0) } ?? "") |\n"
    }
    return text
  }

  /// Stories added, removed or re-estimated while the sprint ran, oldest first.
  private static func scopeChanges(board: Board, sprint: Sprint, report: SprintReport, until end: Date) -> [String] {
    guard let first = report.days.first else { return [] }
    // Changes on the first day are part of the commitment.
    let from = first.endOfDay
    var lines: [(Date, StoryID, String)] = []
    for story in board.storiesEverIn(sprint: sprint.name) {
      for change in story.scopeHistory where change.at > from && change.at <= end {
        let key = "\(Day(date: change.at)) **\(board.key(of: story.id))** \(cell(story.title))"
        let was = change.previousSprint == sprint.name
        let isNow = change.sprint == sprint.name
        if isNow && !was {
          lines.append((change.at, story.id, "\(key): added (\(change.points.map(\.description) ?? "no") points)"))
        } else if was && !isNow {
          lines.append((change.at, story.id, "\(key): removed (\(change.previousPoints.map(\.description) ?? "no") points)"))
        } else if was && isNow && change.points != change.previousPoints {
          let before = change.previousPoints.map(\.description) ?? "none"
          let after = change.points.map(\.description) ?? "none"
          lines.append((change.at, story.id, "\(key): re-estimated \(before) → \(after) points"))
        }
      }
    }
    return lines.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
  }

  /// Where the unfinished stories went when the sprint closed.
  private static func carriedOver(board: Board, sprint: Sprint, closedAt: Date) -> [String] {
    var lines: [(Rank, String)] = []
    for story in board.storiesEverIn(sprint: sprint.name) {
      guard
        let move = story.scopeHistory.first(where: {
          abs($0.at.timeIntervalSince(closedAt)) < 1 && $0.previousSprint == sprint.name && $0.sprint != sprint.name
        })
      else { continue }
      let target = move.sprint ?? "the product backlog"
      lines.append(
        (story.rank, "**\(board.key(of: story.id))** \(cell(story.title)) (\(move.points.map(\.description) ?? "no") points) → \(cell(target))"))
    }
    return lines.sorted { $0.0 < $1.0 }.map(\.1)
  }

  /// The burndown drawn in ASCII, as the reports pane draws it.
  static func burndownChart(_ report: SprintReport) -> String {
    var grid = Grid(size: Size(72, 18))
    ReportCharts.burndown(report, in: grid.area, glyphs: .ascii, into: &grid)
    return grid.lines.map { $0 + "\n" }.joined()
  }

  /// Text for one Markdown table cell or line: one line, pipes escaped, control characters shown.
  private static func cell(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\n", "\r", "\t": result += " "
      case "|": result += "\\|"
      default: result += TextWidth.inertForm(of: character) ?? String(character)
      }
    }
    return result
  }
}
