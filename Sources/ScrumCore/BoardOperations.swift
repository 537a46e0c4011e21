import Foundation

/// The user-level operations on a board: each validates, applies, and returns the change to
/// write through (and to undo).
extension Board {
  public mutating func edit(_ id: StoryID, _ fields: [StoryField], at now: Date) throws -> BoardChange {
    let change = BoardChange.storyEdited(id, fields, updatedAt: now)
    try apply(change)
    return change
  }

  /// Moves a story to a status column (given by id or title).
  public mutating func move(_ id: StoryID, toStatus status: String, at now: Date) throws -> BoardChange {
    let change = BoardChange.storyMoved(id, to: try columnID(for: status), at: now)
    try apply(change)
    return change
  }

  public mutating func delete(_ id: StoryID) throws -> BoardChange {
    let change = BoardChange.storyDeleted(id)
    try apply(change)
    return change
  }

  public mutating func addCriterion(_ text: String, to id: StoryID, at now: Date) throws -> BoardChange {
    let clean = text.trimmingWhitespace()
    guard !clean.isEmpty else { throw BoardError.emptyTitle }
    let change = BoardChange.criteriaReplaced(id, try existing(id).acceptanceCriteria + [Criterion(clean)], updatedAt: now)
    try apply(change)
    return change
  }

  public mutating func addSprint(_ sprint: Sprint) throws -> BoardChange {
    guard !sprint.name.trimmingWhitespace().isEmpty else { throw BoardError.unknownSprint(sprint.name) }
    let change = BoardChange.sprintAdded(sprint)
    try apply(change)
    return change
  }

  /// Starts a planned sprint; at most one is active.
  public mutating func startSprint(named name: String, on day: Day) throws -> BoardChange {
    guard var sprint = sprint(named: name) else { throw BoardError.unknownSprint(name) }
    guard sprint.state == .planned else { throw BoardError.sprintNotPlanned(name, sprint.state) }
    if let active = activeSprint { throw BoardError.anotherSprintActive(active.name) }
    sprint.state = .active
    if sprint.start == nil { sprint.start = day }
    let change = BoardChange.sprintUpdated(sprint)
    try apply(change)
    return change
  }

  /// Where unfinished stories go when a sprint closes.
  public enum CarryOver: String, Sendable, CaseIterable {
    /// To the top of the product backlog, in their sprint order.
    case backlog
    /// Into the next planned sprint.
    case next
  }

  /// Closes the active sprint. Finished stories (in the last column) stay with it for reports;
  /// the others go where `carryOver` says. One change, one transaction.
  public mutating func closeActiveSprint(carryOver: CarryOver, at now: Date) throws -> BoardChange {
    guard var sprint = activeSprint else { throw BoardError.noActiveSprint }
    let doneStatus = columns.last?.id
    let unfinished = stories(inSprint: sprint.name).filter { $0.status != doneStatus }
    var parts: [BoardChange] = []
    sprint.state = .closed
    sprint.closedAt = now
    if sprint.end == nil { sprint.end = Day(date: now) }
    parts.append(.sprintUpdated(sprint))
    switch carryOver {
    case .next:
      guard let next = sprints.first(where: { $0.state == .planned }) else { throw BoardError.noNextSprint }
      for story in unfinished { parts.append(.storyEdited(story.id, [.sprint(next.name)], updatedAt: now)) }
    case .backlog:
      var top = stories.first?.rank
      for story in unfinished.reversed() {
        let rank = Rank.between(nil, top)
        top = rank
        parts.append(.storyEdited(story.id, [.sprint(nil)], updatedAt: now))
        parts.append(.storyRanked(story.id, rank, updatedAt: now))
      }
    }
    let change = BoardChange.batch(parts)
    try apply(change)
    return change
  }
}

extension BoardChange {
  /// The same change stamped with a new time (an undo is a change made now).
  public func restamped(at now: Date) -> BoardChange {
    switch self {
    case .storyAdded, .storyDeleted, .sprintAdded, .sprintRemoved, .sprintUpdated, .epicAdded, .epicRemoved,
      .workingDaysSet:
      return self
    case .storyRanked(let id, let rank, _): return .storyRanked(id, rank, updatedAt: now)
    case .storyEdited(let id, let fields, _): return .storyEdited(id, fields, updatedAt: now)
    case .storyMoved(let id, let status, _): return .storyMoved(id, to: status, at: now)
    case .criterionSet(let id, let index, let item, _): return .criterionSet(id, index: index, item, updatedAt: now)
    case .taskSet(let id, let index, let item, _): return .taskSet(id, index: index, item, updatedAt: now)
    case .criteriaReplaced(let id, let items, _): return .criteriaReplaced(id, items, updatedAt: now)
    case .tasksReplaced(let id, let items, _): return .tasksReplaced(id, items, updatedAt: now)
    case .batch(let changes): return .batch(changes.map { $0.restamped(at: now) })
    }
  }
}

extension Board {
  /// Splits a story in two: the new story comes right after it, with the same epic, labels,
  /// type and sprint, and takes the acceptance criteria at `criteria` (indices into the
  /// original's). Both stay linked (`splitFrom`). One change: one transaction, one undo.
  public mutating func split(
    _ id: StoryID, newTitle: String, taking criteria: Set<Int>, at now: Date
  ) throws -> (StoryID, BoardChange) {
    let (part, change) = try planSplit(id, newTitle: newTitle, taking: criteria, at: now)
    try apply(change)
    return (part, change)
  }

  /// The change `split` makes, without making it.
  public func planSplit(
    _ id: StoryID, newTitle: String, taking criteria: Set<Int>, at now: Date
  ) throws -> (StoryID, BoardChange) {
    let original = try existing(id)
    let title = newTitle.trimmingWhitespace()
    guard !title.isEmpty else { throw BoardError.emptyTitle }
    let following = rankOrder.firstIndex(of: id).flatMap { index in
      index + 1 < rankOrder.count ? storiesByIDRank(rankOrder[index + 1]) : nil
    }
    let moved = original.acceptanceCriteria.enumerated().filter { criteria.contains($0.offset) }.map(\.element)
    let kept = original.acceptanceCriteria.enumerated().filter { !criteria.contains($0.offset) }.map(\.element)
    let part = Story(
      id: StoryID(nextStoryNumber), title: title, type: original.type, status: columns.first?.id ?? original.status,
      rank: Rank.between(original.rank, following), sprint: original.sprint, epic: original.epic,
      labels: original.labels, acceptanceCriteria: moved, createdAt: now, splitFrom: id)
    var parts: [BoardChange] = [.storyAdded(part)]
    if !moved.isEmpty { parts.append(.criteriaReplaced(id, kept, updatedAt: now)) }
    return (part.id, .batch(parts))
  }

  /// Stories split off from `id`.
  public func parts(splitFrom id: StoryID) -> [Story] {
    stories.filter { $0.splitFrom == id }
  }

  private func storiesByIDRank(_ id: StoryID) -> Rank? { story(id)?.rank }
}
