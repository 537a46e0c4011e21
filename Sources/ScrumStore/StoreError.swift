/// Why a board file could not be used. Each message is one line and names the file.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  case missing(path: String)
  case alreadyExists(path: String)
  case notABoard(path: String)
  case newerSchema(path: String)
  case cannotOpen(path: String, reason: String)
  case writeFailed(reason: String)

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
    }
  }
}
