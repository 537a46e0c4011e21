import ScrumCore
import TermUI

/// The charts of the reports pane, each drawn into any rectangle of a grid, in Unicode or
/// ASCII; the sprint review export draws the burndown the same way into a text file.
public enum ReportCharts {
  /// Remaining points against the ideal line. The last row of `area` is the legend.
  public static func burndown(_ report: SprintReport, in area: Rect, glyphs: ChartGlyphs, into grid: inout Grid) {
    let (chart, legend) = area.splitBottom(1)
    let ideal = report.ideal
    let remaining = report.remaining
    let axes = ChartAxes(area: chart, maximum: (ideal + remaining).max() ?? 1, glyphs: glyphs)
    axes.draw(into: &grid, xLabels: dayLabels(report.days, startsWithSprint: true, width: axes.plot.width, glyphs: glyphs))
    var canvas = PlotCanvas(width: axes.plot.width, height: axes.plot.height, glyphs: glyphs)
    canvas.line(ideal, steps: report.days.count, maximum: axes.maximum, series: 0, dotted: true)
    canvas.line(remaining, steps: report.days.count, maximum: axes.maximum, series: 1)
    canvas.draw(into: &grid, at: axes.plot.origin, marks: [".", "*"], styles: [Style(.dim), Style(.accent, bold: true)])
    drawLegend(
      [(glyphs == .unicode ? "⠉⠉" : "**", "remaining", Style(.accent, bold: true)),
       (glyphs == .unicode ? "⠁⠁" : "..", "ideal", Style(.dim))], in: legend, into: &grid)
  }

  /// Scope and completed points per day: scope added mid-sprint shows as a step up.
  public static func burnup(_ report: SprintReport, in area: Rect, glyphs: ChartGlyphs, into grid: inout Grid) {
    let (chart, legend) = area.splitBottom(1)
    let axes = ChartAxes(area: chart, maximum: report.scope.max() ?? 1, glyphs: glyphs)
    axes.draw(into: &grid, xLabels: dayLabels(report.days, startsWithSprint: true, width: axes.plot.width, glyphs: glyphs))
    var canvas = PlotCanvas(width: axes.plot.width, height: axes.plot.height, glyphs: glyphs)
    canvas.line(report.scope, steps: report.days.count, maximum: axes.maximum, series: 0, dotted: true)
    canvas.line(report.completed, steps: report.days.count, maximum: axes.maximum, series: 1)
    canvas.draw(
      into: &grid, at: axes.plot.origin, marks: ["-", "*"], styles: [Style(.warning), Style(.success, bold: true)])
    drawLegend(
      [(glyphs == .unicode ? "⠉⠉" : "**", "completed", Style(.success, bold: true)),
       (glyphs == .unicode ? "⠁⠁" : "--", "scope", Style(.warning))], in: legend, into: &grid)
  }

  /// Committed against completed points of each closed sprint, with the average as a rule.
  public static func velocity(_ velocity: Velocity, in area: Rect, glyphs: ChartGlyphs, into grid: inout Grid) {
    let (chart, legend) = area.splitBottom(1)
    let maximum = velocity.entries.flatMap { [$0.committed, $0.completed] }.max() ?? 1
    // Headroom above the tallest bar for its value.
    let axes = ChartAxes(area: chart, maximum: maximum * 1.1, glyphs: glyphs)
    let plot = axes.plot
    // Each sprint: two bars side by side, then a gap; as many recent sprints as fit.
    let barWidth = max(1, min(4, (plot.width / max(1, velocity.entries.count) - 2) / 2))
    let groupWidth = barWidth * 2 + 2
    let shown = Array(velocity.entries.suffix(max(1, plot.width / groupWidth)))
    var labels: [(x: Int, text: String)] = []
    if let average = velocity.average {
      let row = axes.row(of: average)
      for x in plot.x..<plot.maxX { _ = grid.put(glyphs.rule, at: Point(x, row), style: Style(.dim)) }
    }
    for (index, entry) in shown.enumerated() {
      let x = plot.x + 1 + index * groupWidth
      drawBar(entry.committed, x: x, width: barWidth, axes: axes, fill: glyphs.fill(3), glyphs: glyphs, partial: false,
        style: Style(.dim), into: &grid)
      drawBar(entry.completed, x: x + barWidth, width: barWidth, axes: axes, fill: glyphs.fill(0), glyphs: glyphs,
        partial: true, style: Style(.success, bold: true), into: &grid)
      labels.append((x: x - plot.x + barWidth, text: TextWidth.truncate(entry.sprint, to: groupWidth - 1)))
    }
    axes.draw(into: &grid, xLabels: labels)
    var parts: [(String, String, Style)] = [
      (glyphs.fill(3), "committed", Style(.dim)), (glyphs.fill(0), "completed", Style(.success, bold: true)),
    ]
    if let average = velocity.average {
      parts.append((glyphs.rule + glyphs.rule, "average \(format(average.rounded(toPlaces: 1)))", Style(.dim)))
    }
    drawLegend(parts, in: legend, into: &grid)
  }

  /// Stories per status column each day, stacked: done at the bottom, where work piles up
  /// shows as a widening band. Each column has its own fill, so no colour is needed.
  public static func flow(_ report: SprintReport, in area: Rect, glyphs: ChartGlyphs, into grid: inout Grid) {
    let (chart, legend) = area.splitBottom(1)
    let totals = report.samples.map { $0.storiesPerColumn.reduce(0, +) }
    let axes = ChartAxes(area: chart, maximum: Double(totals.max() ?? 1), glyphs: glyphs)
    let plot = axes.plot
    let dayCount = max(1, report.days.count)
    let band = max(1, plot.width / dayCount)
    let columnCount = report.columns.count
    func fill(_ column: Int) -> String { glyphs.fill(columnCount - 1 - column) }
    func style(_ column: Int) -> Style {
      column == columnCount - 1 ? Style(.success) : column == 0 ? Style(.dim) : Style(.epic(column))
    }
    for (day, sample) in report.samples.enumerated() {
      let x = plot.x + day * band
      guard x < plot.maxX else { break }
      var stacked = 0
      var filledRows = 0
      // Bottom up: the last column (done) first.
      for column in (0..<columnCount).reversed() {
        stacked += sample.storiesPerColumn[safe: column] ?? 0
        let rows = Int((Double(stacked) / axes.maximum * Double(plot.height)).rounded())
        for row in filledRows..<max(filledRows, rows) {
          let y = plot.maxY - 1 - row
          guard y >= plot.y else { break }
          let width = min(band, plot.maxX - x)
          _ = grid.put(String(repeating: fill(column), count: width), at: Point(x, y), style: style(column))
        }
        filledRows = max(filledRows, rows)
      }
    }
    axes.draw(into: &grid, xLabels: dayLabels(report.days, startsWithSprint: false, width: plot.width, band: band))
    drawLegend(
      report.columns.indices.map { (fill($0), report.columns[$0].title, style($0)) }, in: legend, into: &grid)
  }

  // MARK: parts

  private static func drawBar(
    _ value: Double, x: Int, width: Int, axes: ChartAxes, fill: String, glyphs: ChartGlyphs, partial: Bool,
    style: Style, into grid: inout Grid
  ) {
    let plot = axes.plot
    guard value > 0, x < plot.maxX else { return }
    let eighths = Int((value / axes.maximum * Double(plot.height * 8)).rounded())
    let whole = partial ? eighths / 8 : Int((Double(eighths) / 8).rounded())
    let width = min(width, plot.maxX - x)
    for row in 0..<min(whole, plot.height) {
      _ = grid.put(String(repeating: fill, count: width), at: Point(x, plot.maxY - 1 - row), style: style)
    }
    if partial, eighths % 8 > 0, whole < plot.height {
      _ = grid.put(
        String(repeating: glyphs.barTop(eighths: eighths % 8), count: width), at: Point(x, plot.maxY - 1 - whole),
        style: style)
    }
    // The value above the bar, if the row is free.
    let labelRow = plot.maxY - 1 - max(whole, 1) - (partial && eighths % 8 > 0 ? 1 : 0)
    let text = format(value)
    if labelRow >= plot.y, TextWidth.of(text) <= width + 1 {
      _ = grid.put(text, at: Point(x, labelRow), style: Style(.dim))
    }
  }

  /// Date labels for the days: at the end of each day's step (after a start point), or in the
  /// middle of each day's band.
  static func dayLabels(
    _ days: [Day], startsWithSprint: Bool, width: Int, band: Int = 0, glyphs: ChartGlyphs = .ascii
  ) -> [(x: Int, text: String)] {
    guard !days.isEmpty, width > 0 else { return [] }
    // Where PlotCanvas puts the point of each day's end.
    let perCell = glyphs == .unicode ? 2 : 1
    return days.enumerated().map { index, day in
      let x: Int
      if startsWithSprint {
        x = Int((Double(index + 1) * Double(width * perCell - 1) / Double(days.count)).rounded()) / perCell
      } else {
        x = index * band + band / 2
      }
      return (x: x, text: day.monthAndDay)
    }
  }

  static func drawLegend(_ parts: [(mark: String, label: String, style: Style)], in area: Rect, into grid: inout Grid) {
    var line: StyledLine = [Span(" ")]
    for part in parts {
      line.append(Span(part.mark, part.style))
      line.append(Span(" \(part.label)   ", Style(.dim)))
    }
    _ = grid.put(line, at: area.origin, limit: area.width)
  }
}

extension Double {
  func rounded(toPlaces places: Int) -> Double {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return (self * scale).rounded() / scale
  }
}
