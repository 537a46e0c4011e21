/// A key press, as the backend decodes it.
public enum Key: Hashable, Sendable, CustomStringConvertible {
  /// A printable character (letters, digits, punctuation, space, any script).
  case character(Character)
  /// Ctrl with a letter: `.control("r")` is Ctrl-R.
  case control(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, backspace, delete, tab, backTab
  case function(Int)

  /// How help and hints name the key.
  public var description: String {
    switch self {
    case .character(" "): return "Space"
    case .character(let character): return String(character)
    case .control(let letter): return "Ctrl-\(letter.uppercased())"
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .home: return "Home"
    case .end: return "End"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .backspace: return "Backspace"
    case .delete: return "Delete"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .function(let number): return "F\(number)"
    }
  }
}
