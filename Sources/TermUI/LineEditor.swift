/// A one-line text field with readline keys: the editing state of a prompt.
public struct LineEditor: Equatable, Sendable {
  public private(set) var characters: [Character]
  /// Insertion point, in characters (graphemes) from the start.
  public private(set) var cursor: Int

  public init(_ text: String = "") {
    characters = Array(text)
    cursor = characters.count
  }

  public var text: String { String(characters) }

  /// Display columns before the cursor, for placing the terminal cursor.
  public var cursorColumn: Int { TextWidth.of(String(characters[0..<cursor])) }

  /// What the key did.
  public enum Outcome: Equatable, Sendable {
    case edited, submitted, cancelled, ignored
  }

  /// Applies one key: characters insert; Backspace/Delete, ←/→, Home/End, Ctrl-A/E/B/F/K/U/W/D/H edit.
  public mutating func handle(_ key: Key) -> Outcome {
    switch key {
    case .enter: return .submitted
    case .escape: return .cancelled
    case .character(let character):
      characters.insert(character, at: cursor)
      cursor += 1
    case .backspace, .control("h"):
      guard cursor > 0 else { return .ignored }
      characters.remove(at: cursor - 1)
      cursor -= 1
    case .delete, .control("d"):
      guard cursor < characters.count else { return .ignored }
      characters.remove(at: cursor)
    case .left, .control("b"): cursor = max(0, cursor - 1)
    case .right, .control("f"): cursor = min(characters.count, cursor + 1)
    case .home, .control("a"): cursor = 0
    case .end, .control("e"): cursor = characters.count
    case .control("k"): characters.removeSubrange(cursor..<characters.count)
    case .control("u"):
      characters.removeSubrange(0..<cursor)
      cursor = 0
    case .control("w"):
      var start = cursor
      while start > 0, characters[start - 1] == " " { start -= 1 }
      while start > 0, characters[start - 1] != " " { start -= 1 }
      characters.removeSubrange(start..<cursor)
      cursor = start
    default: return .ignored
    }
    return .edited
  }
}

extension LineEditor {
  /// The part of the text to show in `width` columns with the cursor always in view (a long
  /// text scrolls sideways, its cut ends marked with `…`), and the cursor's column within it.
  public func visible(width: Int) -> (text: String, cursorColumn: Int) {
    guard width > 1 else { return ("", 0) }
    if cursorColumn < width {
      return (TextWidth.truncate(text, to: width), cursorColumn)
    }
    // Start as late as needed for the cursor to sit in the last column, after a leading "…".
    var start = cursor
    var used = 0
    while start > 0, used + TextWidth.of(characters[start - 1]) <= width - 2 {
      start -= 1
      used += TextWidth.of(characters[start])
    }
    let shown = "…" + TextWidth.truncate(String(characters[start...]), to: width - 1)
    return (shown, 1 + used)
  }
}
