/// A run of text in one style.
public struct Span: Equatable, Sendable {
  public var text: String
  public var style: Style
  public init(_ text: String, _ style: Style = .normal) {
    self.text = text
    self.style = style
  }
}

/// A line of styled text.
public typealias StyledLine = [Span]

extension Grid {
  /// Writes spans one after another from `point`, within `limit` columns; a line that does not
  /// fit ends with `…` where it was cut. Returns columns written.
  @discardableResult
  public mutating func put(_ line: StyledLine, at point: Point, limit: Int) -> Int {
    guard limit > 0 else { return 0 }
    // Trailing blanks that do not fit are no loss: no ellipsis for them.
    var width = 0
    for span in line { width += TextWidth.of(span.text) }
    var trailingBlanks = 0
    for span in line.reversed() {
      let blanks = span.text.utf8.reversed().prefix { $0 == 0x20 }.count
      trailingBlanks += blanks
      if blanks < span.text.utf8.count { break }
    }
    width -= trailingBlanks
    let room = width > limit ? limit - 1 : limit
    var used = 0
    var lastStyle = line.first?.style ?? .normal
    for span in line where used < room {
      used += put(span.text, at: Point(point.x + used, point.y), limit: room - used, style: span.style)
      lastStyle = span.style
    }
    if width > limit {
      used += put("…", at: Point(point.x + used, point.y), limit: 1, style: lastStyle)
    }
    return used
  }
}

extension Grid {
  /// A box with a single-line border and a title in its top edge; the inside is blanked.
  public mutating func drawBox(_ box: Rect, title: String, style: Style) {
    guard box.width >= 2, box.height >= 2 else { return }
    fill(box)
    let horizontal = String(repeating: "─", count: box.width - 2)
    put("┌" + horizontal + "┐", at: box.origin, style: style)
    for y in (box.y + 1)..<(box.maxY - 1) {
      put("│", at: Point(box.x, y), style: style)
      put("│", at: Point(box.maxX - 1, y), style: style)
    }
    put("└" + horizontal + "┘", at: Point(box.x, box.maxY - 1), style: style)
    var titleStyle = style
    titleStyle.bold = true
    put(" \(TextWidth.truncate(title, to: max(0, box.width - 6))) ", at: Point(box.x + 2, box.y), limit: max(0, box.width - 4), style: titleStyle)
  }
}
