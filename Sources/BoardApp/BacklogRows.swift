import ScrumCore

/// The rows of the backlog pane: the current sprint's section, then the product backlog.
struct BacklogRows {
  enum Row: Equatable {
    case sprintHeading(Sprint, stories: [Story])
    case backlogHeading(stories: [Story])
    case story(Story)
    case placeholder(String)
    case gap

    var isStory: Bool {
      if case .story = self { return true }
      return false
    }
  }

  let rows: [Row]
  /// Story ids in display order, for moving the selection.
  let storyIDs: [StoryID]
  /// Each story's row index and the ids of the section it belongs to.
  private let rowIndex: [StoryID: Int]
  private let sectionOf: [StoryID: [StoryID]]

  init(board: Board) {
    var rows: [Row] = []
    var ids: [StoryID] = []
    var sections: [StoryID: [StoryID]] = [:]
    func addSection(_ stories: [Story], emptyNote: String) {
      let sectionIDs = stories.map(\.id)
      if stories.isEmpty { rows.append(.placeholder(emptyNote)) }
      for story in stories {
        rows.append(.story(story))
        ids.append(story.id)
        sections[story.id] = sectionIDs
      }
    }
    if let sprint = board.currentSprint {
      let stories = board.stories(inSprint: sprint.name)
      rows.append(.sprintHeading(sprint, stories: stories))
      addSection(stories, emptyNote: "No stories planned in this sprint yet")
      rows.append(.gap)
    }
    let backlog = board.stories(inSprint: nil)
    rows.append(.backlogHeading(stories: backlog))
    addSection(backlog, emptyNote: "The product backlog is empty: press a to add a story")
    self.rows = rows
    self.storyIDs = ids
    var index: [StoryID: Int] = [:]
    for (position, row) in rows.enumerated() {
      if case .story(let story) = row { index[story.id] = position }
    }
    self.rowIndex = index
    self.sectionOf = sections
  }

  func rowIndex(of id: StoryID) -> Int? { rowIndex[id] }

  /// The stories of the section (sprint or backlog) that `id` is in, in rank order.
  func section(of id: StoryID) -> [StoryID] { sectionOf[id] ?? [] }
}
