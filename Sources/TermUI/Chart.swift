/// Which characters charts are drawn with: Unicode braille and block elements where the
/// terminal shows them, plain ASCII where it cannot (a Linux console font, a non-UTF-8 locale,
/// a text file).
public enum ChartGlyphs: Sendable {
  case unicode, ascii

  /// Axis parts: the vertical line, the horizontal line, the corner.
  var axis: (vertical: String, horizontal: String, corner: String) {
    self == .unicode ? ("│", "─", "└") : ("|", "-", "+")
  }

  /// A bar's top cell filled to `eighths` (1...8) of its height.
  public func barTop(eighths: Int) -> String {
    guard self == .unicode else { return "#" }
    let blocks = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    return blocks[max(1, min(8, eighths)) - 1]
  }

  /// A full cell of a bar in one of several fills, so that bars and areas differ without
  /// colour: solid, dark, medium, light shade.
  public func fill(_ index: Int) -> String {
    let fills = self == .unicode ? ["█", "▓", "▒", "░"] : ["#", "=", "+", ":"]
    return fills[((index % fills.count) + fills.count) % fills.count]
  }

  /// A horizontal reference line's cell (an average, a target).
  public var rule: String { self == .unicode ? "╌" : "-" }
}

/// A plot area that lines are drawn on at more than one point per cell: 2x4 braille dots per
/// cell in Unicode, one mark per cell in ASCII. Each cell shows the series drawn on it last,
/// in that series' style.
public struct PlotCanvas {
  public let width: Int
  public let height: Int
  public let glyphs: ChartGlyphs
  private var dots: [UInt8]
  private var series: [Int]

  public init(width: Int, height: Int, glyphs: ChartGlyphs) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.glyphs = glyphs
    dots = Array(repeating: 0, count: self.width * self.height)
    series = Array(repeating: -1, count: self.width * self.height)
  }

  private var dotsAcross: Int { width * (glyphs == .unicode ? 2 : 1) }
  private var dotsDown: Int { height * (glyphs == .unicode ? 4 : 1) }

  /// Marks the dot at `x`, `y`, counted from the bottom left.
  mutating func plot(x: Int, y: Int, series index: Int) {
    guard x >= 0, y >= 0, x < dotsAcross, y < dotsDown else { return }
    let fromTop = dotsDown - 1 - y
    let cell: Int
    let bit: UInt8
    if glyphs == .unicode {
      cell = (fromTop / 4) * width + x / 2
      // Braille dot numbering: left column 1,2,3,7; right column 4,5,6,8.
      let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
      bit = bits[x % 2][fromTop % 4]
    } else {
      cell = fromTop * width + x
      bit = 1
    }
    dots[cell] |= bit
    series[cell] = index
  }

  /// A polyline through `values` (0...maximum), spread evenly from the left edge to the right
  /// one over `steps` intervals (so a line of fewer points stops early: days not yet come).
  /// A dotted line marks every other dot, so that it differs from a solid one without colour.
  public mutating func line(_ values: [Double], steps: Int, maximum: Double, series index: Int, dotted: Bool = false) {
    guard !values.isEmpty, dotsAcross > 0, dotsDown > 0, maximum > 0 else { return }
    let xScale = Double(dotsAcross - 1) / Double(max(1, steps))
    let yScale = Double(dotsDown - 1) / maximum
    func point(_ index: Int) -> (Int, Int) {
      (Int((Double(index) * xScale).rounded()), Int((max(0, min(maximum, values[index])) * yScale).rounded()))
    }
    var counter = 0
    var previous = point(0)
    plot(x: previous.0, y: previous.1, series: index)
    for next in values.indices.dropFirst() {
      let target = point(next)
      // Bresenham between the two dots.
      let dx = abs(target.0 - previous.0)
      let dy = -abs(target.1 - previous.1)
      let sx = previous.0 < target.0 ? 1 : -1
      let sy = previous.1 < target.1 ? 1 : -1
      var error = dx + dy
      var (x, y) = previous
      while (x, y) != target {
        let doubled = 2 * error
        if doubled >= dy {
          error += dy
          x += sx
        }
        if doubled <= dx {
          error += dx
          y += sy
        }
        counter += 1
        if !dotted || counter % 2 == 0 { plot(x: x, y: y, series: index) }
      }
      previous = target
    }
  }

  /// Copies the marks into `grid` at `origin`; `marks` gives each series' ASCII character
  /// and `styles` its style.
  public func draw(into grid: inout Grid, at origin: Point, marks: [String], styles: [Style]) {
    for row in 0..<height {
      for column in 0..<width {
        let cell = row * width + column
        guard dots[cell] != 0, let index = series[safe: cell], index >= 0 else { continue }
        let text: String
        if glyphs == .unicode {
          text = String(Character(Unicode.Scalar(0x2800 + UInt32(dots[cell])) ?? " "))
        } else {
          text = marks[safe: index] ?? "*"
        }
        _ = grid.put(text, at: Point(origin.x + column, origin.y + row), style: styles[safe: index] ?? .normal)
      }
    }
  }
}

/// The frame around a chart: value labels and a vertical axis on the left, a horizontal axis
/// with labels along the bottom. It gives back where the plot goes.
public struct ChartAxes {
  public let maximum: Double
  public let plot: Rect
  private let area: Rect
  private let ticks: [Double]
  private let labelWidth: Int
  private let glyphs: ChartGlyphs

  /// The top is `maximum` rounded up to a round number (1, 2 or 5 times a power of ten, in
  /// steps a tenth of it), and the labels are round numbers too, people read them at once.
  public init(area: Rect, maximum: Double, glyphs: ChartGlyphs) {
    self.area = area
    self.glyphs = glyphs
    let plotHeight = max(1, area.height - 2)
    let value = max(1, maximum)
    let granularity = ChartAxes.roundStep(value / 10)
    self.maximum = (value / granularity).rounded(.up) * granularity
    // A label at most every other row, and at most six of them.
    let labelCount = max(1, min(5, plotHeight / 2))
    let step = ChartAxes.roundStep(self.maximum / Double(labelCount))
    ticks = Swift.stride(from: 0.0, through: self.maximum + step / 1000, by: step).map { $0 }
    labelWidth = ticks.map { ChartAxes.format($0).count }.max() ?? 1
    plot = Rect(x: area.x + labelWidth + 1, y: area.y, width: max(0, area.width - labelWidth - 1), height: plotHeight)
  }

  /// Draws the axes; `labels` are (plot x, text) pairs along the bottom, skipped where they
  /// would overlap the one before.
  public func draw(into grid: inout Grid, xLabels labels: [(x: Int, text: String)]) {
    let (vertical, horizontal, corner) = glyphs.axis
    for row in 0..<plot.height {
      _ = grid.put(vertical, at: Point(plot.x - 1, plot.y + row), style: Style(.dim))
    }
    let axisY = plot.maxY
    _ = grid.put(corner, at: Point(plot.x - 1, axisY), style: Style(.dim))
    _ = grid.put(String(repeating: horizontal, count: plot.width), at: Point(plot.x, axisY), style: Style(.dim))
    for tick in ticks {
      let row = plot.maxY - 1 - Int((tick / maximum * Double(plot.height - 1)).rounded())
      let text = ChartAxes.format(tick)
      _ = grid.put(text, at: Point(area.x + labelWidth - text.count, row), style: Style(.dim))
    }
    guard axisY + 1 < area.maxY else { return }
    func placed(_ label: (x: Int, text: String)) -> (x: Int, width: Int) {
      let width = TextWidth.of(label.text)
      return (max(plot.x, min(plot.x + label.x - width / 2, plot.maxX - width)), width)
    }
    // The last label (the end of the range) always shows; the others where they fit.
    let lastX = labels.last.map { placed($0).x } ?? plot.maxX
    var freeFrom = plot.x - 1
    for (index, label) in labels.enumerated() {
      let (x, width) = placed(label)
      let isLast = index == labels.count - 1
      guard x > freeFrom, isLast || x + width < lastX else { continue }
      _ = grid.put(label.text, at: Point(x, axisY + 1), style: Style(.dim))
      freeFrom = x + width
    }
  }

  /// The row of the plot where `value` lies.
  public func row(of value: Double) -> Int {
    plot.maxY - 1 - Int((max(0, min(maximum, value)) / maximum * Double(plot.height - 1)).rounded())
  }

  /// 1, 2 or 5 times a power of ten, at least `value` (and at least 1: points and counts).
  static func roundStep(_ value: Double) -> Double {
    var power = 1.0
    while power * 10 <= value { power *= 10 }
    for step in [1.0, 2, 5, 10] where step * power >= value { return step * power }
    return 10 * power
  }

  /// "5", "12.5": no trailing ".0".
  public static func format(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}

extension Array {
  fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
