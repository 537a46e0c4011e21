import ArgumentParser
import Foundation
import Glibc
import ScrumCore
import ScrumStore

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import stories: a scrum board file, scrum's CSV, Jira's CSV, GitHub or Trello JSON.",
    discussion: """
      A json (scrum-board) file fills an empty board whole, keys included; into a board in use, \
      and for every other format, the stories come in after the last one with new keys, creating \
      the epics and sprints they name. One transaction: a file with an error imports nothing.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json, csv
    case jiraCSV = "jira-csv"
    case gitHubJSON = "github-json"
    case trelloJSON = "trello-json"
  }

  @OptionGroup var options: BoardOption
  @Argument(help: "The file to import.") var file: String
  @Option(help: "The file's format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).") var format: Format = .json
  @Flag(help: "Print what would be created, and the warnings; change nothing.") var dryRun = false
  @Flag(help: "Replace bytes that are not UTF-8 instead of refusing the file.") var lenient = false

  func run() throws {
    try reportingFailure {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw ImportError(file: file, line: 0, field: "", problem: "cannot read the file")
      }
      let text = try ForeignImport.text(of: data, file: file, lenient: lenient)
      try CommandContext.with(options) { context in
        let board = context.board
        if format == .json {
          let imported = try BoardImport.board(fromJSON: text, file: file)
          if board.storyCount == 0, board.sprints.isEmpty, board.epics.isEmpty {
            if dryRun {
              emit("Would import \(imported.storyCount) stories, \(imported.sprints.count) sprints and \(imported.epics.count) epics\n")
              return
            }
            try context.repository.replaceEmptyBoard(with: imported)
            emit("Imported \(imported.storyCount) stories, \(imported.sprints.count) sprints and \(imported.epics.count) epics\n")
            return
          }
          try importPlan(plan(from: imported), into: &context)
          return
        }
        let plan: ImportPlan
        switch format {
        case .json: return
        case .csv: plan = try ForeignImport.csv(text, file: file, prefix: board.prefix)
        case .jiraCSV: plan = try ForeignImport.jiraCSV(text, file: file)
        case .gitHubJSON: plan = try ForeignImport.gitHubJSON(text, file: file)
        case .trelloJSON: plan = try ForeignImport.trelloJSON(text, file: file)
        }
        try importPlan(plan, into: &context)
      }
    }
  }

  /// A scrum-board file's stories, for a board already in use: they get new keys.
  private func plan(from imported: Board) -> ImportPlan {
    var plan = ImportPlan()
    plan.epics = imported.epics
    plan.stories = imported.stories.map { story in
      var item = ImportedStory(line: 0, title: story.title)
      item.description = story.description
      item.type = story.type
      item.points = story.points
      item.status = story.status
      item.sprint = story.sprint
      item.epic = story.epic
      item.labels = story.labels
      item.assignee = story.assignee
      item.blocked = story.blocked
      item.criteria = story.acceptanceCriteria
      item.tasks = story.tasks
      item.reference = story.reference ?? imported.key(of: story.id)
      item.createdAt = story.createdAt
      item.updatedAt = story.updatedAt
      return item
    }
    return plan
  }

  private func importPlan(_ plan: ImportPlan, into context: inout CommandContext) throws {
    let (change, warnings) = plan.change(on: context.board, at: Date())
    guard case .batch(let parts) = change else { return }
    let stories = parts.compactMap { part -> Story? in
      if case .storyAdded(let story) = part { return story }
      return nil
    }
    let epics = parts.filter { if case .epicAdded = $0 { return true } else { return false } }.count
    let sprints = parts.filter { if case .sprintAdded = $0 { return true } else { return false } }.count
    for warning in warnings { FileHandle.standardError.write(Data("scrum: warning: \(file): \(warning)\n".utf8)) }
    let summary = "\(stories.count) stories, \(epics) new epics and \(sprints) new sprints"
    if dryRun {
      emit("Would import \(summary):\n")
      for story in stories {
        let points = story.points.map { " · \($0) pts" } ?? ""
        emit("  \(context.board.prefix)-\(story.id.number)  [\(story.status)\(points)] \(StoryText.inert(story.title))\n")
      }
      return
    }
    if stories.count > 5_000, isatty(STDERR_FILENO) == 1 {
      FileHandle.standardError.write(Data("Importing \(stories.count) stories in one transaction…\n".utf8))
    }
    try context.commit { board in
      try board.apply(change)
      return change
    }
    emit("Imported \(summary)\n")
  }
}
