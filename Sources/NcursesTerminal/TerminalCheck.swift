import CNcurses
import Glibc

/// Why the board cannot take over this terminal. Each message is one line for stderr.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
  case notATerminal
  case termMissing
  case unknownTerm(String)
  case cannotAddressCursor(String)
  case startFailed(String)

  public var description: String {
    switch self {
    case .notATerminal:
      return "standard input and output must be a terminal to open the board (try `scrum export` or `scrum list` in scripts)"
    case .termMissing: return "TERM is not set; set it to your terminal's type (for example TERM=xterm-256color)"
    case .unknownTerm(let term):
      return "unknown terminal type TERM=\(term) (no terminfo entry); try TERM=xterm-256color"
    case .cannotAddressCursor(let term):
      return "terminal type TERM=\(term) cannot move the cursor, which a full-screen board needs"
    case .startFailed(let term): return "ncurses could not start on terminal type TERM=\(term)"
    }
  }
}

/// Checks, without writing anything to the terminal, that a full-screen board can start here.
/// Returns the terminal type to use.
public func checkTerminal(environment: [String: String]) throws -> String {
  guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
  guard let term = environment["TERM"], !term.isEmpty else { throw TerminalError.termMissing }
  switch cn_check_terminal(term, STDOUT_FILENO) {
  case 0: return term
  case 2: throw TerminalError.cannotAddressCursor(term)
  default: throw TerminalError.unknownTerm(term)
  }
}
