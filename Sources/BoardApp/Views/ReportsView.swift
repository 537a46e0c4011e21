import Foundation
import ScrumCore
import TermUI

/// The reports pane: a row of tabs, the sprint's numbers, and the chosen chart filling the rest.
struct ReportsView {
  let state: AppState

  /// The rows above the chart: tabs, the sprint, its numbers, a blank line.
  static let headerHeight = 4

  /// The fewest rows a chart is drawn in.
  static let chartMinimumHeight = 5

  /// Whether the screen is too short for the full header and a chart: then only the tabs and
  /// the sprint's line stay above the chart.
  static func isCompact(_ body: Rect) -> Bool { body.height < headerHeight + chartMinimumHeight }

  /// Where the chart (or the cycle-time list) goes.
  static func chartArea(_ layout: Layout) -> Rect {
    let body = layout.body
    let top = min(isCompact(body) ? 2 : headerHeight, body.height)
    return Rect(x: body.x + 1, y: body.y + top, width: max(0, body.width - 2), height: max(0, body.height - top))
  }

  func draw(into grid: inout Grid, layout: Layout) {
    let body = layout.body
    drawTabs(body.row(0), into: &grid)
    let area = ReportsView.chartArea(layout)
    let glyphs = state.reportGlyphs
    let tab = state.reports.tab
    if tab == .velocity {
      drawVelocity(area, glyphs: glyphs, header: body, into: &grid)
      return
    }
    guard let sprint = state.reportSprint else {
      let board = state.keymap.keys(for: .showBoard, in: .global).first.map(\.description) ?? "2"
      note(
        "No sprint has started yet. Plan one on the sprint board (\(board), then N) and start it (S): "
          + "its burndown, burnup, flow and cycle times show here.", in: area, into: &grid)
      return
    }
    let report = SprintReport(board: state.board, sprint: sprint, now: state.now)
    if body.height > 1 { drawSprintLine(report, body.row(1), into: &grid) }
    if body.height > 2, !ReportsView.isCompact(body) { drawNumbers(report, body.row(2), into: &grid) }
    guard area.height >= ReportsView.chartMinimumHeight, area.width >= 20 else { return }
    switch tab {
    case .burndown: ReportCharts.burndown(report, in: area, glyphs: glyphs, into: &grid)
    case .burnup: ReportCharts.burnup(report, in: area, glyphs: glyphs, into: &grid)
    case .flow: ReportCharts.flow(report, in: area, glyphs: glyphs, into: &grid)
    case .cycleTime: drawCycleTimes(report, area, glyphs: glyphs, into: &grid)
    case .velocity: break
    }
  }

  private func drawTabs(_ area: Rect, into grid: inout Grid) {
    var line: StyledLine = [Span(" ")]
    for tab in ReportTab.allCases {
      // The chosen tab is bracketed as well as highlighted: it shows without colour too.
      if tab == state.reports.tab {
        line.append(Span("[\(tab.title)]", Style(.selection, bold: true)))
      } else {
        line.append(Span(" \(tab.title) ", Style(.dim)))
      }
      line.append(Span(" "))
    }
    let keys = [Command.previousReport, .nextReport].compactMap { state.keymap.keys(for: $0, in: .reports).first?.description }
    line.append(Span("  \(keys.joined(separator: "/")) switch", Style(.dim)))
    _ = grid.put(line, at: area.origin, limit: area.width)
  }

  private func drawSprintLine(_ report: SprintReport, _ area: Rect, into grid: inout Grid) {
    let sprint = report.sprint
    let keys = [Command.previousSprint, .nextSprint].compactMap { state.keymap.keys(for: $0, in: .reports).first?.description }
    let hint = "  \(keys.joined(separator: " ")) other sprints"
    let room = max(0, area.width - TextWidth.of(hint))
    let style = Style(.accent, bold: true)
    var line: StyledLine = [Span(" \(sprint.name) · \(sprint.state.rawValue)", style)]
    if let start = sprint.start {
      line.appendIfFits(Span(" · \(start) → \(sprint.end.map(\.description) ?? "open")", style), width: room)
    }
    if sprint.state == .active, !report.days.isEmpty {
      line.appendIfFits(
        Span(" · day \(min(report.samples.count, report.days.count)) of \(report.days.count)", style), width: room)
    }
    if !sprint.goal.isEmpty { line.appendIfFits(Span(" · Goal: \(sprint.goal)", style), width: room) }
    line.append(Span(hint, Style(.dim)))
    _ = grid.put(line, at: area.origin, limit: area.width)
  }

  private func drawNumbers(_ report: SprintReport, _ area: Rect, into grid: inout Grid) {
    var line: StyledLine = [Span(" Committed \(format(report.committed))")]
    let change = report.scopeChange
    line.append(Span(" · scope \(format(report.committed + change))"))
    if change != 0 {
      line.append(Span(" (\(change > 0 ? "+" : "")\(format(change)))", Style(.warning, bold: true)))
    }
    line.append(Span(" · done \(format(report.completedPoints))", Style(.success)))
    line.append(Span(" · remaining \(format(report.samples.last?.remaining ?? report.committed))"))
    if report.sprint.state == .active, let behind = report.behindIdeal {
      let amount = format(abs(behind).rounded(toPlaces: 1))
      if behind > 0.05 {
        line.append(Span(" · \(amount) behind ideal", Style(.warning, bold: true)))
      } else if behind < -0.05 {
        line.append(Span(" · \(amount) ahead of ideal", Style(.success)))
      } else {
        line.append(Span(" · on the ideal line", Style(.success)))
      }
    }
    if let median = report.cycleTimes.median {
      line.appendIfFits(Span(" · cycle time \(days(median)) median", Style(.dim)), width: area.width)
    }
    _ = grid.put(line, at: area.origin, limit: area.width)
  }

  private func drawVelocity(_ area: Rect, glyphs: ChartGlyphs, header: Rect, into grid: inout Grid) {
    let velocity = Velocity(board: state.board, now: state.now)
    if header.height > 1 {
      let averaged = min(Velocity.averagedSprints, velocity.entries.count)
      let average = velocity.average.map { "average \(format($0.rounded(toPlaces: 1))) pts (last \(averaged))" }
      _ = grid.put(
        " Velocity of the last \(velocity.entries.count) closed sprint\(velocity.entries.count == 1 ? "" : "s")"
          + (average.map { " · " + $0 } ?? ""), at: header.row(1).origin, limit: header.width,
        style: Style(.accent, bold: true))
    }
    if header.height > 2, !ReportsView.isCompact(header) { _ = grid.put(forecastLine(velocity, width: header.width), at: header.row(2).origin, limit: header.width) }
    guard !velocity.entries.isEmpty else {
      let close = state.keymap.keys(for: .closeSprint, in: .board).first.map(\.description) ?? "C"
      note(
        "No sprint has closed yet: velocity shows committed against completed points once the first sprint "
          + "closes (\(close) on the sprint board).", in: area, into: &grid)
      return
    }
    guard area.height >= ReportsView.chartMinimumHeight, area.width >= 20 else { return }
    ReportCharts.velocity(velocity, in: area, glyphs: glyphs, into: &grid)
  }

  /// When the product backlog would be done at the recent pace.
  private func forecastLine(_ velocity: Velocity, width: Int) -> StyledLine {
    guard let forecast = Forecast(board: state.board, velocity: velocity.average) else {
      return [Span(" No forecast until a closed sprint has finished work.", Style(.dim))]
    }
    let backlog = state.board.stories(inSprint: nil).filter { $0.status != state.board.columns.last?.id }
    let points = backlog.compactMap(\.points?.value).reduce(0, +)
    guard !backlog.isEmpty, let last = forecast.sprints.last else {
      return [Span(" The product backlog is empty.", Style(.dim))]
    }
    var text = " Forecast: \(format(points)) pts of backlog ≈ \(forecast.sprints.count) sprint"
      + (forecast.sprints.count == 1 ? "" : "s") + " → \(last.name)"
    if let end = last.end { text += ", ends \(end)" }
    var line: StyledLine = [Span(text)]
    if forecast.unestimated > 0 {
      line.appendIfFits(Span(" · \(forecast.unestimated) unestimated", Style(.warning)), width: width)
    }
    let toggle = state.keymap.keys(for: .toggleForecast, in: .backlog).first.map(\.description) ?? "o"
    line.appendIfFits(Span(" · \(toggle) in the backlog shows it per story", Style(.dim)), width: width)
    return line
  }

  private func drawCycleTimes(_ report: SprintReport, _ area: Rect, glyphs: ChartGlyphs, into grid: inout Grid) {
    let times = report.cycleTimes
    guard let median = times.median, let p85 = times.percentile85 else {
      note("No story of \(report.sprint.name) has reached done yet.", in: area, into: &grid)
      return
    }
    let summary =
      "Median \(days(median)) · 85th percentile \(days(p85)) · \(times.count) finished · working days only"
    _ = grid.put(summary, at: area.origin, limit: area.width, style: Style(bold: true))
    let list = ReportsView.cycleList(area)
    let longest = times.map(\.days).max() ?? 1
    let board = state.board
    let keyWidth = times.map { TextWidth.of(board.key(of: $0.story)) }.max() ?? 5
    let scroll = min(state.reports.scroll, max(0, times.count - list.height))
    for (offset, time) in times.dropFirst(scroll).prefix(list.height).enumerated() {
      let row = list.row(offset)
      let title = board.story(time.story)?.title ?? ""
      let dates = "\(Day(date: time.started).monthAndDay) → \(Day(date: time.finished).monthAndDay)"
      let value = days(time.days)
      let titleWidth = max(8, min(40, row.width / 3))
      var x = row.x
      x += grid.put(board.key(of: time.story), at: Point(x, row.y), limit: keyWidth, style: Style(.dim))
      x = row.x + keyWidth + 2
      _ = grid.put(title, at: Point(x, row.y), limit: titleWidth)
      x += titleWidth + 2
      x += grid.put(dates, at: Point(x, row.y), limit: max(0, row.maxX - x), style: Style(.dim)) + 2
      let valueText = String(repeating: " ", count: max(0, 8 - TextWidth.of(value))) + value
      x += grid.put(valueText, at: Point(x, row.y), limit: max(0, row.maxX - x)) + 2
      let barRoom = row.maxX - x
      if barRoom > 2 {
        let length = max(time.days > 0 ? 1 : 0, Int((time.days / max(longest, 0.01) * Double(barRoom)).rounded()))
        let style = time.days >= p85 ? Style(.warning, bold: true) : Style(.accent)
        _ = grid.put(String(repeating: glyphs.fill(0), count: min(length, barRoom)), at: Point(x, row.y), style: style)
      }
    }
    if times.count > list.height {
      let more = " \(scroll + 1)–\(min(times.count, scroll + list.height)) of \(times.count) · j/k scroll"
      _ = grid.put(more, at: Point(area.x, area.maxY - 1), limit: area.width, style: Style(.dim))
    }
  }

  /// The cycle-time list's rows: below its summary line, above a line that says where it is.
  static func cycleList(_ area: Rect) -> Rect {
    Rect(x: area.x, y: area.y + 2, width: area.width, height: max(0, area.height - 3))
  }

  private func note(_ text: String, in area: Rect, into grid: inout Grid) {
    for (offset, line) in TextWidth.wrap(text, width: max(1, area.width - 2)).prefix(area.height).enumerated() {
      _ = grid.put(line, at: Point(area.x + 1, area.y + 1 + offset), style: Style(.dim))
    }
  }

  private func days(_ value: Double) -> String { "\(format(value.rounded(toPlaces: 1))) d" }
}

extension Array where Element == Span {
  /// Adds a span only when the whole line still fits: a fact is shown whole or not at all.
  mutating func appendIfFits(_ span: Span, width: Int) {
    if TextWidth.of(map(\.text).joined() + span.text) <= width { append(span) }
  }
}

/// The cycle-time list scrolls no further than its last line.
func keepReportScrollInRange(_ state: inout AppState) {
  guard state.reports.scroll > 0 else { return }
  guard state.reports.tab == .cycleTime, let sprint = state.reportSprint else {
    state.reports.scroll = 0
    return
  }
  let count = SprintReport(board: state.board, sprint: sprint, now: state.now).cycleTimes.count
  let height = ReportsView.cycleList(ReportsView.chartArea(Layout(state))).height
  state.reports.scroll = min(state.reports.scroll, max(0, count - height))
}
