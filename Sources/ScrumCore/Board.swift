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
  /// The number the next new story gets; numbers are never reused.
  public private(set) var nextStoryNumber: Int

  private var storiesByID: [StoryID: Story]
  /// Every story id, ordered by rank (ties, which only concurrent writers make, by id).
  public private(set) var rankOrder: [StoryID]

  public init(
    name: String, prefix: String, definitionOfDone: [String] = [], columns: [Column] = Column.defaults,
    members: [String] = [], epics: [Epic] = [], sprints: [Sprint] = [], stories: [Story] = [],
    nextStoryNumber: Int? = nil
  ) {
    self.name = name
    self.prefix = prefix
    self.definitionOfDone = definitionOfDone
    self.columns = columns
    self.members = members
    self.epics = epics
    self.sprints = sprints
    self.storiesByID = Dictionary(stories.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    self.rankOrder = storiesByID.values.sorted(by: Board.precedes).map(\.id)
    let highest = stories.map(\.id.number).max() ?? 0
    self.nextStoryNumber = max(nextStoryNumber ?? 1, highest + 1)
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
    rankOrder.compactMap { id in
      guard let story = storiesByID[id], story.sprint == sprint else { return nil }
      return story
    }
  }

  // MARK: changing

  /// Adds a story right after `neighbour` (or at the end of the backlog when nil), in the
  /// sprint the neighbour is in, with a new key.
  public mutating func addStory(
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
    let id = StoryID(nextStoryNumber)
    let story = Story(
      id: id, title: cleanTitle, status: columns.first?.id ?? "todo", rank: rank, sprint: sprintName,
      createdAt: now)
    nextStoryNumber += 1
    insert(story)
    return (id, .storyAdded(story))
  }

  /// Where to put a story relative to another one.
  public enum Placement: Equatable, Sendable {
    case before(StoryID), after(StoryID)
  }

  /// Gives `id` a new rank so that it sits right before or after another story; writes one row.
  public mutating func rank(_ id: StoryID, _ placement: Placement, at now: Date) throws -> BoardChange {
    guard var story = storiesByID[id] else { throw BoardError.unknownStory(id) }
    let anchorID: StoryID
    switch placement {
    case .before(let other), .after(let other): anchorID = other
    }
    guard let anchor = storiesByID[anchorID] else { throw BoardError.unknownStory(anchorID) }
    guard anchorID != id else { throw BoardError.cannotRankAgainstItself }
    remove(id)
    switch placement {
    case .before: story.rank = Rank.between(rankBefore(anchorID), anchor.rank)
    case .after: story.rank = Rank.between(anchor.rank, rankAfter(anchorID))
    }
    story.updatedAt = now
    insert(story)
    return .storyRanked(id, story.rank, updatedAt: now)
  }

  // MARK: private helpers

  private static func precedes(_ a: Story, _ b: Story) -> Bool {
    a.rank != b.rank ? a.rank < b.rank : a.id < b.id
  }

  private func rankAfter(_ id: StoryID) -> Rank? {
    guard let index = rankOrder.firstIndex(of: id), index + 1 < rankOrder.count else { return nil }
    return storiesByID[rankOrder[index + 1]]?.rank
  }

  private func rankBefore(_ id: StoryID) -> Rank? {
    guard let index = rankOrder.firstIndex(of: id), index > 0 else { return nil }
    return storiesByID[rankOrder[index - 1]]?.rank
  }

  private mutating func insert(_ story: Story) {
    storiesByID[story.id] = story
    let position = insertionIndex(for: story)
    rankOrder.insert(story.id, at: position)
  }

  private mutating func remove(_ id: StoryID) {
    storiesByID[id] = nil
    rankOrder.removeAll { $0 == id }
  }

  /// Binary search for the first position whose story comes after `story`.
  private func insertionIndex(for story: Story) -> Int {
    var low = 0
    var high = rankOrder.count
    while low < high {
      let middle = (low + high) / 2
      if let other = storiesByID[rankOrder[middle]], Board.precedes(other, story) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low
  }
}
