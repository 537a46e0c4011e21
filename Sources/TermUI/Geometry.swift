/// A terminal size in cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
  public var width: Int
  public var height: Int
  public init(_ width: Int, _ height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
  }
  public var description: String { "\(width)x\(height)" }
}

/// A cell position: column `x`, row `y`, both from zero at the top left.
public struct Point: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public init(_ x: Int, _ y: Int) {
    self.x = x
    self.y = y
  }
}

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public var origin: Point { Point(x, y) }
  public var maxX: Int { x + width }
  public var maxY: Int { y + height }
  public var isEmpty: Bool { width == 0 || height == 0 }
  public func contains(_ point: Point) -> Bool { point.x >= x && point.x < maxX && point.y >= y && point.y < maxY }

  /// The row `offset` lines down, one line high.
  public func row(_ offset: Int) -> Rect { Rect(x: x, y: y + offset, width: width, height: 1) }

  /// Splits off `count` rows from the top: (top part, the rest).
  public func splitTop(_ count: Int) -> (Rect, Rect) {
    let top = min(count, height)
    return (
      Rect(x: x, y: y, width: width, height: top), Rect(x: x, y: y + top, width: width, height: height - top)
    )
  }

  /// Splits off `count` rows from the bottom: (the rest, bottom part).
  public func splitBottom(_ count: Int) -> (Rect, Rect) {
    let bottom = min(count, height)
    return (
      Rect(x: x, y: y, width: width, height: height - bottom),
      Rect(x: x, y: maxY - bottom, width: width, height: bottom)
    )
  }

  /// The same rectangle less `amount` columns on the left and right.
  public func inset(horizontal amount: Int) -> Rect {
    Rect(x: x + amount, y: y, width: width - 2 * amount, height: height)
  }
}
