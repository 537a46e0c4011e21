import ArgumentParser
import Foundation
import ScrumConfig
import ScrumCore
import ScrumStore

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a new, empty board (.scrum/board.db here, or --board PATH).")

  @OptionGroup var options: BoardOption

  @Option(help: "The product's name.")
  var name: String = "My product"

  @Option(help: "The story key prefix, e.g. SB for SB-12.")
  var prefix: String = "SB"

  @Flag(help: "Let the file's group read and write it (a team's board on a shared host).")
  var shared = false

  func validate() throws {
    guard !prefix.isEmpty, prefix.count <= 10, prefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
    else { throw ValidationError("--prefix must be 1 to 10 ASCII letters or digits, e.g. SB") }
    guard !name.trimmingWhitespace().isEmpty else { throw ValidationError("--name must not be empty") }
  }

  func run() throws {
    try reportingFailure {
      let path = BoardLocator().initPath(explicit: options.board)
      let loaded = LoadedConfig.load(environment: processEnvironment())
      if let summary = loaded.summary { FileHandle.standardError.write(Data("scrum: warning: \(summary)\n".utf8)) }
      let board = Board(
        name: name.trimmingWhitespace(), prefix: prefix.uppercased(), columns: loaded.config.newBoardColumns)
      try BoardRepository.create(at: path, board: board, shared: shared).close()
      print("Created board \"\(name.trimmingWhitespace())\" at \(path)")
    }
  }
}
