import Foundation
import ScrumCore
import TermUI

/// The sprint board: a header with the sprint's state, then one column of cards per status.
struct SprintBoardView {
  let state: AppState

  func draw(into grid: inout Grid) {
    let layout = SprintBoardLayout(state)
    let board = state.board
    let model = SprintBoardModel(board: board, view: state.sprintBoard, user: state.user)
    guard let sprint = model.sprint else {
      let planned = board.sprints.filter { $0.state == .planned }.map(\.name)
      let hint =
        planned.isEmpty
        ? "No active sprint. N creates one; plan stories into it with s in the backlog (1), then S starts it."
        : "No active sprint. S starts \(planned.joined(separator: " or ")); N creates another."
      for (offset, line) in TextWidth.wrap(hint, width: max(1, layout.header.width - 2)).enumerated() {
        grid.put(" " + line, at: Point(0, layout.header.y + 1 + offset), style: Style(.dim))
      }
      return
    }
    let fit = SprintBoardModel.columnFit(count: model.columns.count, width: layout.cards.width)
    let first = state.sprintBoard.firstColumn
    let shown = Array(model.columns.indices.dropFirst(first).prefix(fit.visible))
    var header = layout.header
    if fit.visible < model.columns.count {
      let marker = " columns \(first + 1)–\(first + shown.count) of \(model.columns.count) · h/l "
      grid.put(marker, at: Point(max(0, layout.header.maxX - TextWidth.of(marker)), layout.header.y), style: Style(.dim))
      header.width = max(0, header.width - TextWidth.of(marker))
    }
    drawHeader(sprint, model: model, header, into: &grid)

    for (slot, column) in shown.enumerated() {
      let x = slot * (fit.width + 1)
      if slot > 0 {
        for y in layout.columnHeads.y..<layout.cards.maxY { grid.put("│", at: Point(x - 1, y), style: Style(.dim)) }
      }
      drawColumnHead(model, column, Rect(x: x, y: layout.columnHeads.y, width: fit.width, height: 1), into: &grid)
      drawCards(model, column, Rect(x: x, y: layout.cards.y, width: fit.width, height: layout.cards.height), into: &grid)
    }
    if !model.lanes.isEmpty { drawLaneHeadings(model, layout.cards, into: &grid) }
    if let panel = layout.standup, let standup = state.standup {
      StandupPanel(state: state, standup: standup).draw(into: &grid, area: panel)
    }
  }

  private func drawHeader(_ sprint: Sprint, model: SprintBoardModel, _ area: Rect, into grid: inout Grid) {
    let board = state.board
    let stories = board.stories(inSprint: sprint.name)
    let committed = stories.compactMap(\.points?.value).reduce(0, +)
    let done = stories.filter { $0.status == board.columns.last?.id }.compactMap(\.points?.value).reduce(0, +)
    var line: StyledLine = [Span("▾ \(sprint.name)", Style(.accent, bold: true))]
    if !sprint.goal.isEmpty { line.append(Span(" · \(sprint.goal)", Style(.accent))) }
    var facts = " · \(Points.format(done))/\(Points.format(committed)) pts done"
    if let end = sprint.end {
      let left = max(0, Int((end.date.timeIntervalSince(state.now) / 86_400).rounded(.up)))
      facts += " · \(left) day\(left == 1 ? "" : "s") left"
    }
    line.append(Span(facts, Style(.dim)))
    // The burndown so far, one block per working day, as the reports pane (3) draws it.
    let remaining = SprintReport(board: board, sprint: sprint, now: state.now).remaining
    if remaining.count > 1 {
      line.append(Span("  " + sparkline(remaining, top: remaining.max() ?? committed), Style(.accent)))
    }
    if state.sprintBoard.mineOnly { line.append(Span("  mine: @\(state.user)", Style(.warning, bold: true))) }
    grid.put(line, at: area.origin, limit: area.width)
  }

  private func drawColumnHead(_ model: SprintBoardModel, _ index: Int, _ area: Rect, into grid: inout Grid) {
    let column = model.columns[index]
    let stories = model.cards[index].compactMap { state.board.story($0) }
    let points = stories.compactMap(\.points?.value).reduce(0, +)
    let over = column.wipLimit.map { stories.count > $0 } ?? false
    var count = " \(stories.count)"
    // "!" says what the warning colour says, for monochrome screens too.
    if let limit = column.wipLimit { count += "/\(limit)" + (over ? "!" : "") }
    let pointsText = " · \(Points.format(points)) pts"
    let style = over ? Style(.warning, bold: true) : Style(.header, bold: true)
    grid.fill(area, style: style)
    // Narrow: the points go first, then the title is cut; the count (and its "!") stays.
    let titleWidth = TextWidth.of(column.title)
    let facts = titleWidth + TextWidth.of(count + pointsText) <= area.width ? count + pointsText : count
    let title = TextWidth.truncate(column.title, to: max(1, area.width - TextWidth.of(facts)))
    grid.put([Span(title, style), Span(facts, style)], at: area.origin, limit: area.width)
  }

  private func drawCards(_ model: SprintBoardModel, _ column: Int, _ area: Rect, into grid: inout Grid) {
    let scroll = state.sprintBoard.scroll
    for id in model.cards[column] {
      guard let story = state.board.story(id), let top = model.top(of: id, board: state.board) else { continue }
      let y = top - scroll
      guard y + SprintBoardModel.cardHeight > 0, y < area.height else { continue }
      let focused = id == state.currentCard && state.pane == .board
      drawCard(story, focused: focused, at: area.y + y, x: area.x, width: area.width, clip: area, into: &grid)
    }
  }

  private func drawCard(
    _ story: Story, focused: Bool, at top: Int, x: Int, width: Int, clip: Rect, into grid: inout Grid
  ) {
    let board = state.board
    let base = focused ? Style(.selection) : Style.normal
    let styled: (Style) -> Style = { focused ? Style(.selection, bold: $0.bold) : $0 }
    func line(_ offset: Int, _ spans: StyledLine) {
      let y = top + offset
      guard y >= clip.y, y < clip.maxY else { return }
      if focused { grid.fill(Rect(x: x, y: y, width: width, height: 1), style: base) }
      grid.put(spans, at: Point(x + 1, y), limit: width - 1)
    }
    let days = story.daysInStatus(at: state.now)
    let points = story.points.map { "\($0.description) pts" } ?? "– pts"
    let right = "\(points) · \(days)d"
    let key = board.key(of: story.id)
    let gap = max(1, width - 1 - TextWidth.of(key) - TextWidth.of(right))
    line(0, [
      Span(key, styled(Style(.dim, bold: true))), Span(String(repeating: " ", count: gap)),
      Span(right, styled(Style(days > StandupSummary.staleDays ? .warning : .dim))),
    ])
    var titleLines = TextWidth.wrap(story.title, width: max(1, width - 2))
    if titleLines.count > 2 {
      // Two lines at most: the second ends with an ellipsis, never a cut character.
      titleLines = [titleLines[0], TextWidth.truncate(titleLines[1] + " " + titleLines[2], to: max(1, width - 2))]
    }
    for (offset, text) in titleLines.prefix(2).enumerated() { line(1 + offset, [Span(text, styled(Style(bold: true)))]) }
    var footer: StyledLine = []
    if let assignee = story.assignee { footer.append(Span("@\(assignee)", styled(Style(.accent)))) }
    if let blocked = story.blocked {
      footer.append(Span((footer.isEmpty ? "" : " ") + "! \(blocked)", styled(Style(.error, bold: true))))
    }
    line(3, footer)
    // Who else has this card in front of them, on the card's spare line.
    let here = state.others(on: story.id)
    if !here.isEmpty {
      line(4, [Span("◂ " + here.map { state.initials(of: $0.member) }.joined(separator: " "), Style(.accent, bold: true))])
    }
  }

  private func drawLaneHeadings(_ model: SprintBoardModel, _ area: Rect, into grid: inout Grid) {
    var top = 0
    for (lane, height) in zip(model.lanes, model.laneHeights(board: state.board)) {
      let y = area.y + top - state.sprintBoard.scroll
      if y >= area.y, y < area.maxY {
        let count = model.cards.joined().filter { state.board.story($0)?.assignee == lane }.count
        grid.put(" " + (lane.map { "@" + $0 } ?? "unassigned") + " · \(count)", in: Rect(x: 0, y: y, width: area.width, height: 1),
          style: Style(.accent, bold: true, underline: true))
      }
      top += height
    }
  }

  /// A one-line chart of remaining points, one block per day.
  private func sparkline(_ values: [Double], top: Double) -> String {
    let blocks = Array("▁▂▃▄▅▆▇█")
    guard top > 0 else { return "" }
    return String(values.suffix(20).map { blocks[min(blocks.count - 1, max(0, Int(($0 / top) * Double(blocks.count - 1))))] })
  }
}

/// The standup's panel under the board: the focused card, its speaker and their timebox.
struct StandupPanel {
  let state: AppState
  let standup: StandupState

  func draw(into grid: inout Grid, area: Rect) {
    grid.fill(area)
    grid.put(String(repeating: "─", count: area.width), at: area.origin, style: Style(.accent))
    guard !standup.finished, let id = state.currentCard, let story = state.board.story(id) else {
      grid.put(" Standup walked: see the summary", at: Point(area.x, area.y + 1), style: Style(.accent, bold: true))
      return
    }
    let board = state.board
    let elapsed = max(0, Int(state.now.timeIntervalSince(standup.speakerSince)))
    let over = Double(elapsed) > state.standupTimebox
    let clock = "\(elapsed / 60):\(String(format: "%02d", elapsed % 60)) / \(Int(state.standupTimebox) / 60):\(String(format: "%02d", Int(state.standupTimebox) % 60))"
    let speaker = story.assignee.map { "@" + $0 } ?? "unassigned"
    let days = story.daysInStatus(at: state.now)
    let column = board.column(story.status)?.title ?? story.status
    grid.put(
      [
        Span(" Standup ", Style(.accent, bold: true)), Span("card \(standup.index + 1)/\(standup.order.count)", Style(.dim)),
        Span(standup.byPerson ? " · person by person · " : " · right to left · ", Style(.dim)),
        Span(speaker, Style(.accent, bold: true)), Span("  "),
        Span(clock + (over ? " over time" : ""), over ? Style(.warning, bold: true) : Style(.dim)),
      ], at: Point(area.x, area.y + 1), limit: area.width)
    grid.put(
      [
        Span(" \(board.key(of: id)) ", Style(.accent, bold: true)), Span(story.title, Style(bold: true)),
        Span(" · \(column) for \(days) day\(days == 1 ? "" : "s")", Style(.dim)),
      ], at: Point(area.x, area.y + 2), limit: area.width)
    if let blocked = story.blocked {
      grid.put(" ! Blocked: \(blocked)", at: Point(area.x, area.y + 3), limit: area.width, style: Style(.error, bold: true))
    } else {
      grid.put(" n/p next/previous · P person by person · H/L move · b blocked · Esc ends", at: Point(area.x, area.y + 3),
        limit: area.width, style: Style(.dim))
    }
  }
}

/// After the last card: what the standup found.
struct StandupSummaryOverlay {
  let state: AppState
  let standup: StandupState

  func draw(into grid: inout Grid, layout: Layout) {
    let board = state.board
    let summary = StandupSummary(board: board, order: standup.order, now: state.now)
    var lines: [StyledLine] = []
    func section(_ title: String, _ stories: [Story], _ detail: (Story) -> String) {
      lines.append([Span(title + " (\(stories.count))", Style(.accent, bold: true))])
      if stories.isEmpty { lines.append([Span("  none", Style(.dim))]) }
      for story in stories { lines.append([Span("  \(board.key(of: story.id)) ", Style(bold: true)), Span(detail(story))]) }
      lines.append([])
    }
    section("Blocked", summary.blocked) { "\($0.title) — \($0.blocked ?? "")" }
    section("In the same column for more than \(StandupSummary.staleDays) days", summary.stale) { story in
      let days = story.daysInStatus(at: state.now)
      return "\(story.title) — \(board.column(story.status)?.title ?? story.status), \(days) days"
    }
    section("Moved since the last standup", summary.moved) { story in
      "\(story.title) → \(board.column(story.status)?.title ?? story.status)"
    }
    lines.append([Span("Esc ends the standup · p goes back", Style(.dim))])
    let box = layout.helpBox
    grid.fill(Rect(x: 0, y: box.y, width: grid.width, height: box.height))
    grid.drawBox(box, title: "Standup summary", style: Style(.accent))
    let text = layout.helpText
    for (offset, line) in lines.prefix(text.height).enumerated() {
      grid.put(line, at: Point(text.x, text.y + offset), limit: text.width)
    }
  }
}
