import ArgumentParser
import Foundation
import ScrumCore
import ScrumStore

struct SprintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sprint", abstract: "Plan, start, close and list sprints.",
    subcommands: [New.self, Start.self, Close.self, ListSprints.self])

  struct New: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Create a planned sprint.")
    @OptionGroup var options: BoardOption
    @Argument(help: "The sprint's name.") var name: String
    @Option(help: "What the sprint is for.") var goal: String = ""
    @Option(help: "First day, YYYY-MM-DD.") var start: String?
    @Option(help: "Last day, YYYY-MM-DD.") var end: String?
    @Option(help: "Capacity in points.") var capacity: Double?

    func run() throws {
      try reportingFailure {
        let startDay = try start.map(parseDay)
        let endDay = try end.map(parseDay)
        if let startDay, let endDay, endDay < startDay {
          throw ValidationError("the sprint ends (\(endDay)) before it starts (\(startDay))")
        }
        try CommandContext.with(options) { context in
          let sprint = Sprint(
            name: name.trimmingWhitespace(), goal: goal, start: startDay, end: endDay, state: .planned, capacity: capacity)
          try context.commit { board in try board.addSprint(sprint) }
          emit("Created sprint \(sprint.name)\n")
        }
      }
    }
  }

  struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Start a planned sprint (at most one is active).")
    @OptionGroup var options: BoardOption
    @Argument(help: "The sprint's name.") var name: String

    func run() throws {
      try reportingFailure {
        try CommandContext.with(options) { context in
          let sprintName = try context.sprintName(name)
          try context.commit { board in try board.startSprint(named: sprintName, on: Day(date: Date())) }
          let notReady = context.board.stories(inSprint: sprintName).filter { !$0.isReady }
          if !notReady.isEmpty {
            let keys = notReady.map { context.board.key(of: $0.id) }.joined(separator: ", ")
            FileHandle.standardError.write(Data("scrum: warning: not ready: \(keys)\n".utf8))
          }
          emit("Started sprint \(sprintName)\n")
        }
      }
    }
  }

  struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close the active sprint.")
    @OptionGroup var options: BoardOption
    @Option(name: .customLong("carry-over"), help: "Where unfinished stories go: backlog (its top) or next.")
    var carryOver: Board.CarryOver = .backlog

    func run() throws {
      try reportingFailure {
        try CommandContext.with(options) { context in
          guard let sprint = context.board.activeSprint else { throw BoardError.noActiveSprint }
          let done = context.board.columns.last?.id
          let stories = context.board.stories(inSprint: sprint.name)
          let finished = stories.filter { $0.status == done }
          try context.commit { board in try board.closeActiveSprint(carryOver: carryOver, at: Date()) }
          let points = finished.compactMap(\.points?.value).reduce(0, +)
          let destination = carryOver == .backlog ? "the top of the backlog" : "the next sprint"
          emit(
            "Closed sprint \(sprint.name): \(finished.count) done (\(Points.format(points)) pts), "
              + "\(stories.count - finished.count) carried over to \(destination)\n")
        }
      }
    }
  }

  struct ListSprints: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the sprints.")
    @OptionGroup var options: BoardOption

    func run() throws {
      try reportingFailure {
        try CommandContext.with(options, readOnly: true) { context in
          let board = context.board
          for sprint in board.sprints {
            let stories = board.stories(inSprint: sprint.name)
            let points = stories.compactMap(\.points?.value).reduce(0, +)
            let dates = "\(sprint.start?.description ?? "-") .. \(sprint.end?.description ?? "-")"
            emit(
              "\(StoryText.inert(sprint.name))\t\(sprint.state.rawValue)\t\(dates)\t\(stories.count) stories\t"
                + "\(Points.format(points)) pts\t\(StoryText.inert(sprint.goal))\n")
          }
        }
      }
    }
  }
}

extension Board.CarryOver: ExpressibleByArgument {}

/// A day from the command line, or a one-line error.
func parseDay(_ text: String) throws -> Day {
  guard let day = Day(text) else { throw ValidationError("\"\(text)\" is not a date of the form YYYY-MM-DD") }
  return day
}
