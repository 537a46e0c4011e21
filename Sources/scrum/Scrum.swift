import ArgumentParser

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
    subcommands: [
      Open.self, Demo.self, Init.self, Add.self, List.self, Show.self, Edit.self, RankCommand.self,
      SprintCommand.self, Export.self, Import.self,
    ],
    defaultSubcommand: Open.self)
}

/// The `--board PATH` option every subcommand takes.
struct BoardOption: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The board file to use.", valueName: "path"))
  var board: String?
}
