import ArgumentParser
import Foundation
import ScrumCore

@main
struct Scrum: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scrum",
    abstract: "A keyboard-first Scrum board for the terminal.",
    discussion: """
      Without a subcommand, opens the board full screen on the backlog. The board is found with \
      --board PATH, then $SCRUM_BOARD, then the nearest .scrum/board.db in this folder or above, \
      then $XDG_DATA_HOME/scrum/board.db (default ~/.local/share/scrum/board.db).
      """,
    version: ScrumVersion.text,
    subcommands: [
      Open.self, BoardCommand.self, Standup.self, Demo.self, Init.self, Add.self, List.self, Show.self, Edit.self, RankCommand.self,
      SprintCommand.self, Workdays.self, Export.self, Import.self, ConfigCommand.self,
    ],
    defaultSubcommand: Open.self)

  /// Like ArgumentParser's own main, but a mistake on the command line is one line on stderr
  /// (as every other error is), not a message followed by the whole usage.
  static func main() {
    do {
      if let plain = PlainOpen(arguments: commandLineArguments()) {
        try plain.run()
      } else {
        var command = try parseAsRoot()
        try command.run()
      }
    } catch {
      let code = exitCode(for: error)
      let text = message(for: error)
      if code == .success || text.isEmpty {
        // --help and --version print as usual; errors already reported just set the status.
        exit(withError: error)
      }
      let oneLine = text.split(separator: "\n").first.map(String.init) ?? text
      FileHandle.standardError.write(Data("scrum: \(oneLine) (see scrum --help)\n".utf8))
      Foundation.exit(code.rawValue)
    }
  }
}

/// The `--board PATH` option every subcommand takes.
struct BoardOption: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The board file to use.", valueName: "path"))
  var board: String?
}
