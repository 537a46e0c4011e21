import ArgumentParser
import Foundation
import BoardApp
import ScrumStore
import ScrumCore

struct Open: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open", abstract: "Open the board full screen (the default).")

  @OptionGroup var options: BoardOption

  func run() throws { try openFullScreen(board: options.board, pane: .backlog) }
}

/// `scrum` and `scrum --board PATH`, what is typed many times a day, read without
/// ArgumentParser: it builds its whole command tree by reflection before it looks at the
/// arguments (1.4 ms, a tenth of a large board's first frame). Every other command line, `--help`
/// and every mistake included, goes through it as usual.
struct PlainOpen {
  let board: String?

  init?(arguments: [String]) {
    if arguments.isEmpty {
      board = nil
      return
    }
    let path: String
    if arguments.count == 2, arguments[0] == "--board" {
      path = arguments[1]
    } else if arguments.count == 1, arguments[0].hasPrefix("--board=") {
      path = String(arguments[0].dropFirst("--board=".count))
    } else {
      return nil
    }
    // A missing value stays ArgumentParser's to report.
    guard !path.isEmpty, !path.hasPrefix("-") else { return nil }
    board = path
  }

  func run() throws { try openFullScreen(board: board, pane: .backlog) }
}

struct BoardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "board", abstract: "Open on the sprint board.")

  @OptionGroup var options: BoardOption

  func run() throws { try openFullScreen(board: options.board, pane: .board) }
}

struct Standup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "standup",
    abstract:
      "Open the sprint board in standup mode (seconds per person: [standup] timebox in config.toml, or $SCRUM_STANDUP_TIMEBOX; default 120).")

  @OptionGroup var options: BoardOption

  @Flag(help: "Lead (facilitate): the others follow your screen with F, and you start planning poker.")
  var lead = false

  func run() throws { try openFullScreen(board: options.board, pane: .board, standup: true, lead: lead) }
}

/// Finds and opens the board, then runs it full screen on `pane`.
private func openFullScreen(board: String?, pane: Pane, standup: Bool = false, lead: Bool = false) throws {
  try reportingFailure {
    let environment = processEnvironment()
    let term = try preflightTerminal(environment)
    try runBoard(
      .file(path: BoardLocator(environment: environment).boardPath(explicit: board)), term: term, environment: environment, pane: pane,
      standup: standup, lead: lead)
  }
}
