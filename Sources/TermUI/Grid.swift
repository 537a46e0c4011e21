/// An in-memory screen: what a frame looks like, cell by cell. Views draw into it; a backend
/// copies it to the terminal; tests read it back as text.
public struct Grid: Equatable, Sendable {
  public let size: Size
  private var cells: [Cell]

  public init(size: Size) {
    self.size = size
    self.cells = Array(repeating: .blank, count: size.width * size.height)
  }

  public var width: Int { size.width }
  public var height: Int { size.height }
  public var area: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

  public subscript(x: Int, y: Int) -> Cell {
    guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
    return cells[y * size.width + x]
  }

  /// The cells of row `y`.
  public func row(_ y: Int) -> ArraySlice<Cell> {
    guard y >= 0, y < size.height else { return [] }
    return cells[(y * size.width)..<((y + 1) * size.width)]
  }

  /// Each row as text, trailing spaces removed: what a user would read off the screen.
  public var lines: [String] {
    (0..<size.height).map { y in
      var line = ""
      for cell in row(y) where !cell.isContinuation { line += cell.text }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// Fills a rectangle with blanks of one style (a background for a row or a pane).
  public mutating func fill(_ rect: Rect, style: Style = .normal) {
    let left = max(0, rect.x)
    let right = min(size.width, rect.maxX)
    guard left < right else { return }
    let blank = Cell(" ", style: style)
    for y in max(0, rect.y)..<min(size.height, rect.maxY) {
      // The edges through setCell, which keeps a wide grapheme across either whole; the cells
      // between are simply replaced (every row of a frame is filled first).
      setCell(blank, x: left, y: y)
      setCell(blank, x: right - 1, y: y)
      let row = y * size.width
      for x in left..<right { cells[row + x] = blank }
    }
  }

  /// Writes text from `point`, no further than `limit` columns (default: to the right edge).
  /// Control characters are written inert in caret notation, with the `control` role; a wide
  /// grapheme that would cross the limit is replaced by a space. Returns the columns written.
  @discardableResult
  public mutating func put(_ text: String, at point: Point, limit: Int? = nil, style: Style = .normal) -> Int {
    guard point.y >= 0, point.y < size.height else { return 0 }
    let end = min(size.width, point.x + (limit ?? size.width))
    var x = point.x
    // Printable ASCII, most of a board's text: a column per byte, no grapheme breaking (a
    // frame writes thousands of cells). Other graphemes (a title's `…`, a `·` between fields,
    // an emoji) are taken one at a time, and the plain bytes after each again as bytes.
    var rest = text[...]
    // All of it plain (most of a frame's texts): one run, no pieces to take.
    if TextWidth.plainPrefix(text) == text.utf8.count {
      return max(0, putPlain(rest.utf8, from: x, to: end, y: point.y, style: style) - point.x)
    }
    while x < end {
      let (plain, grapheme) = TextWidth.takePiece(from: &rest)
      x = putPlain(plain, from: x, to: end, y: point.y, style: style)
      guard x < end, let character = grapheme else { break }
      if let inert = TextWidth.inertForm(of: character) {
        var controlStyle = style
        controlStyle.role = .control
        for caret in inert where x < end {
          if x >= 0 { setCell(Cell(String(caret), style: controlStyle), x: x, y: point.y) }
          x += 1
        }
        continue
      }
      let columns = TextWidth.of(character)
      // Joiners, a mark with no base: nothing to show, no column taken.
      if columns == 0 { continue }
      if columns == 2 {
        if x + 1 >= end {
          if x >= 0 { setCell(Cell(" ", style: style), x: x, y: point.y) }
          x += 1
          break
        }
        if x >= 0 {
          setCell(Cell(String(character), style: style), x: x, y: point.y)
          setCell(Cell("", style: style, isContinuation: true), x: x + 1, y: point.y)
        }
        x += 2
      } else {
        if x >= 0 { setCell(Cell(String(character), style: style), x: x, y: point.y) }
        x += 1
      }
    }
    return max(0, x - point.x)
  }

  /// Writes text cut to `width` columns with an ellipsis, padded with spaces to fill them.
  public mutating func put(_ text: String, in rect: Rect, style: Style = .normal) {
    let shown = TextWidth.pad(text, to: rect.width)
    put(shown, at: rect.origin, limit: rect.width, style: style)
  }

  /// Changes the style of existing cells without touching their text.
  public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
    for y in max(0, rect.y)..<min(size.height, rect.maxY) {
      for x in max(0, rect.x)..<min(size.width, rect.maxX) {
        change(&cells[y * size.width + x].style)
      }
    }
  }

  /// Writes printable ASCII bytes from column `x` up to `end` on row `y`, a cell each; returns
  /// the column after them. Over the bytes in place, the cells' texts from one table: most of
  /// a frame's cells are written here.
  private mutating func putPlain(_ bytes: Substring.UTF8View, from x: Int, to end: Int, y: Int, style: Style) -> Int {
    let first = max(0, x)
    let last = min(end, x + bytes.count)
    let after = max(x, last)
    guard first < last else { return after }
    let characters = Cell.asciiCharacters
    func cell(_ byte: UInt8) -> Cell { Cell(character: characters[Int(byte & 0x7F)], printableASCII: byte, style: style) }
    let row = y * size.width
    // The cells either side of the run are the only ones that can be halves of a wide grapheme
    // cut by it; those within are all replaced.
    setCell(Cell(" ", style: style), x: first, y: y)
    setCell(Cell(" ", style: style), x: last - 1, y: y)
    let skipped = first - x
    let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      cells.withUnsafeMutableBufferPointer { cells in
        for (offset, byte) in buffer[skipped..<(skipped + last - first)].enumerated() {
          cells[row + first + offset] = cell(byte)
        }
      }
    }
    if done == nil {
      for (offset, byte) in bytes.dropFirst(skipped).prefix(last - first).enumerated() {
        cells[row + first + offset] = cell(byte)
      }
    }
    return after
  }

  /// Sets one cell, keeping wide graphemes whole: overwriting either half of a wide grapheme
  /// blanks the other half. The halves are looked at in place (a cell copied out to look at it
  /// is a reference count taken and given back, thousands of times a frame).
  private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
    guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
    let index = y * size.width + x
    let overwritesContinuation = cells[index].isContinuation
    // The right half of a wide grapheme is overwritten: its left half cannot stand alone.
    if overwritesContinuation, !cell.isContinuation, x > 0 {
      cells[index - 1] = Cell(" ", style: cells[index - 1].style)
    }
    // The left half is overwritten: its right half becomes a blank.
    if !overwritesContinuation, x + 1 < size.width, cells[index + 1].isContinuation {
      cells[index + 1] = Cell(" ", style: cells[index + 1].style)
    }
    cells[index] = cell
  }
}
