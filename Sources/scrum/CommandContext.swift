import Foundation
import ScrumCore
import ScrumStore

/// A command's board: found, opened, loaded; and the one way commands change it, so that a
/// script's change is written exactly like a key press in the board.
struct CommandContext {
  let repository: BoardRepository
  var board: Board

  /// `readOnly` for commands that only read: they work on boards the user may not write, and
  /// never change a byte.
  static func open(_ options: BoardOption, readOnly: Bool = false) throws -> CommandContext {
    let path = BoardLocator().boardPath(explicit: options.board)
    let repository = try BoardRepository.open(at: path, readOnly: readOnly)
    return CommandContext(repository: repository, board: try repository.load())
  }

  /// Runs a command's work on its board, and closes the board however the work ends.
  static func with<T>(
    _ options: BoardOption, readOnly: Bool = false, _ body: (inout CommandContext) throws -> T
  ) throws -> T {
    var context = try open(options, readOnly: readOnly)
    defer { context.repository.close() }
    return try body(&context)
  }

  /// Applies a change in memory and writes it through in one transaction; nothing is written
  /// when the change is refused.
  @discardableResult
  mutating func commit(_ makeChange: (inout Board) throws -> BoardChange) throws -> WriteResult {
    let change = try makeChange(&board)
    return try repository.apply(change)
  }

  /// The story with this key, or a one-line error.
  func story(_ key: String) throws -> Story { try board.existing(key: key) }

  /// A sprint by name, or `current` for the active (else the first planned) sprint.
  func sprintName(_ name: String) throws -> String {
    if name.lowercased() == "current" {
      guard let sprint = board.currentSprint else { throw BoardError.noActiveSprint }
      return sprint.name
    }
    guard let sprint = board.sprint(named: name) ?? board.sprints.first(where: { $0.name.lowercased() == name.lowercased() })
    else { throw BoardError.unknownSprint(name) }
    return sprint.name
  }

  /// An epic by key or title.
  func epicKey(_ text: String) throws -> String {
    let wanted = text.lowercased()
    guard let epic = board.epics.first(where: { $0.key.lowercased() == wanted || $0.title.lowercased() == wanted })
    else { throw BoardError.unknownEpic(text) }
    return epic.key
  }
}

/// Points from the command line: a value on the scale, or `none` to clear the estimate.
func parsePoints(_ text: String) throws -> Points? {
  if text.lowercased() == "none" { return nil }
  guard let points = Points(parsing: text) else { throw BoardError.pointsNotOnScale(text) }
  return points
}

/// Writes text to standard output.
func emit(_ text: String) {
  FileHandle.standardOutput.write(Data(text.utf8))
}
