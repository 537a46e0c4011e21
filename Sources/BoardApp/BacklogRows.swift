import ScrumCore

/// The rows of the backlog pane: the current sprint's section, then the product backlog.
/// Derived from the board once per change of the board (not per key or per frame), so moving
/// through a backlog of 100,000 stories costs the same as through 10.
struct BacklogRows: Equatable, Sendable {
  enum Row: Equatable, Sendable {
    case sprintHeading(Sprint, totals: Totals)
    case backlogHeading(totals: Totals)
    case story(StoryID)
    /// An empty section: the sprint's (true) or the product backlog's (false).
    case emptySection(isSprint: Bool)
    case gap

    var isStory: Bool {
      if case .story = self { return true }
      return false
    }
  }

  /// Counts and points of a section.
  struct Totals: Equatable, Sendable {
    var count = 0
    var points = 0.0
    var readyPoints = 0.0

    mutating func add(_ story: Story) {
      count += 1
      points += story.points?.value ?? 0
      if story.isReady { readyPoints += story.points?.value ?? 0 }
    }
  }

  private(set) var rows: [Row] = []
  /// Story ids in display order, for moving the selection.
  private(set) var storyIDs: [StoryID] = []
  /// The product backlog's totals, for the status line.
  private(set) var backlogTotals = Totals()
  private var rowIndex: [StoryID: Int] = [:]
  private var orderIndex: [StoryID: Int] = [:]
  private var sections: [[StoryID]] = []
  private var sectionOf: [StoryID: Int] = [:]

  init(board: Board, filter: BacklogFilter = BacklogFilter()) {
    // Sprints still to finish, the active one first: they are what the backlog plans into.
    let open = board.sprints.filter { $0.state == .active } + board.sprints.filter { $0.state == .planned }
    let sprintIndex = Dictionary(open.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    var sprintStories = Array(repeating: [StoryID](), count: open.count)
    var sprintTotals = Array(repeating: Totals(), count: open.count)
    var backlogStories: [StoryID] = []
    let filtering = filter.isActive
    for id in board.rankOrder {
      guard let story = board.story(id) else { continue }
      let shown = !filtering || filter.matches(story, key: board.key(of: id))
      // Totals count the whole section, so a filter never hides over-commitment.
      if let name = story.sprint {
        guard let index = sprintIndex[name] else { continue }
        sprintTotals[index].add(story)
        if shown { sprintStories[index].append(id) }
      } else {
        backlogTotals.add(story)
        if shown { backlogStories.append(id) }
      }
    }
    for (index, sprint) in open.enumerated() {
      rows.append(.sprintHeading(sprint, totals: sprintTotals[index]))
      addSection(sprintStories[index], isSprint: true)
      rows.append(.gap)
    }
    rows.append(.backlogHeading(totals: backlogTotals))
    addSection(backlogStories, isSprint: false)
  }

  private mutating func addSection(_ ids: [StoryID], isSprint: Bool) {
    if ids.isEmpty { rows.append(.emptySection(isSprint: isSprint)) }
    let section = sections.count
    sections.append(ids)
    for id in ids {
      rowIndex[id] = rows.count
      orderIndex[id] = storyIDs.count
      sectionOf[id] = section
      rows.append(.story(id))
      storyIDs.append(id)
    }
  }

  /// The row a story is drawn on.
  func rowIndex(of id: StoryID) -> Int? { rowIndex[id] }

  /// A story's place among all listed stories.
  func position(of id: StoryID) -> Int? { orderIndex[id] }

  /// The stories of the section (sprint or backlog) that `id` is in, in rank order.
  func section(of id: StoryID) -> [StoryID] { sectionOf[id].map { sections[$0] } ?? [] }
}
