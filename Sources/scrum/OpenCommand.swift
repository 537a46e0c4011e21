import ArgumentParser
import Foundation
import BoardApp
import ScrumStore

struct Open: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open", abstract: "Open the board full screen (the default).")

  @OptionGroup var options: BoardOption

  func run() throws { try openFullScreen(options, pane: .backlog) }
}

struct BoardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "board", abstract: "Open on the sprint board.")

  @OptionGroup var options: BoardOption

  func run() throws { try openFullScreen(options, pane: .board) }
}

struct Standup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "standup",
    abstract:
      "Open the sprint board in standup mode (seconds per person: [standup] timebox in config.toml, or $SCRUM_STANDUP_TIMEBOX; default 120).")

  @OptionGroup var options: BoardOption

  @Flag(help: "Lead (facilitate): the others follow your screen with F, and you start planning poker.")
  var lead = false

  func run() throws { try openFullScreen(options, pane: .board, standup: true, lead: lead) }
}

/// Finds and opens the board, then runs it full screen on `pane`.
private func openFullScreen(_ options: BoardOption, pane: Pane, standup: Bool = false, lead: Bool = false) throws {
  try reportingFailure {
    let environment = ProcessInfo.processInfo.environment
    let term = try preflightTerminal(environment)
    let repository = try BoardRepository.open(at: BoardLocator().boardPath(explicit: options.board))
    try runBoard(repository: repository, term: term, environment: environment, pane: pane, standup: standup, lead: lead)
  }
}
