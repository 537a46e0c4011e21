/// One terminal cell: a grapheme and its style. A wide grapheme (CJK, most emoji) occupies its
/// cell and the next one, which holds a continuation marker with empty text.
public struct Cell: Hashable, Sendable {
  public var text: String
  public var style: Style
  /// True for the right half of a wide grapheme: nothing is drawn there.
  public var isContinuation: Bool

  public init(_ text: String = " ", style: Style = .normal, isContinuation: Bool = false) {
    self.text = text
    self.style = style
    self.isContinuation = isContinuation
  }

  public static let blank = Cell()
}
