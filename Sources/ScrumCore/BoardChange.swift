import Foundation

/// One user action's effect on the board, as a store writes it through: only what changed.
public enum BoardChange: Equatable, Sendable {
  /// A new story, with everything it holds.
  case storyAdded(Story)
  /// A story's rank changed (and with it, its `updatedAt`).
  case storyRanked(StoryID, Rank, updatedAt: Date)
}
