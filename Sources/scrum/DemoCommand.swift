import ArgumentParser
import Foundation
import ScrumCore
import ScrumStore

struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Create (or reuse) a sample board and open it.",
    discussion: "Without --board, the sample lives in $XDG_DATA_HOME/scrum/demo.db, apart from your real board.")

  @OptionGroup var options: BoardOption

  @Option(help: "Extra generated backlog stories, to try a large backlog.")
  var stories: Int = 0

  func validate() throws {
    guard (0...1_000_000).contains(stories) else {
      throw ValidationError("--stories must be between 0 and 1000000")
    }
  }

  func run() throws {
    try reportingFailure {
      let environment = processEnvironment()
      // Check the terminal before creating anything: a failed command changes nothing.
      let term = try preflightTerminal(environment)
      let path = BoardLocator(environment: environment).demoPath(explicit: options.board)
      if FileManager.default.fileExists(atPath: path) {
        try runBoard(.file(path: path), term: term, environment: environment)
      } else {
        let repository = try BoardRepository.create(at: path, board: SampleBoard.make(now: Date(), extraStories: stories))
        try runBoard(.opened(repository), term: term, environment: environment)
      }
    }
  }
}
