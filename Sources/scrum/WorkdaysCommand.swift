import ArgumentParser
import Foundation
import ScrumCore
import ScrumStore

/// The board's working days: what burndowns and cycle times count as days of work.
struct Workdays: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "workdays",
    abstract: "Show or set the days the team works (burndowns and cycle times skip the others).",
    discussion: "DAYS is a list or range of weekdays: mon-fri (the default), sun-thu, mon,tue,thu, all.")

  @OptionGroup var options: BoardOption

  @Argument(help: ArgumentHelp("The new working days; without it, prints them.", valueName: "days"))
  var days: String?

  func run() throws {
    try reportingFailure {
      guard let days else {
        try CommandContext.with(options, readOnly: true) { context in emit("\(context.board.workingDays)\n") }
        return
      }
      guard let parsed = WorkingDays(parsing: days) else {
        throw ValidationError("cannot read working days \"\(days)\": write them like mon-fri, sun-thu, mon,wed,fri or all")
      }
      try CommandContext.with(options) { context in
        try context.commit { board in
          let change = BoardChange.workingDaysSet(parsed)
          try board.apply(change)
          return change
        }
        emit("Working days: \(parsed)\n")
      }
    }
  }
}
