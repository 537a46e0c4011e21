import ScrumCore
import TermUI

/// Applies one action to the state and says what I/O to do. No I/O and no clock here: the
/// runtime sets `state.now` and performs the effects.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
  // A flash lasts until the next thing the user does.
  if case .persistFailed = action {} else { state.flash = nil }
  switch action {
  case .resized(let size):
    state.size = size
    keepSelectionInView(&state)
    clampDetailScroll(&state)
    return []
  case .persistFailed(let message, let reloaded):
    if let reloaded { state.board = reloaded }
    state.flash = .error(message)
    repairSelection(&state)
    return []
  case .typed(let key):
    return reducePrompt(&state, key)
  case .command(let command):
    if command == .quit { return [.quit] }
    if state.help != nil { return reduceHelp(&state, command) }
    if command == .help {
      state.help = HelpState()
      return []
    }
    switch state.pane {
    case .backlog: return reduceBacklog(&state, command)
    case .detail: return reduceDetail(&state, command)
    }
  }
}

/// Moves the selection to a live story if its story went away (a failed write, a reload).
func repairSelection(_ state: inout AppState) {
  let rows = state.backlogRows
  if let selection = state.backlog.selection, rows.rowIndex(of: selection) != nil { return }
  state.backlog.selection = rows.storyIDs.first
  if let detail = state.detail, state.board.story(detail.story) == nil {
    state.detail = nil
    state.pane = .backlog
  }
  keepSelectionInView(&state)
}
