/// Display widths in terminal columns, and the inert form of control characters.
///
/// A grapheme's width follows Unicode: East Asian wide and fullwidth characters and emoji take
/// two columns; a flag (two regional indicators) and an emoji presentation sequence (a base
/// with U+FE0F, such as ❤️ or 1️⃣) take two; combining marks take none of their own (they ride
/// on their base); format characters alone (zero-width space, joiners) take none. For the
/// terminal to agree with these widths whatever it does with sequences, `terminalParts` says
/// what to send for each cell.
public enum TextWidth {
  /// Columns taken by one grapheme as drawn by `Grid` (an inert control character takes two: `^[`).
  public static func of(_ character: Character) -> Int {
    // Most text is Latin: one printable scalar below the combining marks takes one column,
    // without looking up Unicode properties (a frame measures thousands of characters).
    if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
    if let inert = inertForm(of: character) { return inert.count }
    let scalars = character.unicodeScalars
    if let only = scalars.first, only.value < 0x300, scalars.count == 1 { return 1 }
    guard let first = scalars.first else { return 0 }
    // A wide first scalar (CJK, most emoji) is never a mark: no property lookups for it.
    if isWide(first) { return 2 }
    if scalars.allSatisfy(isZeroWidth) { return 0 }
    if isRegionalIndicator(first) {
      return scalars.dropFirst().first.map(isRegionalIndicator) == true ? 2 : 1
    }
    if first.properties.isEmoji, scalars.contains(emojiPresentation) { return 2 }
    return 1
  }

  static let emojiPresentation: Unicode.Scalar = "\u{FE0F}"

  /// What to send to the terminal for a grapheme of `of(character)` columns, as one or two
  /// cells, so that the terminal's idea of the width (glibc's `wcwidth` of the first character,
  /// as ncurses counts) is the board's: the left cell's text, and the right cell's when the
  /// grapheme is wide only by Unicode's sequence rules. A flag goes as its two letters, each a
  /// cell (terminals that draw flags join them); an emoji presentation sequence goes as its
  /// base and a space. Joiners and selectors are left out: a terminal that honours them would
  /// draw a width of its own.
  public static func terminalParts(of character: Character) -> (left: String, right: String?) {
    // ASCII: itself, one column, nothing to look at (the terminal hands a cell of one
    // printable byte to ncurses before it gets here).
    if character.isASCII { return (String(character), nil) }
    // One scalar (a symbol, a CJK character, most emoji): itself, or a blank if it takes no
    // column; nothing to gather (a frame has dozens).
    var each = character.unicodeScalars.makeIterator()
    if let only = each.next(), each.next() == nil { return (isZeroWidth(only) ? " " : String(character), nil) }
    let scalars = Array(character.unicodeScalars)
    guard let first = scalars.first else { return (" ", nil) }
    let marks = scalars.dropFirst().filter(isCombiningMark)
    // Appended one by one: building the view from a sequence takes the generic path, whose
    // first use looks its types up at run time (0.1 ms of the first frame).
    var view = String.UnicodeScalarView()
    view.append(first)
    for mark in marks { view.append(mark) }
    var left = String(view)
    if isZeroWidth(first) { left = " " }
    guard of(character) == 2, !isWide(first) else { return (left, nil) }
    if isRegionalIndicator(first), scalars.count > 1 { return (String(first), String(scalars[1])) }
    return (left, " ")
  }

  static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(scalar.value) }

  static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
    // Variation selectors are marks by category, but choose a presentation, not a shape.
    if isVariationSelector(scalar) { return false }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .spacingMark: return true
    default: return false
    }
  }

  /// Takes no column by itself: marks, format characters (joiners, zero-width space) and
  /// variation selectors.
  static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return true
    default: return isVariationSelector(scalar)
    }
  }

  static func isVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
    (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
  }

  /// Columns taken by a string.
  public static func of(_ text: String) -> Int {
    // Printable ASCII, the common case: one column a byte, no grapheme breaking; other
    // graphemes (a title's `…`, an emoji) are taken one at a time, and the plain bytes after
    // each again as bytes.
    let plain = plainPrefix(text)
    if plain == text.utf8.count { return plain }
    var rest = text[...]
    var total = 0
    while true {
      let (plain, grapheme) = takePiece(from: &rest)
      total += plain.count
      guard let grapheme else { return total }
      total += of(grapheme)
    }
  }

  /// Takes the next piece of text as it is measured and written: the plain bytes it starts with
  /// (each a grapheme of one column, see `plainPrefix`), then the grapheme after them that needs
  /// looking at, nil at the end. `Grid.put` and `of` walk text with it, so the two always agree
  /// on where a grapheme starts.
  static func takePiece(from rest: inout Substring) -> (plain: Substring.UTF8View, grapheme: Character?) {
    let count = plainPrefix(rest)
    let plain = rest.utf8.prefix(count)
    rest = rest.utf8Suffix(from: count)
    guard let grapheme = rest.first else { return (plain, nil) }
    rest = rest.utf8Suffix(from: grapheme.utf8.count)
    return (plain, grapheme)
  }

  /// How many bytes `text` starts with that are each a grapheme of one column: printable ASCII,
  /// but the last such byte before any other (a combining mark would join its grapheme). All of
  /// a printable ASCII string.
  static func plainPrefix(_ text: some StringProtocol) -> Int {
    // Over the bytes in place where they lie together (every title and cell of a frame passes
    // through here).
    text.utf8.withContiguousStorageIfAvailable(plainCount) ?? plainCount(text.utf8)
  }

  private static func plainCount(_ bytes: some Collection<UInt8>) -> Int {
    var count = 0
    for byte in bytes {
      guard byte >= 0x20, byte < 0x7F else { return max(0, count - 1) }
      count += 1
    }
    return count
  }

  /// Caret notation for a control character (`^[` for ESC, `^?` for DEL, `^[[` for the 8-bit CSI),
  /// or nil for a printable grapheme. Text from the board is data: it is never sent to the
  /// terminal as a command.
  public static func inertForm(of character: Character) -> String? {
    guard let first = character.unicodeScalars.first else { return nil }
    let value = first.value
    switch value {
    case 0x00..<0x20: return "^" + String(UnicodeScalar(UInt8(value + 0x40)))
    case 0x7F: return "^?"
    case 0x80..<0xA0: return "^[" + String(UnicodeScalar(UInt8(value - 0x40)))
    default:
      // Bidirectional overrides and isolates reorder what follows them on screen.
      if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E
        || value == 0x200F
      {
        return "^?"
      }
      return nil
    }
  }

  /// Cuts `text` to at most `width` columns, ending with `…` when something was cut; never
  /// splits a grapheme.
  public static func truncate(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    let plain = plainPrefix(text)
    // Cut within the plain start: its bytes are its columns.
    if plain >= width, plain < text.utf8.count || plain > width {
      return String(decoding: text.utf8.prefix(width - 1), as: UTF8.self) + "…"
    }
    if of(text) <= width { return text }
    var result = String(decoding: text.utf8.prefix(plain), as: UTF8.self)
    var used = plain
    for character in text.utf8Suffix(from: plain) {
      let columns = of(character)
      if used + columns > width - 1 { break }
      result.append(character)
      used += columns
    }
    return result + "…"
  }

  /// Pads `text` with spaces on the right (or cuts it) to exactly `width` columns.
  public static func pad(_ text: String, to width: Int) -> String {
    let cut = truncate(text, to: width)
    return cut + String(repeating: " ", count: max(0, width - of(cut)))
  }

  /// Breaks text into lines of at most `width` columns, at spaces where possible.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
        var piece = String(word)
        var pieceWidth = of(piece)
        if lineWidth > 0, lineWidth + 1 + pieceWidth <= width {
          line += " " + piece
          lineWidth += 1 + pieceWidth
          continue
        }
        if lineWidth > 0 || !line.isEmpty {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        // A word longer than the line is broken at the width.
        while pieceWidth > width {
          var head = ""
          var headWidth = 0
          var rest = Substring(piece)
          while let next = rest.first, headWidth + of(next) <= width {
            head.append(next)
            headWidth += of(next)
            rest = rest.dropFirst()
          }
          if head.isEmpty, let next = rest.first {  // a wide grapheme on a one-column line
            head.append(next)
            rest = rest.dropFirst()
          }
          lines.append(head)
          piece = String(rest)
          pieceWidth = of(piece)
        }
        line = piece
        lineWidth = pieceWidth
      }
      lines.append(line)
    }
    return lines
  }

  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x1100 { return false }
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = wideRanges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }

  /// East Asian Wide (W) and Fullwidth (F) ranges of Unicode 15, sorted.
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
    0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
    0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
    0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
    0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
    0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x303E,
    0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
    0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
    0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E,
    0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
    0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
    0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E,
    0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567,
    0x1F57A...0x1F57A, 0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5,
    0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC,
    0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
    0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]
}

extension StringProtocol {
  /// The text from its `offset`th byte on, which must start a grapheme (see
  /// `TextWidth.plainPrefix`).
  func utf8Suffix(from offset: Int) -> SubSequence {
    self[utf8.index(utf8.startIndex, offsetBy: offset)...]
  }
}
