import BoardApp
import Foundation
import Glibc
import NcursesTerminal
import ScrumConfig
import ScrumCore
import ScrumStore

/// Fails with a one-line error, before anything else happens, if the board cannot take over
/// this terminal.
func preflightTerminal(_ environment: [String: String]) throws -> String {
  try checkTerminal(environment: environment)
}

/// From this many stories (a few screens' worth) the first screen is drawn from the board's top
/// while the rest loads. Loading a board whole before its first frame cost 3 ms more at 1,000
/// stories (timed from a pseudo-terminal); below a few hundred, the top is most of the board.
let previewThreshold = 500

/// Opens the board full screen until the user quits; the terminal is restored on every way out.
func runBoard(
  repository: BoardRepository, term: String, environment: [String: String], pane: Pane = .backlog,
  standup: Bool = false, lead: Bool = false
) throws {
  defer { repository.close() }
  let loaded = LoadedConfig.load(environment: environment)
  let config = loaded.config
  let timebox = environment["SCRUM_STANDUP_TIMEBOX"].flatMap(Double.init) ?? config.standupTimebox
  var options = RuntimeOptions(
    startPane: pane, startStandup: standup, user: config.member(forUser: loginName(environment)),
    standupTimebox: timebox, keymap: config.keymap, notice: loaded.summary)
  options.lead = lead
  let terminal = try NcursesTerminal.start(term: term, environment: environment, settings: config.terminal)
  let board: Board
  let revision: Int
  do {
    // A large board: its first screen from its top at once, then the rest (keys typed
    // meanwhile wait in the terminal and are handled once it is in). No screen shows more
    // backlog stories than it has rows.
    if let preview = try repository.loadPreview(backlogLimit: terminal.size.height, minimumStories: previewThreshold) {
      Runtime.drawPreview(preview.board, backlogTotals: preview.backlogTotals, on: terminal, options: options)
      // Off the processor for a moment before the load: the kernel hands a pseudo-terminal's
      // output on to its reader (sshd, tmux) from a worker on this same processor, which the
      // load would otherwise keep waiting for its turn (measured: the frame 2-3 ms later).
      usleep(100)
    }
    (board, revision) = try repository.loadWithRevision()
  } catch {
    terminal.stop()
    throw error
  }
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

/// Who is at the keyboard: `$USER`, else `$LOGNAME`, else the account's name (a shell started
/// by tmux or cron may set neither).
func loginName(_ environment: [String: String]) -> String {
  for variable in ["USER", "LOGNAME"] {
    if let name = environment[variable], !name.isEmpty { return name }
  }
  guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return "" }
  return String(cString: name)
}
