import ArgumentParser
import Foundation
import ScrumCore
import ScrumStore

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Import a board file: all of it into an empty board, or its stories into a board in use.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json
  }

  @OptionGroup var options: BoardOption
  @Argument(help: "The file to import.") var file: String
  @Option(help: "The file's format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).") var format: Format = .json

  func run() throws {
    try reportingFailure {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw ImportError(file: file, line: 0, field: "", problem: "cannot read the file")
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw ImportError(file: file, line: 1, field: "", problem: "not UTF-8 text")
      }
      let imported = try BoardImport.board(fromJSON: text, file: file)
      try CommandContext.with(options) { context in
        let board = context.board
        if board.storyCount == 0, board.sprints.isEmpty, board.epics.isEmpty {
          try context.repository.replaceEmptyBoard(with: imported)
          emit("Imported \(imported.storyCount) stories, \(imported.sprints.count) sprints and \(imported.epics.count) epics\n")
          return
        }
        // A board in use keeps its settings and keys: the stories come in with new keys, after
        // the last story, into sprints and epics of the same name.
        let now = Date()
        var added = 0
        try context.commit { board in
          var parts: [BoardChange] = []
          for story in imported.stories {
            if let sprint = story.sprint, board.sprint(named: sprint) == nil { throw BoardError.unknownSprint(sprint) }
            if let epic = story.epic, board.epic(epic) == nil { throw BoardError.unknownEpic(epic) }
            let status = try board.columnID(for: story.status)
            var copy = story
            copy.id = StoryID(board.nextStoryNumber)
            copy.status = status
            copy.rank = Rank.between(board.stories.last?.rank, nil)
            copy.updatedAt = max(copy.updatedAt, now)
            let change = BoardChange.storyAdded(copy)
            try board.apply(change)
            parts.append(change)
          }
          added = parts.count
          return .batch(parts)
        }
        emit("Imported \(added) stories with new keys\n")
      }
    }
  }
}
