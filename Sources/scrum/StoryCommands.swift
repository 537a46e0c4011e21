import ArgumentParser
import Foundation
import ScrumCore
import ScrumStore

extension StoryType: ExpressibleByArgument {}

struct Add: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a story at the end of the backlog; prints its key.")

  @OptionGroup var options: BoardOption
  @Argument(help: "The story's title.") var title: String
  @Option(help: "Estimate on the scale 0, 0.5, 1, 2, 3, 5, 8, 13, 20, 40, 100.") var points: String?
  @Option(help: "story, bug, chore or spike.") var type: StoryType = .story
  @Option(help: "Epic key or title.") var epic: String?
  @Option(help: "A label (repeat for more).") var label: [String] = []
  @Option(help: "Team member.") var assignee: String?
  @Option(help: "A sprint's name, or current.") var sprint: String?
  @Option(help: "An acceptance criterion (repeat for more).") var criterion: [String] = []

  func run() throws {
    try reportingFailure {
      try CommandContext.with(options) { context in
        let now = Date()
        var fields: [StoryField] = [.type(type), .labels(label)]
        if let points { fields.append(.points(try parsePoints(points))) }
        if let epic { fields.append(.epic(try context.epicKey(epic))) }
        if let assignee { fields.append(.assignee(assignee)) }
        let sprintName = try sprint.map { try context.sprintName($0) }
        let criteria = criterion.map { Criterion($0.trimmingWhitespace()) }.filter { !$0.text.isEmpty }
        let result = try context.commit { board in
          let (id, _) = try board.addStory(title: title, after: nil, sprint: sprintName, at: now)
          _ = try board.edit(id, fields, at: now)
          if !criteria.isEmpty { try board.apply(.criteriaReplaced(id, criteria, updatedAt: now)) }
          // The whole story goes in as one new row set: one transaction, one key.
          return .storyAdded(try board.existing(id))
        }
        guard case .storyAdded(let stored) = result.change else { return }
        emit(context.board.key(of: stored.id) + "\n")
      }
    }
  }
}

struct List: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List stories in rank order.")

  @OptionGroup var options: BoardOption
  @Option(help: "A sprint's name, current, or backlog.") var sprint: String?
  @Option(help: "A status: column id or title.") var status: String?
  @Flag(help: "Print a JSON array of story objects.") var json = false

  func run() throws {
    try reportingFailure {
      try CommandContext.with(options, readOnly: true) { context in
        let board = context.board
        var stories: [Story]
        switch sprint?.lowercased() {
        case nil:
          stories = board.stories(inSprint: nil)
          for sprint in board.sprints { stories += board.stories(inSprint: sprint.name) }
        case "backlog": stories = board.stories(inSprint: nil)
        default: stories = board.stories(inSprint: try context.sprintName(sprint ?? ""))
        }
        if let status {
          let column = try board.columnID(for: status)
          stories = stories.filter { $0.status == column }
        }
        if json {
          emit(JSONValue.array(stories.map { BoardExport.story(board, $0) }).rendered())
          return
        }
        emit(StoryText.table(stories, on: board))
      }
    }
  }
}

struct Show: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one story.")

  @OptionGroup var options: BoardOption
  @Argument(help: "The story's key, e.g. SB-12.") var key: String
  @Flag(help: "Print the story as a JSON object.") var json = false

  func run() throws {
    try reportingFailure {
      try CommandContext.with(options, readOnly: true) { context in
        let story = try context.story(key)
        let rounds = try context.repository.rounds(of: story.id)
        let present = rounds.contains { $0.outcome == nil } ? try context.repository.presence(at: Date()).map(\.instance) : []
        emit(
          json
            ? BoardExport.story(context.board, story).rendered()
            : StoryText.detail(story, on: context.board, pokerRounds: rounds, present: Set(present)))
      }
    }
  }
}

struct Edit: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change fields of a story.")

  @OptionGroup var options: BoardOption
  @Argument(help: "The story's key.") var key: String
  @Option(help: "New title.") var title: String?
  @Option(help: "Estimate on the scale, or none.") var points: String?
  @Option(help: "Status: column id or title.") var status: String?
  @Option(help: "Team member, or an empty string for nobody.") var assignee: String?
  @Option(help: "Flag an impediment with this text.") var blocked: String?
  @Flag(help: "Clear the impediment.") var unblocked = false

  func validate() throws {
    if blocked != nil, unblocked { throw ValidationError("--blocked and --unblocked cannot go together") }
    if title == nil, points == nil, status == nil, assignee == nil, blocked == nil, !unblocked {
      throw ValidationError("nothing to change: give at least one of --title, --points, --status, --assignee, --blocked, --unblocked")
    }
  }

  func run() throws {
    try reportingFailure {
      try CommandContext.with(options) { context in
        let id = try context.story(key).id
        let now = Date()
        var fields: [StoryField] = []
        if let title { fields.append(.title(title)) }
        if let points { fields.append(.points(try parsePoints(points))) }
        if let assignee { fields.append(.assignee(assignee.isEmpty ? nil : assignee)) }
        if let blocked { fields.append(.blocked(blocked.trimmingWhitespace().isEmpty ? nil : blocked)) }
        if unblocked { fields.append(.blocked(nil)) }
        let column = try status.map { try context.board.columnID(for: $0) }
        try context.commit { board in
          var parts: [BoardChange] = []
          if !fields.isEmpty { parts.append(try board.edit(id, fields, at: now)) }
          if let column { parts.append(try board.move(id, toStatus: column, at: now)) }
          return parts.count == 1 ? parts[0] : .batch(parts)
        }
      }
    }
  }
}

struct RankCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "rank", abstract: "Move a story in the ranking.")

  @OptionGroup var options: BoardOption
  @Argument(help: "The story's key.") var key: String
  @Flag(help: "To the top.") var top = false
  @Flag(help: "To the bottom.") var bottom = false
  @Option(help: "Right before this story.") var before: String?
  @Option(help: "Right after this story.") var after: String?

  func validate() throws {
    let given = [top, bottom, before != nil, after != nil].filter { $0 }.count
    guard given == 1 else { throw ValidationError("give exactly one of --top, --bottom, --before KEY, --after KEY") }
  }

  func run() throws {
    try reportingFailure {
      try CommandContext.with(options) { context in
        let id = try context.story(key).id
        let now = Date()
        let anchor = try (before ?? after).map { try context.story($0).id }
        try context.commit { board in
          if top || bottom { return try board.rankToEnd(id, top: top, at: now) }
          guard let anchor else { throw BoardError.unknownKey(key) }
          return try board.rank(id, before != nil ? .before(anchor) : .after(anchor), at: now)
        }
      }
    }
  }
}
