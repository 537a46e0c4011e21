import Foundation

/// One product's board: its settings and every story, epic and sprint.
///
/// A value type: mutations return the `BoardChange` that a store writes through, so the
/// in-memory model and the file on disk change together, one user action at a time.
public struct Board: Equatable, Sendable {
  public var name: String
  /// The key prefix, e.g. `SB` for `SB-12`.
  public var prefix: String
  public var definitionOfDone: [String]
  public var columns: [Column]
  public var members: [String]
  public var epics: [Epic]
  public var sprints: [Sprint]
  /// The days of the week the team works (burndowns and cycle times skip the others).
  public var workingDays: WorkingDays
  /// The number the next new story gets; numbers are never reused.
  public private(set) var nextStoryNumber: Int

  private var storiesByID: [StoryID: Story]
  /// Story ids per sprint name, so a sprint's stories are found without a pass over the whole
  /// backlog (the sprint board asks on every key). Every change of a story goes through
  /// `insert`, `remove` or `replace`, which keep it in step.
  private var sprintMembers: [String: Set<StoryID>] = [:]
  /// Stories that were once in a sprint and left it (carried over, moved back), per sprint
  /// name: a sprint's reports still count them for the days they were in.
  private var formerSprintMembers: [String: Set<StoryID>] = [:]
  /// Every story id, ordered by rank (ties, which only concurrent writers make, by id).
  public private(set) var rankOrder: [StoryID]
  /// What the backlog's layout needs of each story, by story number (numbers are dense and
  /// never reused): laying out 100,000 rows then reads these, not the stories, whose copies
  /// cost a dozen reference counts each. Kept in step by `replace` and `remove`.
  public private(set) var rowFacts: [RowFacts] = []
  /// Sprint names a story has been in, each with its slot in `RowFacts.sprintSlot`.
  public private(set) var sprintNames: [String] = []
  private var sprintSlots: [String: Int32] = [:]

  public init(
    name: String, prefix: String, definitionOfDone: [String] = [], columns: [Column] = Column.defaults,
    members: [String] = [], epics: [Epic] = [], sprints: [Sprint] = [], stories: [Story] = [],
    nextStoryNumber: Int? = nil, workingDays: WorkingDays = .mondayToFriday
  ) {
    self.workingDays = workingDays
    self.name = name
    self.prefix = prefix
    self.definitionOfDone = definitionOfDone
    self.columns = columns
    self.members = members
    self.epics = epics
    self.sprints = sprints
    // Each story is read where it lies and copied once, into the table: a copy of a story is a
    // dozen reference counts, and a board of 100,000 was copied five times over here.
    var byID: [StoryID: Story] = Dictionary(minimumCapacity: stories.count)
    var highest = 0
    // A store hands stories over in rank order already; sort only when they are not.
    var inOrder = true
    for index in stories.indices {
      highest = max(highest, stories[index].id.number)
      if index > 0, inOrder, !Board.precedes(stories[index - 1], stories[index]) { inOrder = false }
      byID[stories[index].id] = stories[index]
    }
    self.storiesByID = byID
    self.nextStoryNumber = max(nextStoryNumber ?? 1, highest + 1)
    self.rankOrder = []
    rowFacts = Array(repeating: RowFacts(), count: highest + 1)
    if byID.count == stories.count {
      for index in stories.indices { addToLookups(stories[index]) }
      rankOrder = inOrder ? stories.map(\.id) : Board.ranked(stories.indices.map { (stories[$0].rank, stories[$0].id) })
    } else {
      // A number given twice keeps its last story (never from a store, whose key it is).
      for story in byID.values { addToLookups(story) }
      rankOrder = Board.ranked(byID.values.map { ($0.rank, $0.id) })
    }
  }

  /// Ids in rank order (ties by id).
  private static func ranked(_ entries: [(Rank, StoryID)]) -> [StoryID] {
    entries.sorted(by: ranksBefore).map(\.1)
  }

  /// Enters a story of the board into the lookup tables derived from it.
  private mutating func addToLookups(_ story: Story) {
    if let sprint = story.sprint { sprintMembers[sprint, default: []].insert(story.id) }
    for change in story.scopeHistory {
      if let former = change.previousSprint { formerSprintMembers[former, default: []].insert(story.id) }
    }
    setRowFacts(of: story)
  }

  /// Equal boards hold the same settings and stories; the lookup indexes derived from them
  /// (which may keep a stale entry, harmlessly) are not compared.
  public static func == (lhs: Board, rhs: Board) -> Bool {
    lhs.name == rhs.name && lhs.prefix == rhs.prefix && lhs.definitionOfDone == rhs.definitionOfDone
      && lhs.columns == rhs.columns && lhs.members == rhs.members && lhs.epics == rhs.epics
      && lhs.sprints == rhs.sprints && lhs.workingDays == rhs.workingDays
      && lhs.nextStoryNumber == rhs.nextStoryNumber && lhs.rankOrder == rhs.rankOrder
      && lhs.storiesByID == rhs.storiesByID
  }

  // MARK: reading

  /// All stories in rank order.
  public var stories: [Story] { rankOrder.compactMap { storiesByID[$0] } }

  public var storyCount: Int { rankOrder.count }

  public func story(_ id: StoryID) -> Story? { storiesByID[id] }

  /// The story's key, e.g. `SB-12`.
  public func key(of id: StoryID) -> String { "\(prefix)-\(id.number)" }

  /// The story whose key is `key` (case-insensitive prefix), if any.
  public func storyID(forKey key: String) -> StoryID? {
    let parts = key.split(separator: "-")
    guard parts.count == 2, parts[0].uppercased() == prefix.uppercased(), let number = Int(parts[1])
    else { return nil }
    let id = StoryID(number)
    return storiesByID[id] == nil ? nil : id
  }

  /// The sprint in progress, if any (at most one).
  public var activeSprint: Sprint? { sprints.first { $0.state == .active } }

  /// The sprint the backlog plans into: the active one, else the first planned one.
  public var currentSprint: Sprint? { activeSprint ?? sprints.first { $0.state == .planned } }

  public func sprint(named name: String) -> Sprint? { sprints.first { $0.name == name } }

  public func epic(_ key: String?) -> Epic? {
    guard let key else { return nil }
    return epics.first { $0.key == key }
  }

  public func column(_ id: String) -> Column? { columns.first { $0.id == id } }

  /// Stories of one sprint, or of the product backlog when `sprint` is nil, in rank order.
  public func stories(inSprint sprint: String?) -> [Story] {
    if let sprint {
      // A sprint holds a few dozen stories: sort those, rather than walk the whole ranking. By
      // rank and id, not as stories: each move of a story in a sort copies all its fields (the
      // sprint board lays its cards out this way several times a key).
      let ranked = (sprintMembers[sprint] ?? []).compactMap { id in storiesByID[id].map { (rank: $0.rank, id: id) } }
      return ranked.sorted(by: Board.ranksBefore).compactMap { storiesByID[$0.id] }
    }
    return rankOrder.compactMap { id in
      guard let story = storiesByID[id], story.sprint == nil else { return nil }
      return story
    }
  }

  /// Every story that is or ever was in the sprint, in no particular order.
  public func storiesEverIn(sprint name: String) -> [Story] {
    let ids = (sprintMembers[name] ?? []).union(formerSprintMembers[name] ?? [])
    return ids.compactMap { storiesByID[$0] }
  }

  // MARK: changing

  /// Adds a story right after `neighbour` (or at the end of the backlog when nil), in the
  /// sprint the neighbour is in, with a new key.
  public mutating func addStory(
    title: String, after neighbour: StoryID?, sprint: String? = nil, at now: Date
  ) throws -> (StoryID, BoardChange) {
    let (id, change) = try planAddStory(title: title, after: neighbour, sprint: sprint, at: now)
    try apply(change)
    return (id, change)
  }

  /// The change `addStory` makes, without making it.
  public func planAddStory(
    title: String, after neighbour: StoryID?, sprint: String? = nil, at now: Date
  ) throws -> (StoryID, BoardChange) {
    let cleanTitle = title.trimmingWhitespace()
    guard !cleanTitle.isEmpty else { throw BoardError.emptyTitle }
    let rank: Rank
    var sprintName = sprint
    if let neighbour, let anchor = storiesByID[neighbour] {
      rank = Rank.between(anchor.rank, rankAfter(neighbour))
      sprintName = anchor.sprint
    } else {
      rank = Rank.between(rankOrder.last.flatMap { storiesByID[$0]?.rank }, nil)
    }
    if let sprintName, self.sprint(named: sprintName) == nil { throw BoardError.unknownSprint(sprintName) }
    let story = Story(
      id: StoryID(nextStoryNumber), title: cleanTitle, status: columns.first?.id ?? "todo", rank: rank,
      sprint: sprintName, createdAt: now)
    return (story.id, .storyAdded(story))
  }

  /// Where to put a story relative to another one.
  public enum Placement: Equatable, Sendable {
    case before(StoryID), after(StoryID)
  }

  /// Gives `id` a new rank so that it sits right before or after another story; writes one row.
  public mutating func rank(_ id: StoryID, _ placement: Placement, at now: Date) throws -> BoardChange {
    let change = try planRank(id, placement, at: now)
    try apply(change)
    return change
  }

  /// The change `rank` makes, without making it.
  public func planRank(_ id: StoryID, _ placement: Placement, at now: Date) throws -> BoardChange {
    guard storiesByID[id] != nil else { throw BoardError.unknownStory(id) }
    let anchorID: StoryID
    switch placement {
    case .before(let other), .after(let other): anchorID = other
    }
    guard let anchor = storiesByID[anchorID], let index = rankIndex(of: anchor) else {
      throw BoardError.unknownStory(anchorID)
    }
    guard anchorID != id else { throw BoardError.cannotRankAgainstItself }
    // The neighbour on the other side of the anchor, as it will be once the story has left.
    func neighbour(from start: Int, step: Int) -> Rank? {
      var position = start + step
      while rankOrder.indices.contains(position) {
        if rankOrder[position] != id { return storiesByID[rankOrder[position]]?.rank }
        position += step
      }
      return nil
    }
    let rank: Rank
    switch placement {
    case .before: rank = Rank.between(neighbour(from: index, step: -1), anchor.rank)
    case .after: rank = Rank.between(anchor.rank, neighbour(from: index, step: 1))
    }
    return .storyRanked(id, rank, updatedAt: now)
  }

  /// Moves a story to the very top or bottom of the whole ranking.
  public mutating func rankToEnd(_ id: StoryID, top: Bool, at now: Date) throws -> BoardChange {
    guard storiesByID[id] != nil else { throw BoardError.unknownStory(id) }
    let edge = top ? rankOrder.first { $0 != id } : rankOrder.last { $0 != id }
    let edgeRank = edge.flatMap { storiesByID[$0]?.rank }
    let rank = top ? Rank.between(nil, edgeRank) : Rank.between(edgeRank, nil)
    let change = BoardChange.storyRanked(id, rank, updatedAt: now)
    try apply(change)
    return change
  }

  /// Applies a change in memory; throws, changing nothing, when it does not fit this board.
  public mutating func apply(_ change: BoardChange) throws {
    switch change {
    case .storyAdded(let story):
      guard storiesByID[story.id] == nil else { throw BoardError.unknownStory(story.id) }
      try validateStatus(story.status)
      insert(story)
      nextStoryNumber = max(nextStoryNumber, story.id.number + 1)
    case .storyDeleted(let id):
      guard storiesByID[id] != nil else { throw BoardError.unknownStory(id) }
      remove(id)
    case .storyRanked(let id, let rank, let updatedAt):
      let old = try existing(id)
      var story = old
      story.rank = rank
      story.updatedAt = updatedAt
      rerank(old, as: story)
    case .storyEdited(let id, let fields, let updatedAt):
      // Not through `update`: setting a field reads the board (epics, sprints), which must not
      // overlap the board's own mutation (nor copy the board to avoid it).
      var story = try existing(id)
      let before = (sprint: story.sprint, points: story.points)
      for field in fields { try set(field, of: &story) }
      if before.sprint != story.sprint || before.points != story.points {
        story.scopeHistory.append(
          ScopeChange(
            at: updatedAt, sprint: story.sprint, points: story.points, previousSprint: before.sprint,
            previousPoints: before.points))
      }
      story.updatedAt = updatedAt
      replace(story)
    case .storyMoved(let id, let status, let at):
      try validateStatus(status)
      guard try existing(id).status != status else { return }
      try update(id, at: at) { story in
        story.history.append(StatusChange(from: story.status, to: status, at: at))
        story.status = status
      }
    case .criterionSet(let id, let index, let criterion, let updatedAt):
      try update(id, at: updatedAt) { story in
        guard story.acceptanceCriteria.indices.contains(index) else { throw BoardError.noSuchLine(index) }
        story.acceptanceCriteria[index] = criterion
      }
    case .taskSet(let id, let index, let task, let updatedAt):
      try update(id, at: updatedAt) { story in
        guard story.tasks.indices.contains(index) else { throw BoardError.noSuchLine(index) }
        story.tasks[index] = task
      }
    case .criteriaReplaced(let id, let criteria, let updatedAt):
      try update(id, at: updatedAt) { $0.acceptanceCriteria = criteria }
    case .tasksReplaced(let id, let tasks, let updatedAt):
      try update(id, at: updatedAt) { $0.tasks = tasks }
    case .sprintAdded(let sprint):
      guard self.sprint(named: sprint.name) == nil else { throw BoardError.duplicateSprint(sprint.name) }
      if sprint.state == .active, let active = activeSprint { throw BoardError.anotherSprintActive(active.name) }
      sprints.append(sprint)
    case .sprintRemoved(let name):
      guard let index = sprints.firstIndex(where: { $0.name == name }) else { throw BoardError.unknownSprint(name) }
      sprints.remove(at: index)
    case .epicAdded(let epic):
      guard self.epic(epic.key) == nil else { throw BoardError.unknownEpic(epic.key) }
      epics.append(epic)
    case .epicRemoved(let key):
      guard let index = epics.firstIndex(where: { $0.key == key }) else { throw BoardError.unknownEpic(key) }
      epics.remove(at: index)
    case .sprintUpdated(let sprint):
      guard let index = sprints.firstIndex(where: { $0.name == sprint.name }) else {
        throw BoardError.unknownSprint(sprint.name)
      }
      if sprint.state == .active, let active = activeSprint, active.name != sprint.name {
        throw BoardError.anotherSprintActive(active.name)
      }
      sprints[index] = sprint
    case .workingDaysSet(let days):
      workingDays = days
    case .batch(let changes):
      // All or nothing, like the transaction that writes it.
      var copy = self
      for part in changes { try copy.apply(part) }
      self = copy
    }
  }

  /// The change that undoes `change`, computed against the board as it is before `change`.
  public func inverse(of change: BoardChange) throws -> BoardChange {
    switch change {
    case .storyAdded(let story):
      return .storyDeleted(story.id)
    case .storyDeleted(let id):
      return .storyAdded(try existing(id))
    case .storyRanked(let id, _, _):
      let story = try existing(id)
      return .storyRanked(id, story.rank, updatedAt: story.updatedAt)
    case .storyEdited(let id, let fields, _):
      let story = try existing(id)
      return .storyEdited(id, fields.map { story.current($0) }, updatedAt: story.updatedAt)
    case .storyMoved(let id, _, let at):
      return .storyMoved(id, to: try existing(id).status, at: at)
    case .criterionSet(let id, let index, _, _):
      let story = try existing(id)
      guard story.acceptanceCriteria.indices.contains(index) else { throw BoardError.noSuchLine(index) }
      return .criterionSet(id, index: index, story.acceptanceCriteria[index], updatedAt: story.updatedAt)
    case .taskSet(let id, let index, _, _):
      let story = try existing(id)
      guard story.tasks.indices.contains(index) else { throw BoardError.noSuchLine(index) }
      return .taskSet(id, index: index, story.tasks[index], updatedAt: story.updatedAt)
    case .criteriaReplaced(let id, _, _):
      let story = try existing(id)
      return .criteriaReplaced(id, story.acceptanceCriteria, updatedAt: story.updatedAt)
    case .tasksReplaced(let id, _, _):
      let story = try existing(id)
      return .tasksReplaced(id, story.tasks, updatedAt: story.updatedAt)
    case .sprintAdded(let sprint):
      return .sprintRemoved(name: sprint.name)
    case .sprintRemoved(let name):
      guard let sprint = sprint(named: name) else { throw BoardError.unknownSprint(name) }
      return .sprintAdded(sprint)
    case .sprintUpdated(let sprint):
      guard let current = self.sprint(named: sprint.name) else { throw BoardError.unknownSprint(sprint.name) }
      return .sprintUpdated(current)
    case .workingDaysSet:
      return .workingDaysSet(workingDays)
    case .epicAdded(let epic):
      return .epicRemoved(key: epic.key)
    case .epicRemoved(let key):
      guard let epic = epic(key) else { throw BoardError.unknownEpic(key) }
      return .epicAdded(epic)
    case .batch(let changes):
      var copy = self
      var inverses: [BoardChange] = []
      for part in changes {
        inverses.append(try copy.inverse(of: part))
        try copy.apply(part)
      }
      return .batch(inverses.reversed())
    }
  }

  /// Replaces stories with their versions from another writer, and drops deleted ones: what a
  /// live reload brings in. Settings (columns, sprints, …) are replaced whole by the caller.
  public mutating func merge(stories changed: [Story], deleted: [StoryID], nextStoryNumber next: Int) {
    for id in deleted where storiesByID[id] != nil { remove(id) }
    for story in changed {
      if let old = storiesByID[story.id], old.rank == story.rank {
        replace(story)
      } else {
        if storiesByID[story.id] != nil { remove(story.id) }
        insert(story)
      }
    }
    nextStoryNumber = max(nextStoryNumber, next)
  }

  /// The story, or an error naming it.
  public func existing(_ id: StoryID) throws -> Story {
    guard let story = storiesByID[id] else { throw BoardError.unknownStory(id) }
    return story
  }

  /// The story whose key is `key`, or an error naming the key.
  public func existing(key: String) throws -> Story {
    guard let id = storyID(forKey: key), let story = storiesByID[id] else { throw BoardError.unknownKey(key) }
    return story
  }

  /// The column id for a status given as an id or a title (`in-progress` or `In Progress`).
  public func columnID(for status: String) throws -> String {
    let wanted = status.trimmingWhitespace()
    if let column = columns.first(where: { $0.id == wanted }) { return column.id }
    if let column = columns.first(where: { $0.title.lowercased() == wanted.lowercased() || $0.id == wanted.lowercased() }) {
      return column.id
    }
    throw BoardError.unknownStatus(status, known: columns.map(\.id))
  }

  private func validateStatus(_ status: String) throws {
    guard column(status) != nil else { throw BoardError.unknownStatus(status, known: columns.map(\.id)) }
  }

  private func set(_ field: StoryField, of story: inout Story) throws {
    switch field.normalized {
    case .title(let title):
      guard !title.isEmpty else { throw BoardError.emptyTitle }
      story.title = title
    case .description(let text): story.description = text
    case .type(let type): story.type = type
    case .points(let points): story.points = points
    case .assignee(let assignee): story.assignee = assignee
    case .blocked(let blocked): story.blocked = blocked
    case .epic(let epic):
      if let epic, self.epic(epic) == nil { throw BoardError.unknownEpic(epic) }
      story.epic = epic
    case .labels(let labels): story.labels = labels
    case .sprint(let sprint):
      if let sprint, self.sprint(named: sprint) == nil { throw BoardError.unknownSprint(sprint) }
      story.sprint = sprint
    }
  }

  // MARK: private helpers

  /// The ranking's order: by rank, a tie (two writers at once) by story number.
  public static func ranksBefore(_ a: (rank: Rank, id: StoryID), _ b: (rank: Rank, id: StoryID)) -> Bool {
    a.rank != b.rank ? a.rank < b.rank : a.id < b.id
  }

  private static func precedes(_ a: Story, _ b: Story) -> Bool { ranksBefore((a.rank, a.id), (b.rank, b.id)) }

  private func rankAfter(_ id: StoryID) -> Rank? {
    guard let story = storiesByID[id], let index = rankIndex(of: story), index + 1 < rankOrder.count else { return nil }
    return storiesByID[rankOrder[index + 1]]?.rank
  }

  /// Changes a story in place (not its rank) and stamps it; nothing changes if `body` throws.
  private mutating func update(_ id: StoryID, at updatedAt: Date, _ body: (inout Story) throws -> Void) throws {
    var story = try existing(id)
    try body(&story)
    story.updatedAt = updatedAt
    replace(story)
  }

  private mutating func setRowFacts(of story: Story) {
    let number = story.id.number
    guard number >= 0 else { return }
    if number >= rowFacts.count {
      rowFacts.append(contentsOf: repeatElement(RowFacts(), count: max(number + 1 - rowFacts.count, rowFacts.count / 2)))
    }
    var slot: Int32 = -1
    if let sprint = story.sprint {
      if let existing = sprintSlots[sprint] {
        slot = existing
      } else {
        slot = Int32(sprintNames.count)
        sprintNames.append(sprint)
        sprintSlots[sprint] = slot
      }
    }
    rowFacts[number] = RowFacts(exists: true, sprintSlot: slot, points: story.points?.value ?? 0, ready: story.isReady)
  }

  /// A new version of a story, in place, or a new story's entry (its place in the ranking is
  /// the caller's to keep).
  private mutating func replace(_ story: Story) {
    setRowFacts(of: story)
    let old = storiesByID.updateValue(story, forKey: story.id)
    if old?.sprint != story.sprint || old == nil {
      if let sprint = old?.sprint {
        sprintMembers[sprint]?.remove(story.id)
        formerSprintMembers[sprint, default: []].insert(story.id)
      }
      if let sprint = story.sprint { sprintMembers[sprint, default: []].insert(story.id) }
    }
  }

  private mutating func insert(_ story: Story) {
    replace(story)
    let position = insertionIndex(for: story)
    rankOrder.insert(story.id, at: position)
  }

  private mutating func remove(_ id: StoryID) {
    if rowFacts.indices.contains(id.number) { rowFacts[id.number] = RowFacts() }
    if let sprint = storiesByID.removeValue(forKey: id)?.sprint { sprintMembers[sprint]?.remove(id) }
    rankOrder.removeAll { $0 == id }
  }

  /// The first position whose story comes after `story`, among the stories of the ranking but
  /// the one at `skipped` (one being moved).
  private func insertionIndex(for story: Story, skipping skipped: Int? = nil) -> Int {
    rankOrder.insertionIndex(skipping: skipped) { id in
      guard let other = storiesByID[id] else { return false }
      return Board.precedes(other, story)
    }
  }

  /// Where a story of this board stands in the ranking, found by its rank.
  private func rankIndex(of story: Story) -> Int? {
    let index = insertionIndex(for: story)
    return rankOrder.indices.contains(index) && rankOrder[index] == story.id ? index : rankOrder.firstIndex(of: story.id)
  }

  /// Puts a story given a new rank (`story`; `old` as it was) in its new place, moving only the
  /// stories between its old place and the new.
  private mutating func rerank(_ old: Story, as story: Story) {
    guard let from = rankIndex(of: old) else {
      insert(story)
      return
    }
    replace(story)
    rankOrder.shiftElement(from: from, to: insertionIndex(for: story, skipping: from))
  }
}

/// A story's place and weight in the backlog's layout: its sprint (a slot in
/// `Board.sprintNames`, -1 for the product backlog), its points and whether it is ready.
public struct RowFacts: Equatable, Sendable {
  // Widest first: Swift lays a struct out in this order, and so it takes 16 bytes, not 24 (one
  // per story number: 1.6 MB at 100,000 stories, allocated and cleared as the board loads).
  public var points = 0.0
  public var sprintSlot: Int32 = -1
  public var exists = false
  public var ready = false
  public init() {}
  public init(exists: Bool, sprintSlot: Int32, points: Double, ready: Bool) {
    self.exists = exists
    self.sprintSlot = sprintSlot
    self.points = points
    self.ready = ready
  }
}

extension Board {
  /// This board's settings with another set of stories (a board read in two parts).
  public func with(stories: [Story]) -> Board {
    Board(
      name: name, prefix: prefix, definitionOfDone: definitionOfDone, columns: columns, members: members, epics: epics,
      sprints: sprints, stories: stories, nextStoryNumber: nextStoryNumber, workingDays: workingDays)
  }

  /// Takes the settings (name, prefix, Definition of Done, columns, members, epics, sprints) of
  /// another copy of this board, keeping the stories.
  public mutating func adoptSettings(of other: Board) {
    name = other.name
    prefix = other.prefix
    definitionOfDone = other.definitionOfDone
    columns = other.columns
    members = other.members
    epics = other.epics
    sprints = other.sprints
    workingDays = other.workingDays
    nextStoryNumber = max(nextStoryNumber, other.nextStoryNumber)
  }
}
