import ScrumCore
import TermUI

/// What happened, for the reducer: a command from the keymap, a key typed into a prompt, or an
/// effect's result coming back.
public enum Action: Equatable, Sendable {
  case command(Command)
  /// A key typed while a prompt is open (prompts take raw keys, not commands), or a character
  /// that no key of a picker's is, typed to jump to the option that starts with it.
  case typed(Key)
  case resized(Size)
  /// A left click at a cell; `double` for the second click of a double click.
  case clicked(Point, double: Bool)
  /// The wheel turned: lines down (positive) or up (negative), over a cell.
  case scrolled(Int, at: Point)
  /// Time passed with no key (a running standup shows its timer).
  case clockTicked
  /// No key is waiting: look at the next slice of a filter over a large backlog.
  case continueFiltering
  /// Writing a change failed; the runtime reloaded the board as it is on disk.
  case persistFailed(message: String, reloaded: Board?)
  /// New stories got other keys than the ones shown, because another process took them first.
  case storiesRenumbered([StoryID: StoryID])
  /// Another process changed the board: its settings, and only the stories that changed.
  case boardChangedElsewhere(settings: Board, changed: [Story], deleted: [StoryID])
  /// Who is on the board and the open poker round, as just read (only when they changed).
  case togetherChanged(presence: [Presence], round: PokerRound?)
  /// The editor closed; `edited` is the document as saved, nil if the editor failed.
  case editorFinished(StoryID, original: String, edited: String?)
}

/// I/O the reducer asks the runtime to do.
public enum Effect: Equatable, Sendable {
  /// Write this change through to the board file, now.
  case persist(BoardChange)
  /// Open the story as a text document in $VISUAL / $EDITOR; `error` goes at the top when the
  /// last save could not be read back.
  case editInEditor(StoryID, document: String, error: String?)
  /// Tell the others where this session is now (it moved, leads, follows).
  case publishPresence
  /// Planning poker, written to the board file for every instance to see.
  case startRound(StoryID)
  case vote(round: Int, PokerCard)
  case reveal(round: Int)
  case closeRound(Int, PokerRound.Outcome, accepted: Points?)
  /// Stop the process until the shell's `fg`.
  case suspend
  case quit
}

/// The action a key stands for in this state, or nil when the key means nothing here.
public func action(for key: Key, in state: AppState) -> Action? {
  if state.prompt != nil { return .typed(key) }
  // In a picker a printable character is typed, unless it is one of the picker's own keys
  // (j, k, g, G, q, Space): a value, an epic, a status is picked by its start.
  if state.scope == .picker, case .character(let character) = key, !character.isWhitespace,
    !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
    state.keymap.ownCommand(for: key, in: .picker) == nil
  {
    return .typed(key)
  }
  return state.keymap.command(for: key, in: state.scope).map(Action.command)
}
