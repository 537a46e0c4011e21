import Foundation
import ScrumCore
import TermUI

/// What the detail's cursor can rest on: a field, the description, or a checklist line.
public enum DetailItem: Hashable, Sendable {
  case title, type, status, points, sprint, epic, labels, assignee, blocked, description
  case criterion(Int)
  case task(Int)

  /// The section an item belongs to, for Tab.
  var section: Int {
    switch self {
    case .description: return 1
    case .criterion: return 2
    case .task: return 3
    default: return 0
    }
  }
}

/// A story's detail as lines of styled text, wrapped to a width: what the detail pane scrolls,
/// and which item each line shows.
struct DetailText {
  private(set) var lines: [StyledLine] = []
  /// The item each line shows, if it shows one.
  private(set) var items: [DetailItem?] = []
  /// The selectable items in display order.
  private(set) var order: [DetailItem] = []

  private mutating func add(_ line: StyledLine, _ item: DetailItem? = nil) {
    lines.append(line)
    items.append(item)
    if let item, order.last != item { order.append(item) }
  }

  /// The lines an item takes.
  func lineRange(of item: DetailItem) -> ClosedRange<Int>? {
    guard let first = items.firstIndex(of: item), let last = items.lastIndex(of: item) else { return nil }
    return first...last
  }

  init(board: Board, story: Story, width: Int, now: Date) {
    let textWidth = max(1, width - 2)
    let label: (String) -> Span = { Span(" " + TextWidth.pad($0, to: 10), Style(.dim)) }
    let none = Span("—", Style(.dim))

    let statusTitle = board.column(story.status)?.title ?? story.status
    add([
      Span(" \(board.key(of: story.id))", Style(.accent, bold: true)), Span(" · \(story.type.rawValue) · ", Style(.dim)),
      Span(statusTitle, Style(.accent)),
    ])
    for line in TextWidth.wrap(story.title, width: textWidth) { add([Span(" " + line, Style(bold: true))], .title) }
    add([])

    add([label("Type"), Span(story.type.rawValue)], .type)
    let columnTitle = board.column(story.status)?.title ?? story.status
    let days = story.daysInStatus(at: now)
    add([label("Status"), Span(columnTitle, Style(.accent)), Span("  for \(days) day\(days == 1 ? "" : "s")", Style(.dim))], .status)
    add([label("Points"), story.points.map { Span($0.description, Style(bold: true)) } ?? none], .points)
    let sprint = story.sprint.map { name in
      board.sprint(named: name).map { "\(name) (\($0.state.rawValue))" } ?? name
    }
    add([label("Sprint"), sprint.map { Span($0) } ?? Span("product backlog", Style(.dim))], .sprint)
    add(
      [
        label("Epic"),
        board.epic(story.epic).map { Span("\($0.title) (\($0.key))", Style(.epic($0.colour))) } ?? none,
      ], .epic)
    add([label("Labels"), story.labels.isEmpty ? none : Span(story.labels.joined(separator: ", "))], .labels)
    add([label("Assignee"), story.assignee.map { Span($0) } ?? none], .assignee)
    add([label("Blocked"), story.blocked.map { Span("! " + $0, Style(.error, bold: true)) } ?? none], .blocked)
    add([label("Ready"), DetailText.readiness(story)])
    if let origin = story.splitFrom {
      add([label("Split from"), Span(board.key(of: origin) + (board.story(origin).map { " " + $0.title } ?? ""))])
    }
    let parts = board.parts(splitFrom: story.id)
    if !parts.isEmpty {
      add([label("Split into"), Span(parts.map { board.key(of: $0.id) }.joined(separator: ", "))])
    }
    add([
      label("Created"), Span(Day(date: story.createdAt).description),
      Span("   updated ", Style(.dim)), Span(Day(date: story.updatedAt).description),
    ])
    add([])

    add([Span(" Description", Style(.accent, bold: true))])
    if story.description.trimmingWhitespace().isEmpty {
      add([Span("   No description yet (e or E writes one)", Style(.dim))], .description)
    } else {
      for line in TextWidth.wrap(story.description, width: max(1, textWidth - 2)) { add([Span("   " + line)], .description) }
    }
    add([])

    let criteriaDone = story.acceptanceCriteria.filter(\.done).count
    add([
      Span(" Acceptance criteria", Style(.accent, bold: true)),
      Span("  \(criteriaDone)/\(story.acceptanceCriteria.count) done", Style(.dim)),
    ])
    if story.acceptanceCriteria.isEmpty { add([Span("   None yet: the story is not ready (c adds one)", Style(.dim))]) }
    for (index, criterion) in story.acceptanceCriteria.enumerated() {
      for line in DetailText.checklistLines(criterion.text, done: criterion.done, note: nil, width: textWidth) {
        add(line, .criterion(index))
      }
    }
    add([])

    let tasksDone = story.tasks.filter(\.done).count
    add([Span(" Tasks", Style(.accent, bold: true)), Span("  \(tasksDone)/\(story.tasks.count) done", Style(.dim))])
    if story.tasks.isEmpty { add([Span("   No tasks (t adds one)", Style(.dim))]) }
    for (index, task) in story.tasks.enumerated() {
      for line in DetailText.checklistLines(task.title, done: task.done, note: task.assignee.map { "@" + $0 }, width: textWidth) {
        add(line, .task(index))
      }
    }
    add([])

    add([Span(" History", Style(.accent, bold: true))])
    let firstStatus = story.history.first?.from ?? story.status
    add([Span("   \(Day(date: story.createdAt))  created in \(board.column(firstStatus)?.title ?? firstStatus)", Style(.dim))])
    for (index, change) in story.history.enumerated() {
      let until = index + 1 < story.history.count ? story.history[index + 1].at : now
      let days = max(0, Int(until.timeIntervalSince(change.at) / 86_400))
      let from = change.from.flatMap { board.column($0)?.title } ?? change.from ?? "—"
      let to = board.column(change.to)?.title ?? change.to
      add([
        Span("   \(Day(date: change.at))  "), Span("\(from) → \(to)"),
        Span("  \(days) day\(days == 1 ? "" : "s")", Style(.dim)),
      ])
    }
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

/// The story detail pane: every field, the checklists and the history; the selected field or
/// line is highlighted.
struct DetailView {
  let state: AppState

  func draw(into grid: inout Grid, area: Rect) {
    guard let detail = state.detail, let story = state.board.story(detail.story) else {
      grid.put(" This story is no longer on the board", in: area.row(0), style: Style(.dim))
      return
    }
    let text = DetailText(board: state.board, story: story, width: area.width, now: state.now)
    let focused = state.pane == .detail
    for (offset, line) in text.lines.dropFirst(detail.scroll).prefix(area.height).enumerated() {
      let index = detail.scroll + offset
      let row = Rect(x: area.x, y: area.y + offset, width: area.width, height: 1)
      if focused, text.items[index] == detail.cursor {
        grid.fill(row, style: Style(.selection))
        grid.put(line.map { Span($0.text, Style(.selection, bold: $0.style.bold)) }, at: row.origin, limit: row.width)
      } else {
        grid.put(line, at: row.origin, limit: row.width)
      }
    }
    if text.lines.count > area.height {
      let shown = min(text.lines.count, detail.scroll + area.height)
      let marker = " \(shown)/\(text.lines.count) "
      grid.put(marker, at: Point(area.maxX - TextWidth.of(marker), area.maxY - 1), style: Style(.dim))
    }
  }
}
