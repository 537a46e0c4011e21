/// Why a change to the board was refused. Messages are one line, for a user.
public enum BoardError: Error, Equatable, Sendable, CustomStringConvertible {
  case emptyTitle
  case unknownStory(StoryID)
  case cannotRankAgainstItself

  public var description: String {
    switch self {
    case .emptyTitle: return "a story needs a title"
    case .unknownStory(let id): return "no story \(id) on this board"
    case .cannotRankAgainstItself: return "a story cannot be ranked against itself"
    }
  }
}
