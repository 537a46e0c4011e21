import ScrumCore
import TermUI

/// Draws the whole frame for the state: a pure function of the state, tested without a terminal.
public func render(_ state: AppState) -> Grid {
  var grid = Grid(size: state.size)
  let layout = Layout(state)
  guard layout.fits else {
    drawTooSmall(size: state.size, into: &grid)
    return grid
  }
  drawTitleBar(state, layout.titleBar, into: &grid)
  switch state.pane {
  case .backlog:
    BacklogView(state: state).draw(into: &grid, layout: layout)
  case .detail:
    if layout.showsDetailBeside {
      // Wide enough: the list stays in view, live, with the story beside it.
      BacklogView(state: state).draw(into: &grid, layout: layout)
      for y in layout.body.y..<layout.body.maxY {
        grid.put("│", at: Point(layout.listArea.maxX, y), style: Style(.dim))
      }
    }
    DetailView(state: state).draw(into: &grid, area: layout.detailBody)
  case .reports:
    ReportsView(state: state).draw(into: &grid, layout: layout)
  case .board:
    SprintBoardView(state: state).draw(into: &grid)
    if let standup = state.standup, standup.finished {
      StandupSummaryOverlay(state: state, standup: standup).draw(into: &grid, layout: layout)
    }
  }
  drawStatusLine(state, layout.statusLine, into: &grid)
  drawHintLine(state, layout.hintLine, into: &grid)
  if state.showsPoker { PokerOverlay(state: state).draw(into: &grid, layout: layout) }
  if state.together.showsWho { WhoOverlay(state: state).draw(into: &grid, layout: layout) }
  if let picker = state.picker {
    PickerOverlay(picker: picker).draw(into: &grid, layout: layout)
  }
  if let help = state.help {
    HelpOverlay(state: state, help: help).draw(into: &grid, layout: layout)
  }
  return grid
}

/// Where the terminal cursor goes: in an open prompt, else hidden.
public func cursorPosition(_ state: AppState) -> Point? {
  guard let prompt = state.prompt, Layout(state).fits else { return nil }
  let line = Layout(state).hintLine
  let labelWidth = 1 + TextWidth.of(prompt.label)
  let column = labelWidth + prompt.editor.visible(width: line.width - labelWidth).cursorColumn
  return Point(min(column, line.width - 1), line.y)
}

private func drawTitleBar(_ state: AppState, _ area: Rect, into grid: inout Grid) {
  grid.fill(area, style: Style(.header))
  var title: StyledLine = [Span(" scrum ", Style(.header, bold: true)), Span(state.board.name, Style(.header))]
  if state.pane == .detail, let detail = state.detail {
    title.append(Span(" › \(state.board.key(of: detail.story))", Style(.header)))
  }
  if state.pane == .backlog {
    if state.filter.isActive {
      title.append(Span("  filter: \(state.filter.summary(on: state.board))", Style(.header, bold: true)))
    }
    if !state.marked.isEmpty { title.append(Span("  \(state.marked.count) marked", Style(.header, bold: true))) }
  }
  // Who leads and who follows, in words (and others on the board, counted).
  if state.isLead {
    title.append(Span("  leading", Style(.header, bold: true)))
  } else if state.together.following {
    title.append(Span("  following \(state.lead?.member ?? "nobody")", Style(.header, bold: true)))
  } else if let lead = state.lead {
    title.append(Span("  \(lead.member) leads", Style(.header)))
  }
  if !state.others.isEmpty { title.append(Span("  +\(state.others.count)", Style(.header))) }
  let pane: String
  switch state.pane {
  case .backlog: pane = " Backlog "
  case .detail: pane = " Story "
  case .board: pane = state.standup == nil ? " Board " : " Standup "
  case .reports: pane = " Reports "
  }
  let paneWidth = TextWidth.of(pane)
  grid.put(title, at: area.origin, limit: area.width - paneWidth - 1)
  grid.put(pane, at: Point(area.maxX - paneWidth - 1, area.y), limit: paneWidth, style: Style(.accent, bold: true))
}

private func drawStatusLine(_ state: AppState, _ area: Rect, into grid: inout Grid) {
  if let flash = state.flash {
    let style = flash.kind == .error ? Style(.warning, bold: true) : Style(.success)
    grid.put(" " + flash.text, in: area, style: style)
    return
  }
  if state.pane == .board {
    let model = SprintBoardModel(board: state.board, view: state.sprintBoard, user: state.user)
    let cards = model.cards.joined().count
    let blocked = model.cards.joined().filter { state.board.story($0)?.blocked != nil }.count
    grid.put(" \(cards) cards · \(blocked) blocked · 1 backlog · 2 board", in: area, style: Style(.dim))
    return
  }
  if state.pane == .reports {
    let glyphs = state.reportGlyphs == .unicode ? "Unicode" : "ASCII"
    let days = state.board.workingDays
    grid.put(" working days \(days) · charts in \(glyphs) · 1 backlog · 2 board · 3 reports", in: area, style: Style(.dim))
    return
  }
  if state.pane == .detail, let id = state.detail?.story, let story = state.board.story(id) {
    let column = state.board.column(story.status)?.title ?? story.status
    let days = story.daysInStatus(at: state.now)
    let place = story.sprint ?? "the product backlog"
    grid.put(
      " \(state.board.key(of: id)) · \(column) for \(days) day\(days == 1 ? "" : "s") · in \(place)", in: area,
      style: Style(.dim))
    return
  }
  if let job = state.filterJob {
    grid.put(
      " Filtering… \(job.percentDone)% looked at · \(job.matches.count) matches so far", in: area, style: Style(.dim))
    return
  }
  let totals = state.backlogRows.backlogTotals
  let summary =
    " \(totals.count) stories in the backlog · \(format(totals.points)) pts · \(format(totals.readyPoints)) pts ready"
  grid.put(summary, in: area, style: Style(.dim))
}

private func drawHintLine(_ state: AppState, _ area: Rect, into grid: inout Grid) {
  if let prompt = state.prompt {
    let labelWidth = 1 + TextWidth.of(prompt.label)
    let shown = prompt.editor.visible(width: area.width - labelWidth).text
    grid.put(
      [Span(" " + prompt.label, Style(.accent, bold: true)), Span(shown, Style(.input))], at: area.origin,
      limit: area.width)
    return
  }
  // Only keys that do something now (AppState.whyNot): help says why of the others.
  var hints = KeyHints.hints(for: state.scope, keymap: state.keymap) { commands in
    commands.contains { state.whyNot($0, in: state.scope) == nil }
  }
  // Too narrow for all: drop the extras, then from the middle, keeping the first ones and help
  // and quit.
  let width: ([KeyHints.Hint]) -> Int = { $0.reduce(1) { $0 + TextWidth.of($1.keys) + TextWidth.of($1.label) + 3 } }
  if width(hints) > area.width { hints.removeAll(where: \.extra) }
  while width(hints) > area.width, hints.count > 4 { hints.remove(at: hints.count - 3) }
  // Keys in their colour, what they do in the terminal's own: two colour changes a hint, where
  // bold keys and dim labels cost two full attribute resets each.
  var line: StyledLine = [Span(" ")]
  for hint in hints {
    line.append(Span(hint.keys, Style(.key)))
    line.append(Span(" \(hint.label)  ", Style.normal))
  }
  grid.put(line, at: area.origin, limit: area.width)
}

private func drawTooSmall(size: Size, into grid: inout Grid) {
  let message = "Terminal too small (\(size.width)x\(size.height)): scrum needs at least "
    + "\(Layout.minimum.width)x\(Layout.minimum.height)."
  let lines = TextWidth.wrap(message, width: max(1, size.width - 2))
  let top = max(0, (size.height - lines.count) / 2)
  for (offset, line) in lines.enumerated() {
    let x = max(0, (size.width - TextWidth.of(line)) / 2)
    grid.put(line, at: Point(x, top + offset), style: Style(.warning, bold: true))
  }
}

/// Points as people write them: "5", "0.5", "12.5".
func format(_ points: Double) -> String { Points.format(points) }
