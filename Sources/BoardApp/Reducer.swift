import ScrumCore
import TermUI

/// Applies one action to the state and says what I/O to do. No I/O and no clock here: the
/// runtime sets `state.now` and performs the effects.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
  let effects = reduceAction(&state, action)
  normalizeView(&state)
  return effects
}

/// Whatever an action did to the board (here or in another process), every cursor and scroll
/// offset ends within what is shown: the selected story is a live, visible one.
private func normalizeView(_ state: inout AppState) {
  if let selection = state.backlog.selection, state.backlogRows.position(of: selection) == nil {
    state.backlog.selection = state.backlogRows.storyIDs.first
  } else if state.backlog.selection == nil {
    state.backlog.selection = state.backlogRows.storyIDs.first
  }
  keepSelectionInView(&state)
  switch state.pane {
  case .board: keepCardInView(&state)
  case .detail:
    if let detail = state.detail, state.board.story(detail.story) != nil {
      keepDetailCursorInView(&state)
    } else {
      state.detail = nil
      state.pane = state.detailReturn
    }
  case .backlog: break
  case .reports: keepReportScrollInRange(&state)
  }
}

private func reduceAction(_ state: inout AppState, _ action: Action) -> [Effect] {
  if case .continueFiltering = action {
    state.continueFiltering()
    return []
  }
  // Only typing into the filter goes on while its matches are still being looked for;
  // anything else needs all of them first.
  if state.filterJob != nil, !isTypingIntoTheFilter(state, action) { state.finishFiltering() }
  // A flash lasts until the user's next key, click or wheel: not a resize, a tick of the clock
  // or a teammate's change, which would wipe it before it was read.
  switch action {
  case .command, .typed, .clicked, .scrolled: state.flash = nil
  default: break
  }
  switch action {
  case .continueFiltering:
    return []
  case .resized(let size):
    // normalizeView brings every cursor and scroll within the new size.
    state.size = size
    return []
  case .clockTicked:
    // The time is already set by the runtime; a standup's timer just redraws.
    return []
  case .persistFailed(let message, let reloaded):
    if let reloaded { state.board = reloaded }
    state.flash = .error(message)
    return []
  case .storiesRenumbered(let renumbered):
    renumber(&state, renumbered)
    return []
  case .boardChangedElsewhere(let settings, let changed, let deleted):
    mergeChanges(&state, settings: settings, changed: changed, deleted: deleted)
    return []
  case .typed(let key):
    if state.prompt == nil, state.picker != nil, case .character(let character) = key {
      state.picker?.jump(typing: character)
      return []
    }
    return reducePrompt(&state, key)
  case .clicked(let point, let double):
    return reduceClick(&state, at: point, double: double)
  case .scrolled(let lines, _):
    // The wheel is the keys that move down or up, wherever the user is.
    guard state.prompt == nil, let command = state.wheelCommand(down: lines > 0) else { return [] }
    var effects: [Effect] = []
    for _ in 0..<abs(lines) { effects += reduceAction(&state, .command(command)) }
    return effects
  case .togetherChanged(let presence, let round):
    return reduceTogetherChanged(&state, presence: presence, round: round)
  case .editorFinished(let id, let original, let edited):
    return editorFinished(&state, id, original: original, edited: edited)
  case .command(let command):
    if command == .quit { return [.quit] }
    if command == .suspend { return [.suspend] }
    if state.help == nil, state.picker == nil,
      let reason = state.whyNot(command, in: state.scope)
    {
      state.flash = .error(reason.prefix(1).uppercased() + reason.dropFirst())
      return []
    }
    if command == .undo || command == .redo, state.help == nil { return undoOrRedo(&state, redo: command == .redo) }
    // A key of one's own ends following the lead; looking around (help, who, poker) does not.
    if ![.follow, .who, .help, .takeLead].contains(command), ![.poker, .help, .who].contains(state.scope) {
      stopFollowing(&state)
    }
    if state.help != nil { return reduceHelp(&state, command) }
    if state.picker != nil { return reducePicker(&state, command) }
    if let effects = reduceTogether(&state, command) { return effects }
    if command == .help {
      state.help = HelpState(first: state.scope)
      return []
    }
    if let pane = paneSwitch(command, from: state.pane) {
      if state.pane == .detail { state.detail = nil }
      state.pane = pane
      if pane == .board { keepCardInView(&state) } else { keepSelectionInView(&state) }
      return []
    }
    switch state.pane {
    case .backlog: return reduceBacklog(&state, command)
    case .detail: return reduceDetail(&state, command)
    case .board: return state.standup == nil ? reduceSprintBoard(&state, command) : reduceStandup(&state, command)
    case .reports: return reduceReports(&state, command)
    }
  }
}

private func isTypingIntoTheFilter(_ state: AppState, _ action: Action) -> Bool {
  switch action {
  case .typed:
    // Enter too: the rest is looked at while the user reads the list.
    guard case .filterText = state.prompt?.purpose else { return false }
    return true
  case .resized, .clockTicked: return true
  default: return false
  }
}

/// The pane that 1, 2 or Tab asks for, if the command is one of them.
private func paneSwitch(_ command: Command, from pane: Pane) -> Pane? {
  switch command {
  case .showBacklog: return .backlog
  case .showBoard: return .board
  case .showReports: return .reports
  case .cyclePane:
    switch pane {
    case .backlog, .detail: return .board
    case .board: return .reports
    case .reports: return .backlog
    }
  default: return nil
  }
}

/// Makes a change to the board as the user asked, remembers how to undo it, and asks for it
/// to be written through. `plan` works out the change from the board as it is; the board is
/// changed in place (never copied: at 100,000 stories a copy costs more than the change). A
/// refused change shows why and changes nothing.
func perform(_ state: inout AppState, _ plan: (Board) throws -> BoardChange) -> [Effect] {
  do {
    let change = try plan(state.board)
    let inverse = try state.board.inverse(of: change)
    try state.apply(change)
    state.undoStack.append(UndoEntry(change: change, inverse: inverse))
    state.redoStack.removeAll()
    if let text = feedback(for: change, on: state.board) {
      let undo = state.keymap.keys(for: .undo, in: .global).first.map { " — \($0) undoes" } ?? ""
      state.flash = .info(text + undo)
    }
    return [.persist(change)]
  } catch {
    state.flash = .error("\(error)")
    return []
  }
}

private func undoOrRedo(_ state: inout AppState, redo: Bool) -> [Effect] {
  // An empty stack was turned away with its reason (AppState.whyNot).
  guard var entry = redo ? state.redoStack.popLast() : state.undoStack.popLast() else { return [] }
  let change = (redo ? entry.change : entry.inverse).restamped(at: state.now)
  do {
    try state.apply(change)
  } catch {
    state.flash = .error("Cannot \(redo ? "redo" : "undo"): \(error)")
    return []
  }
  if redo {
    entry.change = change
    state.undoStack.append(entry)
  } else {
    entry.inverse = change
    state.redoStack.append(entry)
  }
  state.flash = .info(redo ? "Redone" : "Undone")
  if case .storyAdded(let story) = change, state.backlogRows.position(of: story.id) != nil {
    state.backlog.selection = story.id
  }
  return [.persist(change)]
}

/// Another process took the numbers of stories added here: they get the keys the store gave.
private func renumber(_ state: inout AppState, _ renumbered: [StoryID: StoryID]) {
  for (old, new) in renumbered {
    guard var story = state.board.story(old) else { continue }
    story.id = new
    try? state.board.apply(.batch([.storyDeleted(old), .storyAdded(story)]))
    if state.backlog.selection == old { state.backlog.selection = new }
    if state.detail?.story == old { state.detail?.story = new }
  }
  keepSelectionInView(&state)
}

/// Takes in what another process changed; the cursor stays on the same story, and when that
/// story went away, on its neighbour.
private func mergeChanges(_ state: inout AppState, settings: Board, changed: [Story], deleted: [StoryID]) {
  // Nothing added, deleted or moved between lists: every story keeps its row.
  if deleted.isEmpty, state.mergeInPlace(settings: settings, changed: changed) { return }
  let rowsBefore = state.backlogRows
  // In place, in one change of the state's board (its rows are laid out once, after both):
  // a copy of the board, changed and put back, copied every story (tens of milliseconds at
  // 100,000 stories, for one story another process changed).
  changeInPlace(&state.board) { board in
    board.adoptSettings(of: settings)
    board.merge(stories: changed, deleted: deleted, nextStoryNumber: settings.nextStoryNumber)
  }
  if let selection = state.backlog.selection, state.backlogRows.rowIndex(of: selection) == nil,
    let position = rowsBefore.position(of: selection)
  {
    let survivors = rowsBefore.storyIDs[position...].dropFirst().first { state.backlogRows.position(of: $0) != nil }
      ?? rowsBefore.storyIDs[..<position].last { state.backlogRows.position(of: $0) != nil }
    state.backlog.selection = survivors
  }
}

/// Changes `value` through `body` as one access: a property with observers sees one change.
func changeInPlace<Value>(_ value: inout Value, _ body: (inout Value) -> Void) { body(&value) }
