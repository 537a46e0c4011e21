import Foundation

/// A field of a story that an edit sets. Status is not here: a status change is a move, which
/// also records history (`BoardChange.storyMoved`).
public enum StoryField: Equatable, Sendable {
  case title(String)
  case description(String)
  case type(StoryType)
  case points(Points?)
  case assignee(String?)
  case blocked(String?)
  case epic(String?)
  case labels([String])
  case sprint(String?)
}

extension StoryField {
  /// The value as a board keeps it (a title without surrounding spaces): what memory applies
  /// and what a store writes, so the two never differ.
  public var normalized: StoryField {
    if case .title(let title) = self { return .title(title.trimmingWhitespace()) }
    return self
  }

  /// Whether setting this field moves the story into or out of a sprint.
  public var movesStory: Bool {
    if case .sprint = self { return true }
    return false
  }

  /// Whether setting this field can change what a sprint holds (its stories or their points).
  public var changesScope: Bool {
    switch self {
    case .sprint, .points: return true
    default: return false
    }
  }
}

/// One user action's effect on the board, as a store writes it through: only what changed.
/// `Board.apply` makes it happen in memory, a store makes it happen on disk, and
/// `Board.inverse(of:)` gives the change that undoes it.
public indirect enum BoardChange: Equatable, Sendable {
  /// A new story, with everything it holds.
  case storyAdded(Story)
  case storyDeleted(StoryID)
  /// A story's rank changed (and with it, its `updatedAt`).
  case storyRanked(StoryID, Rank, updatedAt: Date)
  /// Some fields of a story were set; the others are untouched.
  case storyEdited(StoryID, [StoryField], updatedAt: Date)
  /// A story moved to another status column; recorded in its history.
  case storyMoved(StoryID, to: String, at: Date)
  /// One acceptance criterion was set (ticked, reworded) in place.
  case criterionSet(StoryID, index: Int, Criterion, updatedAt: Date)
  /// One task was set in place.
  case taskSet(StoryID, index: Int, StoryTask, updatedAt: Date)
  /// The whole list of criteria was replaced (a line added, removed or reordered).
  case criteriaReplaced(StoryID, [Criterion], updatedAt: Date)
  case tasksReplaced(StoryID, [StoryTask], updatedAt: Date)
  case sprintAdded(Sprint)
  case epicAdded(Epic)
  case epicRemoved(key: String)
  case sprintRemoved(name: String)
  /// A sprint's goal, dates, state or capacity changed.
  case sprintUpdated(Sprint)
  /// The board's working days changed.
  case workingDaysSet(WorkingDays)
  /// Several changes that belong to one action (closing a sprint, an import): one transaction.
  case batch([BoardChange])

  /// The stories this change touches.
  public var storyIDs: [StoryID] {
    switch self {
    case .storyAdded(let story): return [story.id]
    case .storyDeleted(let id), .storyRanked(let id, _, _), .storyEdited(let id, _, _), .storyMoved(let id, _, _),
      .criterionSet(let id, _, _, _), .taskSet(let id, _, _, _), .criteriaReplaced(let id, _, _),
      .tasksReplaced(let id, _, _):
      return [id]
    case .sprintAdded, .sprintRemoved, .sprintUpdated, .epicAdded, .epicRemoved, .workingDaysSet: return []
    case .batch(let changes): return changes.flatMap(\.storyIDs)
    }
  }
}
