import Foundation
import ScrumCore
import TermUI

/// A story's detail as lines of styled text, wrapped to a width: what the detail pane scrolls.
struct DetailText {
  let lines: [StyledLine]

  init(board: Board, story: Story, width: Int, now: Date) {
    var lines: [StyledLine] = []
    let textWidth = max(1, width - 2)
    let label: (String) -> Span = { Span(" " + TextWidth.pad($0, to: 10), Style(.dim)) }
    let none = Span("—", Style(.dim))

    let columnTitle = board.column(story.status)?.title ?? story.status
    lines.append([
      Span(" \(board.key(of: story.id))", Style(.accent, bold: true)), Span(" · \(story.type.rawValue) · ", Style(.dim)),
      Span(columnTitle, Style(.accent)),
    ])
    for line in TextWidth.wrap(story.title, width: textWidth) { lines.append([Span(" " + line, Style(bold: true))]) }
    lines.append([])

    lines.append([label("Points"), story.points.map { Span($0.description, Style(bold: true)) } ?? none])
    let sprint = story.sprint.map { name in
      board.sprint(named: name).map { "\(name) (\($0.state.rawValue))" } ?? name
    }
    lines.append([label("Sprint"), sprint.map { Span($0) } ?? Span("product backlog", Style(.dim))])
    lines.append([
      label("Epic"),
      board.epic(story.epic).map { Span("\($0.title) (\($0.key))", Style(.epic($0.colour))) } ?? none,
    ])
    lines.append([label("Labels"), story.labels.isEmpty ? none : Span(story.labels.joined(separator: ", "))])
    lines.append([label("Assignee"), story.assignee.map { Span($0) } ?? none])
    lines.append([label("Blocked"), story.blocked.map { Span("! " + $0, Style(.error, bold: true)) } ?? none])
    lines.append([label("Ready"), DetailText.readiness(story)])
    if let origin = story.splitFrom {
      lines.append([label("Split from"), Span(board.key(of: origin) + (board.story(origin).map { " " + $0.title } ?? ""))])
    }
    let parts = board.parts(splitFrom: story.id)
    if !parts.isEmpty {
      lines.append([label("Split into"), Span(parts.map { board.key(of: $0.id) }.joined(separator: ", "))])
    }
    lines.append([
      label("Created"), Span(Day(date: story.createdAt).description),
      Span("   updated ", Style(.dim)), Span(Day(date: story.updatedAt).description),
    ])
    lines.append([])

    lines.append([Span(" Description", Style(.accent, bold: true))])
    if story.description.trimmingWhitespace().isEmpty {
      lines.append([Span("   No description yet", Style(.dim))])
    } else {
      for line in TextWidth.wrap(story.description, width: max(1, textWidth - 2)) { lines.append([Span("   " + line)]) }
    }
    lines.append([])

    let criteriaDone = story.acceptanceCriteria.filter(\.done).count
    lines.append([
      Span(" Acceptance criteria", Style(.accent, bold: true)),
      Span("  \(criteriaDone)/\(story.acceptanceCriteria.count) done", Style(.dim)),
    ])
    if story.acceptanceCriteria.isEmpty { lines.append([Span("   None yet: the story is not ready", Style(.dim))]) }
    for criterion in story.acceptanceCriteria {
      lines += DetailText.checklistLines(criterion.text, done: criterion.done, note: nil, width: textWidth)
    }
    lines.append([])

    let tasksDone = story.tasks.filter(\.done).count
    lines.append([
      Span(" Tasks", Style(.accent, bold: true)), Span("  \(tasksDone)/\(story.tasks.count) done", Style(.dim)),
    ])
    if story.tasks.isEmpty { lines.append([Span("   No tasks", Style(.dim))]) }
    for task in story.tasks {
      lines += DetailText.checklistLines(task.title, done: task.done, note: task.assignee.map { "@" + $0 }, width: textWidth)
    }
    lines.append([])

    lines.append([Span(" History", Style(.accent, bold: true))])
    lines.append([Span("   \(Day(date: story.createdAt))  created in \(board.column(story.history.first?.from ?? story.status)?.title ?? "the backlog")", Style(.dim))])
    for (index, change) in story.history.enumerated() {
      let until = index + 1 < story.history.count ? story.history[index + 1].at : now
      let days = max(0, Int(until.timeIntervalSince(change.at) / 86_400))
      let from = change.from.flatMap { board.column($0)?.title } ?? change.from ?? "—"
      let to = board.column(change.to)?.title ?? change.to
      lines.append([
        Span("   \(Day(date: change.at))  "), Span("\(from) → \(to)"),
        Span("  \(days) day\(days == 1 ? "" : "s")", Style(.dim)),
      ])
    }
    self.lines = lines
  }

  private static func readiness(_ story: Story) -> Span {
    if story.isReady { return Span("✓ ready", Style(.success, bold: true)) }
    var missing: [String] = []
    if story.points == nil { missing.append("an estimate") }
    if story.acceptanceCriteria.isEmpty { missing.append("acceptance criteria") }
    if story.title.trimmingWhitespace().isEmpty { missing.append("a title") }
    return Span("· not ready: needs " + missing.joined(separator: " and "), Style(.warning))
  }

  /// `[x] text` lines, wrapped under the text, with an optional note after.
  private static func checklistLines(_ text: String, done: Bool, note: String?, width: Int) -> [StyledLine] {
    let box = done ? Span("   [x] ", Style(.success, bold: true)) : Span("   [ ] ", Style(.dim))
    let wrapped = TextWidth.wrap(text, width: max(1, width - 7))
    var lines: [StyledLine] = []
    for (index, line) in wrapped.enumerated() {
      var styled: StyledLine = [index == 0 ? box : Span("       "), Span(line, done ? Style(.dim) : .normal)]
      if index == wrapped.count - 1, let note { styled.append(Span("  " + note, Style(.accent))) }
      lines.append(styled)
    }
    return lines
  }
}

/// The story detail pane (read-only for now): every field, the checklists and the history.
struct DetailView {
  let state: AppState

  func draw(into grid: inout Grid, area: Rect) {
    guard let detail = state.detail, let story = state.board.story(detail.story) else {
      grid.put(" This story is no longer on the board", in: area.row(0), style: Style(.dim))
      return
    }
    let text = DetailText(board: state.board, story: story, width: area.width, now: state.now)
    for (offset, line) in text.lines.dropFirst(detail.scroll).prefix(area.height).enumerated() {
      grid.put(line, at: Point(area.x, area.y + offset), limit: area.width)
    }
    if text.lines.count > area.height {
      let shown = min(text.lines.count, detail.scroll + area.height)
      let marker = " \(shown)/\(text.lines.count) "
      grid.put(marker, at: Point(area.maxX - TextWidth.of(marker), area.maxY - 1), style: Style(.dim))
    }
  }
}
