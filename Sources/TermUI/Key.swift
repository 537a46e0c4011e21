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

extension Key {
  private static let named: [(String, Key)] = [
    ("Space", .character(" ")), ("Enter", .enter), ("Return", .enter), ("Esc", .escape), ("Escape", .escape),
    ("Tab", .tab), ("Shift-Tab", .backTab), ("BackTab", .backTab), ("Backspace", .backspace), ("Delete", .delete),
    ("Del", .delete), ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right), ("PgUp", .pageUp),
    ("PageUp", .pageUp), ("PgDn", .pageDown), ("PageDown", .pageDown), ("Home", .home), ("End", .end),
  ]

  /// The key a configuration file names: one character (`j`, `#`), a name (`Enter`, `Esc`,
  /// `Space`, `Tab`, `Shift-Tab`, `Backspace`, `Delete`, `Up`, `Down`, `Left`, `Right`, `PgUp`,
  /// `PgDn`, `Home`, `End`), `F1`–`F24` or `Ctrl-A`–`Ctrl-Z`. Names ignore case; a single
  /// character does not.
  public static func parse(_ name: String) -> Result<Key, KeyNameError> {
    if name.count == 1, let character = name.first {
      if character.isWhitespace && character != " " || TextWidth.inertForm(of: character) != nil {
        return .failure(KeyNameError("\"\(name.debugDescription)\" is a control character; name it (e.g. Tab, Enter)"))
      }
      return .success(.character(character))
    }
    let lowered = name.lowercased()
    if let match = named.first(where: { $0.0.lowercased() == lowered }) { return .success(match.1) }
    if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...24).contains(number) {
      return .success(.function(number))
    }
    for prefix in ["ctrl-", "c-", "^"] where lowered.hasPrefix(prefix) {
      let rest = lowered.dropFirst(prefix.count)
      guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { break }
      // These arrive from every terminal as other keys, so a binding to them would never fire.
      switch letter {
      case "i": return .failure(KeyNameError("\(name) arrives as Tab; bind Tab"))
      case "m", "j": return .failure(KeyNameError("\(name) arrives as Enter; bind Enter"))
      case "h": return .failure(KeyNameError("\(name) arrives as Backspace; bind Backspace"))
      default: return .success(.control(letter))
      }
    }
    return .failure(
      KeyNameError(
        "\"\(name)\" is not a key (a character, Space, Enter, Esc, Tab, Shift-Tab, Backspace, Delete, Up, Down, "
          + "Left, Right, PgUp, PgDn, Home, End, F1-F24, Ctrl-A-Ctrl-Z)"))
  }

  /// The name `parse` reads back (a configuration file's spelling).
  /// The same as help's name but for the arrows, which a file spells out.
  public var configName: String {
    switch self {
    case .up: return "Up"
    case .down: return "Down"
    case .left: return "Left"
    case .right: return "Right"
    default: return description
    }
  }
}

/// Why a key name did not parse.
public struct KeyNameError: Error, Equatable, Sendable {
  public let message: String
  init(_ message: String) { self.message = message }
}
