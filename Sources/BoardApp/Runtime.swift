import Foundation
import ScrumCore
import ScrumStore
import TermUI

/// How a session starts.
public struct RuntimeOptions: Sendable {
  public var startPane: Pane = .backlog
  public var startStandup = false
  /// The team member at the keyboard (from `$USER`).
  public var user = ""
  public var standupTimebox: TimeInterval = 120
  /// The key table (the user's configuration laid over the defaults).
  public var keymap = Keymap.defaults
  /// Shown on the status line at the start: a configuration problem, say.
  public var notice: String?
  /// Start as the lead (facilitator) whose screen the others can follow.
  public var lead = false
  public init(
    startPane: Pane = .backlog, startStandup: Bool = false, user: String = "", standupTimebox: TimeInterval = 120,
    keymap: Keymap = Keymap.defaults, notice: String? = nil
  ) {
    self.startPane = startPane
    self.startStandup = startStandup
    self.user = user
    self.standupTimebox = standupTimebox
    self.keymap = keymap
    self.notice = notice
  }
}

/// The loop: read an event, turn it into an action, reduce, perform the effects, draw.
/// Works over any `Terminal`, so tests drive it with a fake one.
public final class Runtime {
  public private(set) var state: AppState
  private let terminal: Terminal
  private let store: BoardStore
  /// Presence and planning poker, where the store keeps them (a board file does).
  private let together: TogetherStore?
  /// What this session last told the others, and when.
  private var published: Presence?
  private let clock: () -> Date
  private let editor: EditorLauncher
  /// Whether the session has ended (the user quit, or the terminal went away).
  public private(set) var finished = false
  /// The store's revision that the in-memory board reflects.
  private var seenRevision: Int
  /// The last problem reading the store, shown once.
  private var storeProblem: String?

  /// How often an idle board looks for other processes' changes: well within the one second
  /// in which every screen must show a teammate's move.
  public static let pollMilliseconds = 250

  public init(
    board: Board, revision: Int = 0, store: BoardStore, terminal: Terminal, clock: @escaping () -> Date = Date.init,
    editor: @escaping EditorLauncher = launchEditor, options: RuntimeOptions = RuntimeOptions()
  ) {
    self.terminal = terminal
    self.editor = editor
    self.store = store
    self.together = store as? TogetherStore
    self.clock = clock
    self.seenRevision = revision
    self.state = Runtime.initialState(board: board, terminal: terminal, now: clock(), options: options)
    // Named here, not in the state the first screen is drawn from, which does not need it:
    // Foundation's UUID code lies megabytes away from the rest of the start in the binary, and
    // when the binary's pages have been dropped from memory (these hosts page out files idle
    // for a minute), reaching it is one more 8 MB read before the first screen.
    state.together.instance = UUID().uuidString
  }

  /// The state a session starts in.
  private static func initialState(board: Board, terminal: Terminal, now: Date, options: RuntimeOptions) -> AppState {
    var state = AppState(board: board, size: terminal.size, now: now, keymap: options.keymap)
    state.chartGlyphs = terminal.showsUnicodeGraphics ? .unicode : .ascii
    state.user = options.user
    if options.lead { state.together.leadingSince = now }
    state.standupTimebox = options.standupTimebox
    state.pane = options.startPane
    _ = reduce(&state, .resized(terminal.size))
    if options.startStandup { _ = reduce(&state, .command(.startStandup)) }
    if let notice = options.notice { state.flash = .error(notice) }
    return state
  }

  /// Draws the first screen of a large board from its top alone (`preview`: the open sprints'
  /// stories and the first backlog stories) with the backlog's totals counted elsewhere, while
  /// the rest loads. It is the frame the whole board gives: the session's first frame then
  /// changes nothing on the terminal.
  public static func drawPreview(
    _ preview: Board, backlogTotals: StoryTotals, on terminal: Terminal,
    now: Date = Date(), options: RuntimeOptions = RuntimeOptions()
  ) {
    var state = initialState(board: preview, terminal: terminal, now: now, options: options)
    state.overrideBacklogTotals(backlogTotals)
    terminal.draw(render(state), cursor: cursorPosition(state))
  }

  /// Runs until the user quits, the terminal hangs up or a signal asks us to stop.
  public func run() {
    // The board first; telling the others and hearing of them (a write, a read) comes after.
    drawFrame()
    publishPresence()
    if mergeTogether() { drawFrame() }
    defer { withdraw() }
    while !finished {
      // A filter still being worked out goes on a slice at a time while no key waits.
      let filtering = state.filterJob != nil
      guard let event = terminal.nextEvent(timeoutMilliseconds: filtering ? 0 : Runtime.pollMilliseconds) else {
        if filtering {
          dispatch(.continueFiltering)
          drawFrame()
          continue
        }
        idleTick()
        continue
      }
      handle(event)
    }
  }

  /// What an idle moment does: tell the others where we are, take in their changes and who is
  /// where, and keep a standup's clock running.
  public func idleTick() {
    publishPresence()
    // Both, always: a teammate's move and who is where are read on every tick.
    let boardChanged = mergeChangesFromOthers()
    let togetherChanged = mergeTogether()
    if boardChanged || togetherChanged {
      drawFrame()
    } else if state.standup != nil {
      // The speaker's timer runs without keys.
      state.now = clock()
      _ = reduce(&state, .clockTicked)
      drawFrame()
    }
  }

  /// Leaves the board: the others stop seeing this session at once.
  public func withdraw() { try? together?.withdraw(instance: state.together.instance) }

  /// Tells the others where this session is: when that changed (at most four times a second,
  /// so a held-down key costs no write per row; the idle tick sends the last place), else every
  /// couple of seconds as a heartbeat.
  private func publishPresence(force: Bool = false) {
    guard let together else { return }
    var own = state.ownPresence
    own.heartbeat = clock()
    let sinceLast = published.map { own.heartbeat.timeIntervalSince($0.heartbeat) } ?? .infinity
    var moved = own
    moved.heartbeat = published?.heartbeat ?? own.heartbeat
    let changed = moved != published
    guard force || sinceLast >= Presence.heartbeatInterval || (changed && sinceLast >= 0.25) else { return }
    do {
      try together.publish(own)
      published = own
    } catch {
      // The next heartbeat tries again; the board itself is not affected.
    }
  }

  /// Takes in who is on the board and the poker round; true if what shows changed.
  private func mergeTogether() -> Bool {
    guard let together else { return false }
    state.now = clock()
    let presence: [Presence]
    let round: PokerRound?
    do {
      presence = try together.presence(at: state.now)
      round = try together.openRound()
    } catch {
      return false
    }
    // What shows of each: everything but the heartbeat, which changes every two seconds.
    let visible = { (list: [Presence]) in list.map { presence in
        var shown = presence
        shown.heartbeat = .distantPast
        return shown
      }
    }
    guard visible(presence) != visible(state.together.presence) || round != state.together.round else {
      state.together.presence = presence
      return false
    }
    let effects = reduce(&state, .togetherChanged(presence: presence, round: round))
    for effect in effects { perform(effect) }
    return true
  }

  /// Takes in what other processes wrote since the revision seen, and redraws if anything
  /// changed; true if it did.
  @discardableResult
  public func pullChangesFromOthers() -> Bool {
    guard mergeChangesFromOthers() else { return false }
    drawFrame()
    return true
  }

  private func mergeChangesFromOthers() -> Bool {
    let revision: Int
    do {
      revision = try store.revision()
      storeProblem = nil
    } catch {
      // Say it once (a deleted board file, say), not four times a second.
      let message = "\(error)"
      guard message != storeProblem else { return false }
      storeProblem = message
      _ = reduce(&state, .persistFailed(message: message, reloaded: nil))
      return true
    }
    guard revision != seenRevision else { return false }
    guard let update = try? store.changes(since: seenRevision) else { return false }
    state.now = clock()
    _ = reduce(
      &state,
      .boardChangedElsewhere(
        settings: update.settings, changed: update.changedStories, deleted: update.deletedStories))
    seenRevision = update.revision
    return true
  }

  /// Handles one event; returns false once the program should end.
  @discardableResult
  public func handle(_ event: TerminalEvent) -> Bool {
    guard !finished else { return false }
    switch event {
    case .hangUp, .interrupted:
      finished = true
      return false
    case .resized(let size):
      dispatch(.resized(size))
    case .key(let key):
      guard let action = action(for: key, in: state) else { return true }
      dispatch(action)
    case .mouse(let event):
      dispatch(mouseAction(event))
    }
    if !finished {
      drawFrame()
      // After the frame: the key is answered first, the others told next.
      publishPresence()
    }
    return !finished
  }

  /// The last left press, to tell a double click (the same cell within 400 ms).
  private var lastPress: (point: Point, at: Date)?

  private func mouseAction(_ event: MouseEvent) -> Action {
    switch event.kind {
    case .press:
      let now = clock()
      let double = lastPress.map { $0.point == event.point && now.timeIntervalSince($0.at) < 0.4 } ?? false
      lastPress = double ? nil : (event.point, now)
      return .clicked(event.point, double: double)
    case .wheelUp: return .scrolled(-3, at: event.point)
    case .wheelDown: return .scrolled(3, at: event.point)
    }
  }

  private func dispatch(_ action: Action) {
    state.now = clock()
    let effects = reduce(&state, action)
    for effect in effects { perform(effect) }
  }

  /// Effects run before the next frame is drawn: a change is on disk before the screen shows it.
  private func perform(_ effect: Effect) {
    switch effect {
    case .quit:
      finished = true
    case .suspend:
      terminal.suspendToShell()
      // Others may have changed the board while we were stopped.
      _ = mergeChangesFromOthers()
    case .editInEditor(let id, let document, _):
      let edited = editInEditor(document)
      let effects = reduce(&state, .editorFinished(id, original: document, edited: edited))
      for effect in effects { perform(effect) }
    case .publishPresence:
      publishPresence(force: true)
    case .startRound(let story):
      writeTogether { try $0.startRound(story: story, facilitator: state.ownPresence.member, instance: state.together.instance, at: state.now) }
    case .vote(let round, let card):
      writeTogether { try $0.vote(round: round, member: state.ownPresence.member, card: card, at: state.now) }
    case .reveal(let round):
      writeTogether { try $0.reveal(round: round, at: state.now) }
    case .closeRound(let round, let outcome, let accepted):
      writeTogether { try $0.closeRound(round, outcome: outcome, accepted: accepted, at: state.now) }
    case .persist(let change):
      do {
        let result = try store.apply(change)
        if !result.renumbered.isEmpty { _ = reduce(&state, .storiesRenumbered(result.renumbered)) }
        if result.previousRevision == seenRevision {
          seenRevision = result.revision
        } else {
          // Someone else wrote in between: take their changes in now (ours come back too).
          _ = mergeChangesFromOthers()
        }
      } catch {
        let reloaded = try? store.loadWithRevision()
        if let reloaded { seenRevision = reloaded.1 }
        let message = "\(error)" + (reloaded == nil ? "" : "; the board was reloaded from disk")
        _ = reduce(&state, .persistFailed(message: message, reloaded: reloaded?.0))
      }
    }
  }

  /// A poker write, then the round as it now stands, so this screen shows it at once.
  private func writeTogether(_ write: (TogetherStore) throws -> Void) {
    guard let together else { return }
    do {
      try write(together)
    } catch {
      _ = reduce(&state, .persistFailed(message: "\(error)", reloaded: nil))
    }
    _ = mergeTogether()
  }

  /// Writes the document to a private temporary file, gives the terminal to the editor, and
  /// reads the file back; nil if the editor failed.
  private func editInEditor(_ document: String) -> String? {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrum-edit-\(UUID().uuidString)")
    guard (try? FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])) != nil
    else { return nil }
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("story.md")
    guard (try? document.write(to: file, atomically: true, encoding: .utf8)) != nil else { return nil }
    terminal.suspend()
    let succeeded = editor(file.path)
    terminal.resume()
    guard succeeded else { return nil }
    return try? String(contentsOf: file, encoding: .utf8)
  }

  /// Works a pending filter out to the end, as idle time between keys does (for tests and
  /// benchmarks that press keys one after another).
  public func finishPendingWork() {
    guard state.filterJob != nil else { return }
    while state.filterJob != nil { dispatch(.continueFiltering) }
    drawFrame()
  }

  /// Draws the current state (the first frame, and after every event).
  public func drawFrame() {
    terminal.draw(render(state), cursor: cursorPosition(state))
  }
}
