import ArgumentParser
import Foundation
import ScrumStore

struct Open: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open", abstract: "Open the board full screen (the default).")

  @OptionGroup var options: BoardOption

  func run() throws {
    try reportingFailure {
      let environment = ProcessInfo.processInfo.environment
      let term = try preflightTerminal(environment)
      let path = BoardLocator().boardPath(explicit: options.board)
      let repository = try BoardRepository.open(at: path)
      try runBoard(repository: repository, term: term, environment: environment)
    }
  }
}
