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

/// A board to run: already open (a demo board just made), or a file to open.
enum BoardToRun {
  case opened(BoardRepository)
  case file(path: String)
}

/// Opens the board full screen until the user quits; the terminal is restored on every way out.
///
/// A board file is first looked at through a bare SQLite connection (`FirstLook`), and its first
/// screen is on the terminal before GRDB opens the file. When that look finds anything out of
/// the ordinary, the board is opened as usual before the terminal is touched, so that a bad
/// file is one line on stderr.
func runBoard(
  _ toRun: BoardToRun, term: String, environment: [String: String], pane: Pane = .backlog,
  standup: Bool = false, lead: Bool = false
) throws {
  // Closed on every way out; the look first (see `FirstLook.close`).
  var repository: BoardRepository?
  var firstLook: FirstLook?
  defer {
    firstLook?.close()
    repository?.close()
  }
  // A large board's first screen reads the stories' status changes only for the sprint board,
  // whose cards say how long they have been in their column.
  let previewStatusHistory = pane != .backlog
  switch toRun {
  case .opened(let opened): repository = opened
  case .file(let path):
    firstLook = FirstLook.read(
      path: path, backlogLimit: windowRows(), wholeBelow: previewThreshold, statusHistory: previewStatusHistory)
    if firstLook == nil { repository = try BoardRepository.open(at: path) }
  }
  let loaded = LoadedConfig.load(environment: environment)
  let config = loaded.config
  let timebox = environment["SCRUM_STANDUP_TIMEBOX"].flatMap(Double.init) ?? config.standupTimebox
  var options = RuntimeOptions(
    startPane: pane, startStandup: standup, user: config.member(forUser: loginName(environment)),
    standupTimebox: timebox, keymap: config.keymap, notice: loaded.summary)
  options.lead = lead
  let terminal = try NcursesTerminal.start(term: term, environment: environment, settings: config.terminal)
  let store: BoardRepository
  let board: Board
  let revision: Int
  do {
    // The first screen at once: the first look's, or (a large board opened as usual) its top.
    // Keys typed meanwhile wait in the terminal and are handled once the whole board is in.
    // (In a scope of its own: a small board read whole is the preview's board too, and must be
    // held by nothing else once the runtime takes it.)
    if let preview = try firstLook?.preview
      ?? repository?.loadPreview(
        backlogLimit: terminal.size.height, minimumStories: previewThreshold, statusHistory: previewStatusHistory)
    {
      Runtime.drawPreview(preview.board, backlogTotals: preview.backlogTotals, on: terminal, options: options)
      // Off the processor for a moment before the rest: the kernel hands a pseudo-terminal's
      // output on to its reader (sshd, tmux) from a worker on this same processor, which the
      // load would otherwise keep waiting for its turn (measured: the frame 2-3 ms later).
      usleep(100)
    }
    // Without a repository yet, the first look found the board: its path is the one to open.
    store = try repository ?? BoardRepository.open(at: firstLook?.path ?? "")
    repository = store
    // Only now: the last connection to a file to close checkpoints its log.
    firstLook?.close()
    if let whole = firstLook?.takeWholeBoard() {
      (board, revision) = whole
    } else {
      (board, revision) = try store.loadWithRevision()
    }
  } catch {
    terminal.stop()
    throw error
  }
  // `consume`: the state must hold the only reference to the board, or the first change copies
  // all of it (80 ms at 100,000 stories).
  let runtime = Runtime(board: consume board, revision: revision, store: store, terminal: terminal, options: options)
  runtime.run()
  terminal.stop()
  if let signal = terminal.receivedSignal, signal != SIGHUP {
    // The conventional status for "ended by a signal", as a shell reports it; `exit` skips the
    // deferred close.
    store.close()
    exit(128 + signal)
  }
}

/// The terminal's height in rows, before ncurses is started: how many backlog stories a first
/// screen can show at most.
private func windowRows() -> Int {
  var size = winsize()
  guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return 100 }
  return Int(size.ws_row)
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
