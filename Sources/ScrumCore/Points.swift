/// A story's estimate on the board's scale.
public struct Points: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let value: Double

  /// The estimation scale, as in planning poker.
  public static let scale: [Points] = [0, 0.5, 1, 2, 3, 5, 8, 13, 20, 40, 100].map(Points.init(exactly:))

  private init(exactly value: Double) { self.value = value }

  /// An estimate on the scale; nil for any other number.
  public init?(_ value: Double) {
    guard Points.scale.contains(where: { $0.value == value }) else { return nil }
    self.value = value
  }

  /// Parses "3", "0.5" or "½".
  public init?(parsing text: String) {
    let trimmed = text.trimmingWhitespace()
    if trimmed == "½" { self.init(0.5); return }
    guard let number = Double(trimmed) else { return nil }
    self.init(number)
  }

  public static func < (lhs: Points, rhs: Points) -> Bool { lhs.value < rhs.value }

  /// "5", "0.5": no trailing ".0".
  public var description: String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}

extension String {
  /// The text without leading and trailing spaces, tabs and newlines.
  public func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0.isWhitespace }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}

extension Points {
  /// A sum of points as people write it: "5", "0.5", "12.5".
  public static func format(_ total: Double) -> String {
    total == total.rounded() && abs(total) < 1e15 ? String(Int(total)) : String(total)
  }
}
