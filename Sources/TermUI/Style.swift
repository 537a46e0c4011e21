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
}
