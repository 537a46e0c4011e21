import Foundation
import ScrumCore
import TermUI

/// The panes of the board.
public enum Pane: Equatable, Sendable {
  case backlog
  case detail
  /// The sprint board: one column per status.
  case board
  /// Burndown, burnup, velocity, cumulative flow and cycle time.
  case reports
}

/// A list's view state: which story is selected and which row is at the top of the viewport.
/// Kept in state, never written while drawing.
public struct ListState: Equatable, Sendable {
  public var selection: StoryID?
  public var scroll: Int = 0
  public init(selection: StoryID? = nil, scroll: Int = 0) {
    self.selection = selection
    self.scroll = scroll
  }
}

/// The open story detail.
public struct DetailState: Equatable, Sendable {
  public var story: StoryID
  public var scroll: Int = 0
  /// The field or line that the detail's keys act on.
  public var cursor: DetailItem = .title
}

/// A one-line question at the bottom of the screen.
public struct Prompt: Equatable, Sendable {
  public enum Purpose: Equatable, Sendable {
    /// A new story's title; it goes right after `after` (or at the end of the backlog).
    case newStoryTitle(after: StoryID?)
    /// A story's title, edited in place.
    case editTitle(StoryID)
    /// Labels for stories: `+name` adds, `-name` removes, a bare list replaces.
    case labels([StoryID])
    case assignee([StoryID])
    /// y/n before deleting stories.
    case confirmDelete([StoryID])
    /// The title of the part split off a story; next comes the choice of criteria.
    case splitTitle(StoryID)
    /// The filter text, applied as it is typed.
    case filterText(previous: String)
    case addCriterion(StoryID)
    case addTask(StoryID)
    case editCriterion(StoryID, Int)
    case editTask(StoryID, Int)
    /// The impediment text; empty clears it.
    case blocked(StoryID)
    /// y/n before deleting a criterion or task.
    case confirmDeleteLine(StoryID, DetailItem)
    /// One step of creating a sprint: name, goal, start, end, capacity.
    case newSprint(SprintDraft)
    /// Words that narrow the help overlay, applied as they are typed.
    case helpFilter
  }
  public var purpose: Purpose
  public var label: String
  public var editor: LineEditor
}

/// A short message on the status line until the next key.
public struct Flash: Equatable, Sendable {
  public enum Kind: Equatable, Sendable { case info, error }
  public var text: String
  public var kind: Kind
  public static func info(_ text: String) -> Flash { Flash(text: text, kind: .info) }
  public static func error(_ text: String) -> Flash { Flash(text: text, kind: .error) }
}

/// Everything the screen shows, and nothing the runtime does: the model the reducer changes.
public struct AppState: Equatable, Sendable {
  public var board: Board {
    didSet {
      if !rowsUpdatedInPlace {
        filterJob = nil
        if !refilterInSlices() { backlogRows = BacklogRows(board: board, filter: filter) }
      }
      if showForecast { updateForecast() }
    }
  }
  /// Set while a change updates the rows itself rather than rebuilding them.
  private var rowsUpdatedInPlace = false
  /// What narrows the backlog; the rows follow it.
  public var filter = BacklogFilter() {
    didSet {
      guard filter != oldValue else { return }
      var sameFacets = filter
      sameFacets.text = oldValue.text
      let narrowing = sameFacets == oldValue && !oldValue.text.isEmpty && filter.text.hasPrefix(oldValue.text)
      if startFilterJob(narrowing: narrowing, from: oldValue) { return }
      if narrowing {
        // One more letter typed: only what matched before can match now.
        let filter = filter
        let board = board
        let matcher = TextMatcher(filter.text)
        backlogRows = backlogRows.narrowed(board: board) { filter.matches($0, key: board.key(of: $0.id), text: matcher) }
      } else {
        backlogRows = BacklogRows(board: board, filter: filter)
      }
    }
  }
  /// A filter over a large backlog being worked out in slices (nil when none is).
  private(set) var filterJob: FilterJob?
  /// Stories marked for an action on many at once (Space, v, V).
  public var marked: Set<StoryID> = []
  /// Where a range mark (V) starts.
  public var markAnchor: StoryID?
  /// A list to choose from (points, epic, filter facets, criteria to split off).
  public var picker: Picker?
  /// The backlog's rows, derived from the board whenever it changes.
  private(set) var backlogRows: BacklogRows
  public var size: Size
  /// The time of the action being handled; the runtime sets it, the reducer never reads a clock.
  public var now: Date
  public var pane: Pane = .backlog
  public var backlog = ListState()
  public var detail: DetailState?
  public var prompt: Prompt?
  public var help: HelpState?
  public var flash: Flash?
  /// The key bindings in force (defaults, later the user's own).
  public var keymap: Keymap
  /// The sprint board's view state.
  public var sprintBoard = SprintBoardState()
  /// Standup mode, while it runs.
  public var standup: StandupState?
  /// Where Esc from a story's detail goes back to.
  public var detailReturn: Pane = .backlog
  /// Who is at the keyboard: a team member's name (from `$USER`), for "mine".
  public var user: String = ""
  /// How long each person may talk at standup.
  public var standupTimebox: TimeInterval = 120
  /// The reports pane's view state.
  public var reports = ReportsState()
  /// What charts are drawn with; the runtime says what the terminal can show.
  public var chartGlyphs: ChartGlyphs = .unicode
  /// Whether the backlog shows the sprint each story is forecast to land in.
  public var showForecast = false {
    didSet { if showForecast != oldValue { updateForecast() } }
  }
  /// The forecast the backlog shows, kept while it is on (nil: off, or no pace to go by).
  private(set) var forecast: Forecast?
  /// This session's changes, newest last, each with the change that undoes it.
  public var undoStack: [UndoEntry] = []
  public var redoStack: [UndoEntry] = []
  /// Who else is on the board, following, planning poker.
  public var together = TogetherState()

  public init(board: Board, size: Size, now: Date, keymap: Keymap = Keymap.defaults) {
    self.board = board
    self.backlogRows = BacklogRows(board: board)
    self.keymap = keymap
    self.size = size
    self.now = now
    // A pane opens on its first item.
    self.backlog.selection = backlogRows.storyIDs.first
  }

  /// The scope whose key bindings apply now.
  public var scope: Scope {
    if help != nil { return .help }
    if picker != nil { return .picker }
    if together.showsWho { return .who }
    if showsPoker { return .poker }
    switch pane {
    case .backlog: return .backlog
    case .detail: return .detail
    case .board: return standup == nil ? .board : .standup
    case .reports: return .reports
    }
  }
}

extension AppState {
  /// Applies a change to the board. A rank change moves its row in place (at 100,000 stories a
  /// rebuild of the rows costs far more than the move); anything else rebuilds them.
  mutating func apply(_ change: BoardChange) throws {
    switch change {
    case .storyMoved, .criterionSet, .taskSet, .tasksReplaced:
      // Nothing the backlog's rows show or filter on (sections, order, totals, readiness,
      // text) changes with a status, a checklist line or the tasks: keep them as they are.
      rowsUpdatedInPlace = true
      defer { rowsUpdatedInPlace = false }
      try board.apply(change)
      return
    case .storyRanked: break
    case .storyEdited(let id, let fields, _) where !filter.isActive && filterJob == nil
      && !fields.contains(where: \.movesStory):
      // With no filter, an edit that leaves the story where it is (an estimate, a title, ...)
      // changes at most its section's totals: count those again, rather than lay out every row
      // (1 ms at 100,000 stories).
      let old = board.story(id)
      rowsUpdatedInPlace = true
      defer { rowsUpdatedInPlace = false }
      try board.apply(change)
      if let old, let new = board.story(id), backlogRows.recount(old, as: new) { return }
      backlogRows = BacklogRows(board: board, filter: filter)
      return
    default:
      try board.apply(change)
      return
    }
    guard case .storyRanked(let id, _, _) = change else { return }
    rowsUpdatedInPlace = true
    defer { rowsUpdatedInPlace = false }
    try board.apply(change)
    // In place: a copy of the rows would copy each array the move touches.
    if !backlogRows.moveWithinSection(id, board: board), backlogRows.position(of: id) != nil {
      backlogRows = BacklogRows(board: board, filter: filter)
    }
  }

  /// Takes in what another process changed without laying the backlog's rows out again, when
  /// the same change made here would not either: each changed story is shown and stayed in its
  /// section (a title, an estimate, a status, a checklist changed elsewhere, or at most one rank
  /// move within its list), the sprints are as they were, no filter is on. Otherwise false,
  /// and nothing is changed. At 100,000 stories laying the rows out is most of what a
  /// teammate's change costs this session.
  mutating func mergeInPlace(settings: Board, changed: [Story]) -> Bool {
    guard !filter.isActive, filterJob == nil, settings.sprints == board.sprints else { return false }
    var before: [Story] = []
    before.reserveCapacity(changed.count)
    for story in changed {
      guard let old = board.story(story.id), old.sprint == story.sprint, backlogRows.position(of: story.id) != nil
      else { return false }
      before.append(old)
    }
    // A row is moved among rows in rank order: two moved at once would each be placed among
    // rows not yet in order.
    guard zip(before, changed).filter({ $0.rank != $1.rank }).count <= 1 else { return false }
    rowsUpdatedInPlace = true
    defer { rowsUpdatedInPlace = false }
    changeInPlace(&board) { board in
      board.adoptSettings(of: settings)
      board.merge(stories: changed, deleted: [], nextStoryNumber: settings.nextStoryNumber)
    }
    for (old, new) in zip(before, changed) {
      let placed = old.rank == new.rank || backlogRows.moveWithinSection(new.id, board: board)
      guard placed, backlogRows.recount(old, as: new) else {
        backlogRows = BacklogRows(board: board, filter: filter)
        return true
      }
    }
    return true
  }

  /// Starts working out a text filter over a large backlog a slice at a time, and looks as
  /// far as the screen needs; false when the filter is better worked out whole (a small
  /// backlog, no text, facets only).
  private mutating func startFilterJob(narrowing: Bool, from old: BacklogFilter) -> Bool {
    guard !filter.text.isEmpty else {
      filterJob = nil
      return false
    }
    let candidates: [StoryID]
    if narrowing, let job = filterJob, job.filter == old {
      candidates = job.stillPossible
    } else if narrowing, filterJob == nil {
      // The last filter was worked out whole: only its backlog matches can match.
      candidates = backlogRows.backlogSection
    } else {
      candidates = board.backlogIDs
    }
    guard candidates.count >= FilterJob.threshold || filterJob != nil else {
      filterJob = nil
      return false
    }
    var job = FilterJob(filter: filter, candidates: candidates)
    job.run(board: board, limit: FilterJob.keystrokeBudget, enough: FilterJob.screenful)
    settle(job)
    return true
  }

  /// After a change of the board under a text filter of a large backlog: the filter again, a
  /// slice at a time, looking first as far as the story the user is on and a screenful past
  /// it, so that it keeps its row; false when the rows are better worked out whole.
  private mutating func refilterInSlices() -> Bool {
    guard !filter.text.isEmpty else { return false }
    let candidates = board.backlogIDs
    guard candidates.count >= FilterJob.threshold else { return false }
    let facts = board.rowFacts
    // The selected story, if it is one of the backlog's (a sprint's stories are filtered whole).
    let selection = backlog.selection.flatMap { id in
      facts.indices.contains(id.number) && facts[id.number].exists && facts[id.number].sprintSlot < 0 ? id : nil
    }
    var job = FilterJob(filter: filter, candidates: candidates)
    job.run(board: board, limit: .max, enough: FilterJob.screenful, through: selection)
    settle(job, backlogTotals: StoryTotals(backlogOf: board))
    return true
  }

  /// Shows a filter job's matches so far, and forgets the job once it is done.
  private mutating func settle(_ job: FilterJob, backlogTotals: StoryTotals? = nil) {
    backlogRows = BacklogRows(
      board: board, filter: job.filter, backlogMatches: job.matches,
      backlogTotals: backlogTotals ?? backlogRows.backlogTotals)
    filterJob = job.isDone ? nil : job
  }

  /// Looks at the next slice of a pending filter; the runtime calls it while no key comes.
  mutating func continueFiltering() {
    guard var job = filterJob else { return }
    job.run(board: board, limit: FilterJob.sliceSize)
    settle(job)
  }

  /// Works a pending filter out to the end: whatever is not typing into the filter needs all
  /// of its matches (the last one, the next match, a range of marks).
  mutating func finishFiltering() {
    guard var job = filterJob else { return }
    job.run(board: board, limit: .max)
    settle(job)
  }

  /// Backlog totals counted outside this board (a preview of a large board holds only its top).
  mutating func overrideBacklogTotals(_ totals: StoryTotals) {
    backlogRows.backlogTotals = totals
  }

  /// Works out the forecast again: once per change of the board while it is shown, never per
  /// key or frame.
  private mutating func updateForecast() {
    forecast = showForecast ? Forecast(board: board, velocity: Velocity(board: board, now: now).average) : nil
  }

  /// The stories an action applies to: the marked ones, else the selected one.
  public var targets: [StoryID] {
    if !marked.isEmpty { return board.rankOrder.filter { marked.contains($0) } }
    return backlog.selection.map { [$0] } ?? []
  }
}

/// A sprint being created through a chain of prompts.
public struct SprintDraft: Equatable, Sendable {
  public enum Step: Int, Sendable { case name, goal, start, end, capacity }
  public var step: Step = .name
  public var sprint = Sprint(name: "")
}

/// A change this session made, and the change that takes it back.
public struct UndoEntry: Equatable, Sendable {
  public var change: BoardChange
  public var inverse: BoardChange
}

/// The help overlay: which pane's keys it lists first, and its scroll position.
public struct HelpState: Equatable, Sendable {
  public var scroll: Int = 0
  /// The keys of where the user was come first: what they are looking for.
  public var first: Scope = .global
  /// Only the lines that hold this text (a key, a scope or words of what the key does).
  public var filter = ""
  public init(first: Scope = .global) { self.first = first }
}
