import BoardApp
import Foundation
import Glibc
import NcursesTerminal
import ScrumStore

/// Fails with a one-line error, before anything else happens, if the board cannot take over
/// this terminal.
func preflightTerminal(_ environment: [String: String]) throws -> String {
  try checkTerminal(environment: environment)
}

/// Opens the board full screen until the user quits; the terminal is restored on every way out.
func runBoard(
  repository: BoardRepository, term: String, environment: [String: String], pane: Pane = .backlog,
  standup: Bool = false
) throws {
  defer { repository.close() }
  let (board, revision) = try repository.loadWithRevision()
  let terminal = try NcursesTerminal.start(term: term, environment: environment)
  let timebox = environment["SCRUM_STANDUP_TIMEBOX"].flatMap(Double.init) ?? 120
  let options = RuntimeOptions(
    startPane: pane, startStandup: standup, user: environment["USER"] ?? "", standupTimebox: timebox)
  // `consume`: the state must hold the only reference to the board, or the first change copies
  // all of it (80 ms at 100,000 stories).
  let runtime = Runtime(board: consume board, revision: revision, store: repository, terminal: terminal, options: options)
  runtime.run()
  terminal.stop()
  if let signal = terminal.receivedSignal, signal != SIGHUP {
    repository.close()
  }
  if let signal = terminal.receivedSignal, signal != SIGHUP {
    // The conventional status for "ended by a signal", as a shell reports it.
    exit(128 + signal)
  }
}
