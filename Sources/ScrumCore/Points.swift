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

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and newlines.
  @inlinable public func trimmingWhitespace() -> String { trimming { $0.isWhitespace } }

  /// The text without the leading and trailing characters `isTrimmed` picks. The standard
  /// library's own, where Foundation's `trimmingCharacters(in:)` would bridge through NSString
  /// (0.4 ms on first use, on the way to a board's first frame). Inlinable, so that it is
  /// specialized where it is used rather than looked up generically at run time.
  @inlinable public func trimming(where isTrimmed: (Character) -> Bool) -> String {
    guard let first = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) })
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

extension Array where Element == String {
  /// `joined(separator:)`, written out for arrays of strings. The standard library's is generic
  /// over sequences and looks its associated types up at run time on first use: 0.1 ms on the
  /// way to a board's first frame, each place it is first used.
  public func concatenated(separator: String = "") -> String {
    var text = ""
    for (index, item) in enumerated() {
      if index > 0 { text += separator }
      text += item
    }
    return text
  }
}
