import TermUI

/// Where a key binding applies. A pane's own bindings are looked up first, then the global ones.
public enum Scope: String, CaseIterable, Sendable {
  case global, backlog, board, standup, reports, detail, picker, help, who, poker

  /// The scope's place in `allCases`: tables kept per scope are arrays indexed by it.
  var slot: Int {
    switch self {
    case .global: return 0
    case .backlog: return 1
    case .board: return 2
    case .standup: return 3
    case .reports: return 4
    case .detail: return 5
    case .picker: return 6
    case .help: return 7
    case .who: return 8
    case .poker: return 9
    }
  }

  var title: String {
    switch self {
    case .global: return "Everywhere"
    case .backlog: return "Backlog"
    case .detail: return "Story detail"
    case .board: return "Sprint board"
    case .standup: return "Standup"
    case .reports: return "Reports"
    case .picker: return "Choosing from a list"
    case .help: return "Help"
    case .who: return "Who is on the board"
    case .poker: return "Planning poker"
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
  case showBacklog = "show-backlog"
  case showBoard = "show-board"
  case showReports = "show-reports"
  case previousReport = "previous-report"
  case nextReport = "next-report"
  case previousSprint = "previous-sprint"
  case nextSprint = "next-sprint"
  case toggleChartGlyphs = "toggle-chart-glyphs"
  case toggleForecast = "toggle-forecast"
  case cyclePane = "cycle-pane"
  case columnLeft = "column-left"
  case columnRight = "column-right"
  case moveCardLeft = "move-card-left"
  case moveCardRight = "move-card-right"
  case toggleSwimlanes = "toggle-swimlanes"
  case toggleMine = "toggle-mine"
  case newSprint = "new-sprint"
  case startSprint = "start-sprint"
  case closeSprint = "close-sprint"
  case startStandup = "start-standup"
  case nextCard = "next-card"
  case previousCard = "previous-card"
  case togglePersonByPerson = "toggle-person-by-person"
  case back = "back"
  case close = "close"
  case help = "help"
  case suspend = "suspend"
  case undo = "undo"
  case redo = "redo"
  case quit = "quit"
  case who = "who"
  case takeLead = "take-lead"
  case follow = "follow"
  case startPoker = "start-poker"
  case previousValue = "previous-value"
  case nextValue = "next-value"
  case vote = "vote"
  case reveal = "reveal"
  case acceptValue = "accept-value"
  case newRound = "new-round"

  /// One line for the help overlay, as the command reads where it is bound.
  public func help(in scope: Scope) -> String {
    let isList = scope == .backlog
    switch self {
    case .filterText where scope == .help:
      return "filter the keys by what they do, a key or a pane"
    case .moveDown:
      return isList ? "next story" : scope == .detail ? "next field or line" : scope == .board ? "next card" : "scroll down"
    case .moveUp:
      return isList
        ? "previous story" : scope == .detail ? "previous field or line" : scope == .board ? "previous card" : "scroll up"
    case .first: return isList ? "first story" : "top"
    case .last: return isList ? "last story" : "bottom"
    case .close:
      switch scope {
      case .help: return "clear the filter, or close this help"
      case .who: return "close"
      case .poker: return "end the round (facilitator), or put the prompt away (P brings it back)"
      case .picker: return "cancel"
      case .standup: return "end the standup"
      case .board: return "clear the mine filter"
      case .reports: return "nothing to close (q quits)"
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
    case .showBacklog: return "the backlog"
    case .showBoard: return "the sprint board"
    case .showReports: return "burndown, burnup, velocity, flow and cycle time"
    case .previousReport: return "previous report"
    case .nextReport: return "next report"
    case .previousSprint: return "the sprint before"
    case .nextSprint: return "the sprint after"
    case .toggleChartGlyphs: return "charts in ASCII or Unicode"
    case .toggleForecast: return "forecast: the sprint each story is likely to land in"
    case .cyclePane: return "the next pane (backlog, board, reports)"
    case .columnLeft: return "previous column"
    case .columnRight: return "next column"
    case .moveCardLeft: return "move the card to the previous column"
    case .moveCardRight: return "move the card to the next column"
    case .toggleSwimlanes: return "swimlanes by assignee, on or off"
    case .toggleMine: return "only my cards, on or off"
    case .newSprint: return "create a sprint"
    case .startSprint: return "start a planned sprint"
    case .closeSprint: return "close the active sprint"
    case .startStandup: return "standup: walk the board right to left"
    case .nextCard: return "next card"
    case .previousCard: return "previous card"
    case .togglePersonByPerson: return "walk person by person, or card by card"
    case .previousSection: return "previous section"
    case .back: return "back; quits from the backlog (all is saved)"
    case .close: return "close the detail or help"
    case .help: return "show or hide this help"
    case .suspend: return "suspend to the shell (fg comes back)"
    case .undo: return "undo this session's last change"
    case .redo: return "redo what was undone"
    case .quit: return "quit at once (all is saved)"
    case .who: return "who is on the board, where, and who leads"
    case .takeLead: return "lead (facilitate): followers' screens track yours; again to stop"
    case .follow: return "follow the lead's pane and story; any key of yours stops"
    case .startPoker: return "planning poker on the story: everyone votes, then reveal"
    case .previousValue: return "the card before"
    case .nextValue: return "the card after"
    case .vote: return "vote the card (again to change it until the reveal)"
    case .reveal: return "show the votes now (facilitator)"
    case .acceptValue: return "make the card the story's points (facilitator; u undoes)"
    case .newRound: return "vote again (facilitator)"
    }
  }

  /// The default bindings: the keys vim, lazygit and tig users expect.
  public static let defaultBindings: [(scope: Scope, command: Command, keys: [Key])] = [
    (.global, .help, [.character("?")]),
    (.global, .showBacklog, [.character("1")]),
    (.global, .showBoard, [.character("2")]),
    (.global, .showReports, [.character("3")]),
    (.global, .cyclePane, [.tab]),
    (.reports, .previousReport, [.character("h"), .left]),
    (.reports, .nextReport, [.character("l"), .right]),
    (.reports, .previousSprint, [.character("[")]),
    (.reports, .nextSprint, [.character("]")]),
    (.reports, .moveDown, [.character("j"), .down]),
    (.reports, .moveUp, [.character("k"), .up]),
    (.reports, .first, [.character("g"), .home]),
    (.reports, .last, [.character("G"), .end]),
    (.reports, .toggleChartGlyphs, [.character("a")]),
    (.reports, .close, [.escape]),
    (.reports, .back, [.character("q")]),
    (.board, .moveDown, [.character("j"), .down]),
    (.board, .moveUp, [.character("k"), .up]),
    (.board, .columnLeft, [.character("h"), .left]),
    (.board, .columnRight, [.character("l"), .right]),
    (.board, .first, [.character("g"), .home]),
    (.board, .last, [.character("G"), .end]),
    (.board, .moveCardLeft, [.character("H")]),
    (.board, .moveCardRight, [.character("L")]),
    (.board, .openDetail, [.enter]),
    (.board, .setBlocked, [.character("b")]),
    (.board, .setPoints, [.character("p")]),
    (.board, .toggleSwimlanes, [.character("s")]),
    (.board, .toggleMine, [.character("m")]),
    (.board, .newSprint, [.character("N")]),
    (.board, .startSprint, [.character("S")]),
    (.board, .closeSprint, [.character("C")]),
    (.board, .startStandup, [.character("W")]),
    (.board, .close, [.escape]),
    (.board, .back, [.character("q")]),
    (.standup, .nextCard, [.character("n"), .character("j"), .down]),
    (.standup, .previousCard, [.character("p"), .character("k"), .up]),
    (.standup, .togglePersonByPerson, [.character("P")]),
    (.standup, .moveCardLeft, [.character("H")]),
    (.standup, .moveCardRight, [.character("L")]),
    (.standup, .setBlocked, [.character("b")]),
    (.standup, .openDetail, [.enter]),
    (.standup, .close, [.escape, .character("q")]),
    (.global, .quit, [.control("c")]),
    (.global, .suspend, [.control("z")]),
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
    (.backlog, .toggleForecast, [.character("o")]),
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
    (.help, .filterText, [.character("/")]),
    (.help, .close, [.escape, .character("q"), .character("?")]),
    (.global, .who, [.character("w")]),
    (.global, .takeLead, [.control("t")]),
    (.global, .follow, [.character("F")]),
    (.backlog, .startPoker, [.character("P")]),
    (.board, .startPoker, [.character("P")]),
    (.detail, .startPoker, [.character("P")]),
    (.who, .close, [.escape, .character("q"), .character("w")]),
    (.who, .takeLead, [.control("t")]),
    (.who, .follow, [.character("F")]),
    (.poker, .previousValue, [.character("h"), .left]),
    (.poker, .nextValue, [.character("l"), .right]),
    (.poker, .vote, [.enter, .character(" ")]),
    (.poker, .reveal, [.character("r")]),
    (.poker, .acceptValue, [.character("a")]),
    (.poker, .newRound, [.character("n")]),
    (.poker, .close, [.escape]),
  ]
}
