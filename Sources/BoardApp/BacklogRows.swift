import ScrumCore

/// The rows of the backlog pane: the current sprint's section, then the product backlog.
/// Derived from the board once per change of the board (not per key or per frame), so moving
/// through a backlog of 100,000 stories costs the same as through 10.
struct BacklogRows: Equatable, Sendable {
  static func == (lhs: BacklogRows, rhs: BacklogRows) -> Bool {
    lhs.rows == rhs.rows && lhs.storyIDs == rhs.storyIDs && lhs.backlogTotals == rhs.backlogTotals
      && lhs.sprintHeadings.map(\.sprint) == rhs.sprintHeadings.map(\.sprint)
      && lhs.sprintHeadings.map(\.totals) == rhs.sprintHeadings.map(\.totals)
  }

  enum Row: Equatable, Sendable {
    /// An index into `sprintHeadings` (kept out of the row, so that a row stays small).
    case sprintHeading(Int)
    case backlogHeading
    case story(StoryID)
    /// An empty section: the sprint's (true) or the product backlog's (false).
    case emptySection(isSprint: Bool)
    case gap

    var isStory: Bool {
      if case .story = self { return true }
      return false
    }
  }

  private(set) var rows: [Row] = []
  /// Each open sprint shown, with the totals of all its stories.
  private(set) var sprintHeadings: [(sprint: Sprint, totals: StoryTotals)] = []
  /// Story ids in display order, for moving the selection.
  private(set) var storyIDs: [StoryID] = []
  /// The product backlog's totals, for the status line.
  var backlogTotals = StoryTotals()
  // Lookups by story number (numbers are dense and never reused): arrays, not dictionaries,
  // because building these is on the path of every change at 100,000 stories. -1 means none.
  private var rowIndex: [Int32] = []
  private var orderIndex: [Int32] = []
  private var sectionOf: [Int8] = []
  private var sections: [[StoryID]] = []
  /// Where each section's stories start, in `storyIDs` and in `rows`.
  private var sectionOrderStart: [Int] = []
  private var sectionRowStart: [Int] = []

  private init() {}

  /// The rows for a narrower filter, from these: only the stories shown now can still match,
  /// so typing one more letter into the filter looks at those alone. Totals stay those of the
  /// whole sections.
  func narrowed(board: Board, keeping matches: (Story) -> Bool) -> BacklogRows {
    var next = BacklogRows()
    next.sprintHeadings = sprintHeadings
    next.backlogTotals = backlogTotals
    next.rowIndex = Array(repeating: -1, count: rowIndex.count)
    next.orderIndex = next.rowIndex
    next.sectionOf = Array(repeating: -1, count: sectionOf.count)
    for (index, ids) in sections.enumerated() {
      let kept = ids.filter { board.story($0).map(matches) ?? false }
      let isSprint = index < sprintHeadings.count
      next.rows.append(isSprint ? .sprintHeading(index) : .backlogHeading)
      next.addSection(kept, isSprint: isSprint)
      if isSprint { next.rows.append(.gap) }
    }
    return next
  }

  /// The rows of the board under a filter: the sprints' few stories are filtered here, whole;
  /// the backlog's matches come in rank order from the caller (all of them, or a `FilterJob`'s
  /// so far), with its totals, which a filter never changes (so it never hides
  /// over-commitment).
  init(board: Board, filter: BacklogFilter, backlogMatches: [StoryID], backlogTotals: StoryTotals) {
    // Sprints still to finish, the active one first: they are what the backlog plans into.
    let open = board.sprints.filter { $0.state == .active } + board.sprints.filter { $0.state == .planned }
    // As many as the board's row facts: past every story number the board holds, and no
    // further (a first screen's 80 stories of a 100,000-story board, numbered up to 80, no
    // longer allocate and clear tables for 100,000 numbers, 220 pages, before the first frame).
    // A story with a higher number comes only with a change that lays the rows out again.
    rowIndex = Array(repeating: -1, count: board.rowFacts.count)
    orderIndex = rowIndex
    sectionOf = Array(repeating: -1, count: board.rowFacts.count)
    let matcher = TextMatcher(filter.text)
    for (index, sprint) in open.enumerated() {
      var totals = StoryTotals()
      var shown: [StoryID] = []
      for story in board.stories(inSprint: sprint.name) {
        totals.add(story)
        if !filter.isActive || filter.matches(story, key: board.key(of: story.id), text: matcher) {
          shown.append(story.id)
        }
      }
      sprintHeadings.append((sprint, totals))
      rows.append(.sprintHeading(index))
      addSection(shown, isSprint: true)
      rows.append(.gap)
    }
    self.backlogTotals = backlogTotals
    rows.append(.backlogHeading)
    addSection(backlogMatches, isSprint: false)
  }

  /// The rows of the board, all at once. The product backlog is read from the board's flat
  /// row facts (which story is in it); stories themselves are read only to match a filter.
  init(board: Board, filter: BacklogFilter = BacklogFilter()) {
    var backlog = board.backlogIDs
    if filter.isActive {
      let matcher = TextMatcher(filter.text)
      backlog = backlog.filter { id in
        board.story(id).map { filter.matches($0, key: board.key(of: id), text: matcher) } ?? false
      }
    }
    self.init(board: board, filter: filter, backlogMatches: backlog, backlogTotals: StoryTotals(backlogOf: board))
  }

  private mutating func addSection(_ ids: [StoryID], isSprint: Bool) {
    if ids.isEmpty { rows.append(.emptySection(isSprint: isSprint)) }
    let section = Int8(clamping: sections.count)
    sections.append(ids)
    sectionOrderStart.append(storyIDs.count)
    sectionRowStart.append(rows.count)
    rows.reserveCapacity(rows.count + ids.count)
    for id in ids where rowIndex.indices.contains(id.number) {
      rowIndex[id.number] = Int32(rows.count)
      orderIndex[id.number] = Int32(storyIDs.count)
      sectionOf[id.number] = section
      rows.append(.story(id))
      storyIDs.append(id)
    }
  }

  /// Moves one story to its new place within its own section after a rank change, touching
  /// only the rows between its old and new place (a J/K move touches two). `board` is the
  /// board after the change. Returns false when the story is not shown here, so nothing moved.
  mutating func moveWithinSection(_ id: StoryID, board: Board) -> Bool {
    guard let order = BacklogRows.lookup(orderIndex, id), sectionOf.indices.contains(id.number),
      sectionOf[id.number] >= 0, let story = board.story(id)
    else { return false }
    let section = Int(sectionOf[id.number])
    let old = order - sectionOrderStart[section]
    // The story's place by rank (ties, from concurrent writers, by key) among the section's
    // other stories, read where they are: nothing is changed (or copied: at 100,000 stories a
    // copy of these arrays costs more than the move) until the place is known.
    struct NotOnTheBoard: Error {}
    let place = try? sections[section].insertionIndex(skipping: old) { other in
      guard let other = board.story(other) else { throw NotOnTheBoard() }
      return Board.ranksBefore((other.rank, other.id), (story.rank, story.id))
    }
    guard let new = place else { return false }
    let orderStart = sectionOrderStart[section]
    let rowStart = sectionRowStart[section]
    // Each list shifts only the stories between the old place and the new.
    sections[section].shiftElement(from: old, to: new)
    storyIDs.shiftElement(from: orderStart + old, to: orderStart + new)
    rows.shiftElement(from: rowStart + old, to: rowStart + new)
    for position in min(old, new)...max(old, new) {
      let moved = sections[section][position]
      orderIndex[moved.number] = Int32(orderStart + position)
      rowIndex[moved.number] = Int32(rowStart + position)
    }
    return true
  }

  /// Counts a shown story's new points and readiness into its section's totals in place of
  /// its old ones, after an edit that moves no row (see `AppState.apply`). Returns false when
  /// the story is not shown here.
  mutating func recount(_ old: Story, as new: Story) -> Bool {
    guard sectionOf.indices.contains(new.id.number), sectionOf[new.id.number] >= 0 else { return false }
    let section = Int(sectionOf[new.id.number])
    if section < sprintHeadings.count {
      sprintHeadings[section].totals.remove(old)
      sprintHeadings[section].totals.add(new)
    } else {
      backlogTotals.remove(old)
      backlogTotals.add(new)
    }
    return true
  }

  private static func lookup(_ table: [Int32], _ id: StoryID) -> Int? {
    guard table.indices.contains(id.number), table[id.number] >= 0 else { return nil }
    return Int(table[id.number])
  }

  /// The row a story is drawn on.
  func rowIndex(of id: StoryID) -> Int? { BacklogRows.lookup(rowIndex, id) }

  /// A story's place among all listed stories.
  func position(of id: StoryID) -> Int? { BacklogRows.lookup(orderIndex, id) }

  /// The product backlog's stories shown, in rank order (it is always the last section).
  var backlogSection: [StoryID] { sections.last ?? [] }

  /// The stories of the section (sprint or backlog) that `id` is in, in rank order.
  func section(of id: StoryID) -> [StoryID] {
    guard sectionOf.indices.contains(id.number), sectionOf[id.number] >= 0 else { return [] }
    return sections[Int(sectionOf[id.number])]
  }
}

extension StoryTotals {
  /// The whole product backlog's totals, from the board's row facts.
  init(backlogOf board: Board) {
    self.init()
    let facts = board.rowFacts
    for id in board.rankOrder where facts.indices.contains(id.number) && facts[id.number].sprintSlot < 0 {
      add(points: facts[id.number].points, ready: facts[id.number].ready)
    }
  }
}

extension Board {
  /// The product backlog's story ids in rank order, from the row facts (no story is read).
  var backlogIDs: [StoryID] {
    let facts = rowFacts
    return rankOrder.filter { facts.indices.contains($0.number) && facts[$0.number].sprintSlot < 0 }
  }
}
