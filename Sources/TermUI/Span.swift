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
  /// Writes spans one after another from `point`, within `limit` columns; returns columns written.
  @discardableResult
  public mutating func put(_ line: StyledLine, at point: Point, limit: Int) -> Int {
    var used = 0
    for span in line where used < limit {
      used += put(span.text, at: Point(point.x + used, point.y), limit: limit - used, style: span.style)
    }
    return used
  }
}
