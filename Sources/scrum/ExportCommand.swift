import ArgumentParser
import BoardApp
import Foundation
import ScrumStore

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "export", abstract: "Print the board in a portable format.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json, csv, markdown
  }

  @OptionGroup var options: BoardOption

  @Option(help: "The format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: Format = .json

  @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
  var out: String?

  @Option(
    help: ArgumentHelp(
      "With --format markdown: the sprint review of this sprint (a name, or current).", valueName: "name"))
  var sprint: String?

  func validate() throws {
    if sprint != nil, format != .markdown {
      throw ValidationError("--sprint makes a sprint review, which is Markdown: add --format markdown")
    }
  }

  func run() throws {
    try reportingFailure {
      let path = BoardLocator().boardPath(explicit: options.board)
      let repository = try BoardRepository.open(at: path, readOnly: true)
      defer { repository.close() }
      let board = try repository.load()
      let text: String
      switch format {
      case .json: text = BoardExport.json(board).rendered()
      case .csv: text = BoardTextExport.csv(board)
      case .markdown:
        if let sprint {
          let chosen = try SprintReview.sprint(named: sprint, on: board)
          text = SprintReview.markdown(board: board, sprint: chosen, now: Date())
        } else {
          text = BoardTextExport.markdown(board)
        }
      }
      if let out {
        // Written whole or not at all.
        try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
      } else {
        FileHandle.standardOutput.write(Data(text.utf8))
      }
    }
  }
}
