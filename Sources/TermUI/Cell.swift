/// One terminal cell: a grapheme and its style. A wide grapheme (CJK, most emoji) occupies its
/// cell and the next one, which holds a continuation marker with empty text.
public struct Cell: Hashable, Sendable {
  public private(set) var text: String
  public var style: Style
  /// What a backend needs to know of the text without reading it again (a frame has
  /// thousands of cells): the byte of its one printable ASCII character, as nearly every cell
  /// of a board holds, `Cell.continuation`, or 0 for any other text. One field, not two: a
  /// fourth stored field made Swift copy cells through a generic routine, at twice the cost.
  @usableFromInline private(set) var kind: UInt8

  /// The character's byte when the cell holds one printable ASCII character, else 0.
  @inlinable public var printableASCII: UInt8 { kind >= 0x20 ? kind : 0 }

  /// True for the right half of a wide grapheme: nothing is drawn there.
  @inlinable public var isContinuation: Bool { kind == Cell.continuation }

  @usableFromInline static let continuation: UInt8 = 1

  public init(_ text: String = " ", style: Style = .normal, isContinuation: Bool = false) {
    self.text = text
    self.style = style
    let bytes = text.utf8
    if isContinuation {
      kind = Cell.continuation
    } else if bytes.count == 1, let byte = bytes.first, Cell.isPrintableASCII(byte) {
      kind = byte
    } else {
      kind = 0
    }
  }

  /// A cell of one printable ASCII character, its text given as made once (`asciiCharacters`).
  init(character: String, printableASCII byte: UInt8, style: Style) {
    self.text = character
    self.style = style
    self.kind = Cell.isPrintableASCII(byte) ? byte : 0
  }

  public static let blank = Cell()

  static func isPrintableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }

  /// Each ASCII character as a one-character string.
  static let asciiCharacters: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
}
