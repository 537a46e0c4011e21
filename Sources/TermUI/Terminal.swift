/// What happens at the terminal.
public enum TerminalEvent: Equatable, Sendable {
  case key(Key)
  case resized(Size)
  case mouse(MouseEvent)
  /// The terminal went away (SSH dropped, window closed): save nothing more, leave.
  case hangUp
  /// SIGINT or SIGTERM arrived: leave cleanly.
  case interrupted
}

/// A click or a turn of the wheel, at a cell.
public struct MouseEvent: Equatable, Sendable {
  public enum Kind: Equatable, Sendable { case press, wheelUp, wheelDown }
  public var kind: Kind
  public var point: Point
  public init(_ kind: Kind, at point: Point) {
    self.kind = kind
    self.point = point
  }
}

/// A screen to draw frames on and a source of key presses. The ncurses backend is one; tests
/// use a fake that records frames.
public protocol Terminal: AnyObject {
  /// The current size in cells.
  var size: Size { get }
  /// The next event, or nil if none came within `timeoutMilliseconds` (negative: wait for one).
  func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent?
  /// Shows a frame. `cursor` places a visible cursor (in a prompt), nil hides it.
  func draw(_ grid: Grid, cursor: Point?)
  /// Gives the terminal to another program (an editor) until `resume`.
  func suspend()
  /// Takes the terminal back; the next frame is drawn whole.
  func resume()
  /// Stops the process as Ctrl-Z does in a shell, giving the terminal back until `fg`; the
  /// screen is restored when it returns.
  func suspendToShell()
  /// Whether braille and block characters show (charts fall back to ASCII where not).
  var showsUnicodeGraphics: Bool { get }
}

extension Terminal {
  public var showsUnicodeGraphics: Bool { true }
}

/// Whether a terminal described by this environment can be trusted to show braille and block
/// characters: not the Linux console (its fonts lack braille), not a locale that names another
/// character set, not when the user asks for ASCII (`SCRUM_ASCII=1`). An unset locale is
/// common over SSH with a UTF-8 terminal, so it does not count against.
public func environmentShowsUnicodeGraphics(_ environment: [String: String]) -> Bool {
  if let ascii = environment["SCRUM_ASCII"], !ascii.isEmpty, ascii != "0" { return false }
  let term = environment["TERM"] ?? ""
  if term == "linux" || term.hasPrefix("vt") || term == "dumb" || term.hasPrefix("cons") { return false }
  let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]].compactMap { $0 }
    .first { !$0.isEmpty }
  guard let locale, locale != "C", locale != "POSIX" else { return true }
  // language_TERRITORY.codeset@modifier. (Split rather than searched: a first substring search
  // sets up generic machinery worth 0.2 ms of start-up.)
  let parts = locale.lowercased().split(separator: ".", maxSplits: 1)
  guard parts.count == 2 else { return true }
  return parts[1].hasPrefix("utf-8") || parts[1].hasPrefix("utf8")
}
