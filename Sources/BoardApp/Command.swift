import TermUI

/// Where a key binding applies. A pane's own bindings are looked up first, then the global ones.
public enum Scope: String, CaseIterable, Sendable {
  case global, backlog, detail, picker, help

  var title: String {
    switch self {
    case .global: return "Everywhere"
    case .backlog: return "Backlog"
    case .detail: return "Story detail"
    case .picker: return "Choosing from a list"
    case .help: return "Help"
    }
  }
}

/// Everything a user can ask for by key. This one table gives the keymap, the help overlay and
/// the README's key list, so they never drift apart.
public enum Command: String, CaseIterable, Sendable {
  case moveDown = "move-down"
  case moveUp = "move-up"
  case pageDown = "page-down"
  case pageUp = "page-up"
  case first = "first"
  case last = "last"
  case openDetail = "open-detail"
  case addStory = "add-story"
  case rankDown = "rank-down"
  case rankUp = "rank-up"
  case rankTop = "rank-top"
  case rankBottom = "rank-bottom"
  case editTitle = "edit-title"
  case editInEditor = "edit-in-editor"
  case setPoints = "set-points"
  case setLabels = "set-labels"
  case setAssignee = "set-assignee"
  case setEpic = "set-epic"
  case toggleSprint = "toggle-sprint"
  case splitStory = "split-story"
  case deleteStory = "delete-story"
  case toggleMark = "toggle-mark"
  case markRange = "mark-range"
  case filterText = "filter-text"
  case filterMenu = "filter-menu"
  case nextMatch = "next-match"
  case previousMatch = "previous-match"
  case choose = "choose"
  case toggleDone = "toggle-done"
  case addCriterion = "add-criterion"
  case addTask = "add-task"
  case editLine = "edit-line"
  case deleteLine = "delete-line"
  case lineDown = "line-down"
  case lineUp = "line-up"
  case setBlocked = "set-blocked"
  case nextSection = "next-section"
  case previousSection = "previous-section"
  case back = "back"
  case close = "close"
  case help = "help"
  case undo = "undo"
  case redo = "redo"
  case quit = "quit"

  /// One line for the help overlay, as the command reads where it is bound.
  public func help(in scope: Scope) -> String {
    let isList = scope == .backlog
    switch self {
    case .moveDown: return isList ? "next story" : scope == .detail ? "next field or line" : "scroll down"
    case .moveUp: return isList ? "previous story" : scope == .detail ? "previous field or line" : "scroll up"
    case .first: return isList ? "first story" : "top"
    case .last: return isList ? "last story" : "bottom"
    case .close:
      switch scope {
      case .help: return "close this help"
      case .picker: return "cancel"
      case .backlog: return "clear marks and filter (q quits)"
      default: return "back to the backlog, on the same story"
      }
    default: return help
    }
  }

  /// One line for the help overlay.
  public var help: String {
    switch self {
    case .moveDown: return "next story, or scroll down"
    case .moveUp: return "previous story, or scroll up"
    case .pageDown: return "one page down"
    case .pageUp: return "one page up"
    case .first: return "first story, or top"
    case .last: return "last story, or bottom"
    case .openDetail: return "open the story's detail"
    case .addStory: return "add a story below the selected one"
    case .rankDown: return "move the story down in rank"
    case .rankUp: return "move the story up in rank"
    case .rankTop: return "move the story to the top of its list"
    case .rankBottom: return "move the story to the bottom of its list"
    case .editTitle: return "edit the title in place"
    case .editInEditor: return "edit the whole story in $VISUAL / $EDITOR"
    case .setPoints: return "set points (marked stories too)"
    case .setLabels: return "labels: +add -remove (marked stories too)"
    case .setAssignee: return "assignee (marked stories too)"
    case .setEpic: return "epic (marked stories too)"
    case .toggleSprint: return "into the planned/active sprint, or back (marked too)"
    case .splitStory: return "split the story in two"
    case .deleteStory: return "delete (asks y/n; marked stories too)"
    case .toggleMark: return "mark or unmark the story"
    case .markRange: return "mark from the last mark to here"
    case .filterText: return "filter as you type (Esc clears)"
    case .filterMenu: return "filter by epic, label, assignee, type, ready, blocked"
    case .nextMatch: return "next match"
    case .previousMatch: return "previous match"
    case .choose: return "choose"
    case .toggleDone: return "tick or untick the selected criterion or task"
    case .addCriterion: return "add an acceptance criterion"
    case .addTask: return "add a task (\"text @name\" assigns it)"
    case .editLine: return "edit the selected field or line"
    case .deleteLine: return "delete the selected criterion or task (asks y/n)"
    case .lineDown: return "move the selected criterion or task down"
    case .lineUp: return "move the selected criterion or task up"
    case .setBlocked: return "flag or clear an impediment"
    case .nextSection: return "next section"
    case .previousSection: return "previous section"
    case .back: return "back; quits from the backlog (all is saved)"
    case .close: return "close the detail or help"
    case .help: return "show or hide this help"
    case .undo: return "undo this session's last change"
    case .redo: return "redo what was undone"
    case .quit: return "quit at once (all is saved)"
    }
  }

  /// The default bindings: the keys vim, lazygit and tig users expect.
  public static let defaultBindings: [(scope: Scope, command: Command, keys: [Key])] = [
    (.global, .help, [.character("?")]),
    (.global, .quit, [.control("c")]),
    (.global, .undo, [.character("u")]),
    (.global, .redo, [.control("r")]),
    (.backlog, .moveDown, [.character("j"), .down]),
    (.backlog, .moveUp, [.character("k"), .up]),
    (.backlog, .pageDown, [.pageDown, .control("f")]),
    (.backlog, .pageUp, [.pageUp, .control("b")]),
    (.backlog, .first, [.character("g"), .home]),
    (.backlog, .last, [.character("G"), .end]),
    (.backlog, .openDetail, [.enter]),
    (.backlog, .addStory, [.character("a")]),
    (.backlog, .rankDown, [.character("J")]),
    (.backlog, .rankUp, [.character("K")]),
    (.backlog, .rankTop, [.character("T")]),
    (.backlog, .rankBottom, [.character("B")]),
    (.backlog, .editTitle, [.character("e")]),
    (.backlog, .editInEditor, [.character("E")]),
    (.backlog, .setPoints, [.character("p")]),
    (.backlog, .setLabels, [.character("#")]),
    (.backlog, .setAssignee, [.character("@")]),
    (.backlog, .setEpic, [.character("&")]),
    (.backlog, .toggleSprint, [.character("s")]),
    (.backlog, .splitStory, [.character("S")]),
    (.backlog, .deleteStory, [.character("d")]),
    (.backlog, .toggleMark, [.character(" "), .character("v")]),
    (.backlog, .markRange, [.character("V")]),
    (.backlog, .filterText, [.character("/")]),
    (.backlog, .filterMenu, [.character("f")]),
    (.backlog, .nextMatch, [.character("n")]),
    (.backlog, .previousMatch, [.character("N")]),
    (.backlog, .back, [.character("q")]),
    (.backlog, .close, [.escape]),
    (.detail, .moveDown, [.character("j"), .down]),
    (.detail, .moveUp, [.character("k"), .up]),
    (.detail, .pageDown, [.pageDown, .control("f")]),
    (.detail, .pageUp, [.pageUp, .control("b")]),
    (.detail, .first, [.character("g"), .home]),
    (.detail, .last, [.character("G"), .end]),
    (.detail, .close, [.escape, .character("q")]),
    (.detail, .nextSection, [.tab]),
    (.detail, .previousSection, [.backTab]),
    (.detail, .toggleDone, [.character(" ")]),
    (.detail, .addCriterion, [.character("c")]),
    (.detail, .addTask, [.character("t")]),
    (.detail, .editLine, [.character("e"), .enter]),
    (.detail, .deleteLine, [.character("d")]),
    (.detail, .lineDown, [.character("J")]),
    (.detail, .lineUp, [.character("K")]),
    (.detail, .setBlocked, [.character("b")]),
    (.detail, .setPoints, [.character("p")]),
    (.detail, .editInEditor, [.character("E")]),
    (.picker, .moveDown, [.character("j"), .down]),
    (.picker, .moveUp, [.character("k"), .up]),
    (.picker, .first, [.character("g"), .home]),
    (.picker, .last, [.character("G"), .end]),
    (.picker, .toggleMark, [.character(" ")]),
    (.picker, .choose, [.enter]),
    (.picker, .close, [.escape, .character("q")]),
    (.help, .moveDown, [.character("j"), .down]),
    (.help, .moveUp, [.character("k"), .up]),
    (.help, .pageDown, [.pageDown, .character(" ")]),
    (.help, .pageUp, [.pageUp]),
    (.help, .close, [.escape, .character("q"), .character("?")]),
  ]
}
