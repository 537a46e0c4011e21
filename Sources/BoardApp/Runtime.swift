import Foundation
import ScrumCore
import ScrumStore
import TermUI

/// The loop: read an event, turn it into an action, reduce, perform the effects, draw.
/// Works over any `Terminal`, so tests drive it with a fake one.
public final class Runtime {
  public private(set) var state: AppState
  private let terminal: Terminal
  private let store: BoardStore
  private let clock: () -> Date
  private var finished = false

  public init(board: Board, store: BoardStore, terminal: Terminal, clock: @escaping () -> Date = Date.init) {
    self.terminal = terminal
    self.store = store
    self.clock = clock
    self.state = AppState(board: board, size: terminal.size, now: clock())
    _ = reduce(&state, .resized(terminal.size))
  }

  /// Runs until the user quits, the terminal hangs up or a signal asks us to stop.
  public func run() {
    drawFrame()
    while !finished {
      guard let event = terminal.nextEvent(timeoutMilliseconds: 1000) else { continue }
      handle(event)
    }
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
    }
    if !finished { drawFrame() }
    return !finished
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
    case .persist(let change):
      do {
        try store.apply(change)
      } catch {
        let reloaded = try? store.load()
        let message = "\(error)" + (reloaded == nil ? "" : "; the board was reloaded from disk")
        _ = reduce(&state, .persistFailed(message: message, reloaded: reloaded))
      }
    }
  }

  /// Draws the current state (the first frame, and after every event).
  public func drawFrame() {
    terminal.draw(render(state), cursor: cursorPosition(state))
  }
}
