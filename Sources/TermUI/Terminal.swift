/// What happens at the terminal.
public enum TerminalEvent: Equatable, Sendable {
  case key(Key)
  case resized(Size)
  /// The terminal went away (SSH dropped, window closed): save nothing more, leave.
  case hangUp
  /// SIGINT or SIGTERM arrived: leave cleanly.
  case interrupted
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
}
