/// Why a change to the board was refused. Messages are one line, for a user.
public enum BoardError: Error, Equatable, Sendable, CustomStringConvertible {
  case emptyTitle
  case unknownStory(StoryID)
  case unknownKey(String)
  case cannotRankAgainstItself
  case unknownStatus(String, known: [String])
  case unknownSprint(String)
  case unknownEpic(String)
  case pointsNotOnScale(String)
  case duplicateSprint(String)
  case anotherSprintActive(String)
  case sprintNotPlanned(String, SprintState)
  case noActiveSprint
  case noNextSprint
  case noSuchLine(Int)
  case nothingToUndo
  case nothingToRedo

  public var description: String {
    switch self {
    case .emptyTitle: return "a story needs a title"
    case .unknownStory(let id): return "no story \(id) on this board"
    case .unknownKey(let key): return "no story \(key) on this board"
    case .cannotRankAgainstItself: return "a story cannot be ranked against itself"
    case .unknownStatus(let status, let known):
      return "unknown status \"\(status)\" (this board has: \(known.joined(separator: ", ")))"
    case .unknownSprint(let name): return "no sprint named \"\(name)\" on this board"
    case .unknownEpic(let key): return "no epic \"\(key)\" on this board"
    case .pointsNotOnScale(let text):
      return "points must be one of \(Points.scale.map(\.description).joined(separator: ", ")), not \"\(text)\""
    case .duplicateSprint(let name): return "a sprint named \"\(name)\" already exists"
    case .anotherSprintActive(let name): return "sprint \"\(name)\" is already active; close it first"
    case .sprintNotPlanned(let name, let state): return "sprint \"\(name)\" is \(state.rawValue), not planned"
    case .noActiveSprint: return "there is no active sprint"
    case .noNextSprint: return "there is no planned sprint to carry stories over into; create one first"
    case .noSuchLine(let index): return "there is no line \(index + 1)"
    case .nothingToUndo: return "nothing to undo"
    case .nothingToRedo: return "nothing to redo"
    }
  }
}
