/// What a cell means. A backend's theme maps roles to colours and attributes, so that views
/// never name a colour and a monochrome terminal still shows every distinction.
public enum Role: Hashable, Sendable {
  case normal
  /// Secondary text: hints, counts, empty fields.
  case dim
  /// The title bar and section headings.
  case header
  /// The current pane's tab, a heading's emphasis.
  case accent
  /// The selected row.
  case selection
  /// Keys in hints and help.
  case key
  case success
  case warning
  case error
  /// An epic's colour, by palette index.
  case epic(Int)
  /// Text typed into a prompt.
  case input
  /// Text from the board that was a control character, shown inert (`^[`).
  case control

  // Inlinable for the reason `Style.==` is; a case added without a line here does not compile.
  @inlinable public static func == (lhs: Role, rhs: Role) -> Bool {
    switch lhs {
    case .normal: if case .normal = rhs { return true }
    case .dim: if case .dim = rhs { return true }
    case .header: if case .header = rhs { return true }
    case .accent: if case .accent = rhs { return true }
    case .selection: if case .selection = rhs { return true }
    case .key: if case .key = rhs { return true }
    case .success: if case .success = rhs { return true }
    case .warning: if case .warning = rhs { return true }
    case .error: if case .error = rhs { return true }
    case .epic(let index): if case .epic(index) = rhs { return true }
    case .input: if case .input = rhs { return true }
    case .control: if case .control = rhs { return true }
    }
    return false
  }
}

/// A role plus text attributes.
public struct Style: Hashable, Sendable {
  public var role: Role
  public var bold: Bool
  public var underline: Bool

  public init(_ role: Role = .normal, bold: Bool = false, underline: Bool = false) {
    self.role = role
    self.bold = bold
    self.underline = underline
  }

  public static let normal = Style()

  // Written out and inlinable: a backend compares the styles of neighbouring cells, thousands
  // a frame, and the derived comparison is a call into this module for each.
  @inlinable public static func == (lhs: Style, rhs: Style) -> Bool {
    lhs.bold == rhs.bold && lhs.underline == rhs.underline && lhs.role == rhs.role
  }
}
