/// Why a board file could not be used. Each message is one line and names the file.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  case missing(path: String)
  case alreadyExists(path: String)
  case notABoard(path: String)
  case newerSchema(path: String)
  case cannotOpen(path: String, reason: String)
  case writeFailed(reason: String)
  case damaged(path: String)
  case busy(path: String)
  case readOnly(path: String)
  case storyGone(Int)
  case rowGone
  case notEmpty(path: String)
  case diskFull(path: String)
  case fileReplaced(path: String)

  public var description: String {
    switch self {
    case .missing(let path):
      return "no board at \(path) (create one with `scrum init` or try `scrum demo`)"
    case .alreadyExists(let path): return "a file already exists at \(path); not overwriting it"
    case .notABoard(let path): return "\(path) is not a scrum board; left untouched"
    case .newerSchema(let path):
      return "\(path) was written by a newer version of scrum; upgrade scrum to open it (file left untouched)"
    case .cannotOpen(let path, let reason): return "cannot open \(path): \(reason)"
    case .writeFailed(let reason): return "could not save the change: \(reason)"
    case .damaged(let path): return "\(path) is damaged (SQLite reports corruption); restore it from a backup"
    case .busy(let path): return "\(path) is locked by another writer; try again in a moment"
    case .readOnly(let path): return "cannot write to \(path): the file or its folder is read-only"
    case .storyGone(let number): return "story #\(number) was deleted by someone else meanwhile"
    case .rowGone: return "that line was changed by someone else meanwhile"
    case .notEmpty(let path): return "\(path) already has stories, sprints or epics"
    case .diskFull(let path): return "the disk holding \(path) is full; nothing was saved (free some space and try again)"
    case .fileReplaced(let path):
      return "\(path) was deleted or replaced while open; changes can no longer be saved: quit and open it again"
    }
  }
}
