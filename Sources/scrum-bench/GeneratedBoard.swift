import Foundation
import ScrumCore

/// A large board that looks like a real one, for benchmarks: titles of 20 to 80 characters
/// (a quarter with wide characters), descriptions, acceptance criteria, tasks, labels,
/// assignees, epics, and an active sprint of 40 stories across the columns. The same seed
/// gives the same board.
enum GeneratedBoard {
  private static let verbs = [
    "Show", "Let shoppers", "Export", "Import", "Filter", "Sort", "Remember", "Search", "Cancel", "Undo", "Share",
    "Schedule", "Print", "Archive", "Notify about", "Group", "Preview", "Compare", "Split", "Merge",
  ]
  private static let objects = [
    "delivery slots", "saved cards", "the basket total", "order history", "substitutions", "loyalty points",
    "recipes", "product reviews", "gift cards", "the weekly shop", "dietary filters", "store opening hours",
    "refunds", "invoices", "the checkout page", "price alerts", "favourite products", "coupons",
  ]
  private static let qualifiers = [
    "on the phone", "for a whole family account", "in one tap", "without signing in again",
    "with the bank's reason when it fails", "by date and by amount", "for the next seven days",
    "in the shopper's language", "from the order confirmation e-mail", "when the store is busy", "",
  ]
  private static let wide = ["決済画面", "配送時間", "注文履歴", "🚀", "👍🏽", "한국어 메뉴", "购物车", "🛒 バスケット"]
  private static let people = ["alice", "bob", "chen", "dana", "emeka", "farah", "goran", "hiro", "ines", "jonas"]
  private static let labels = ["payments", "search", "mobile", "security", "pricing", "accessibility", "api", "ux"]

  static func make(stories count: Int, now: Date, seed: UInt64 = 42) -> Board {
    var random = SeededGenerator(seed: seed)
    let ranks = Rank.evenlySpaced(count: count)
    let sprintName = "Sprint 42"
    let sprintSize = min(40, count)
    let start = Day(date: now).adding(days: -4)
    let columns = Column.defaults.map(\.id)
    var stories: [Story] = []
    stories.reserveCapacity(count)
    for index in 0..<count {
      // The sprint's stories come first, then the product backlog.
      let inSprint = index < sprintSize
      let title = makeTitle(index, using: &random)
      let created = now.addingTimeInterval(-Double(Int.random(in: 1...400, using: &random)) * 86_400)
      var story = Story(
        id: StoryID(index + 1), title: title,
        description: "As a shopper I want to \(title.lowercased()) so that my weekly shop takes less time. "
          + "Agreed with support after the \(objects[index % objects.count]) review.",
        type: [.story, .story, .story, .bug, .chore, .spike][Int.random(in: 0..<6, using: &random)],
        points: Points.scale[safe: Int.random(in: 0..<9, using: &random)].flatMap { index % 9 == 0 ? nil : $0 },
        status: "todo", rank: ranks[index], sprint: inSprint ? sprintName : nil,
        epic: ["CHK", "SRCH", "ACC", "OPS", nil][Int.random(in: 0..<5, using: &random)],
        labels: Int.random(in: 0..<3, using: &random) == 0 ? [] : [labels[Int.random(in: 0..<labels.count, using: &random)]],
        assignee: inSprint || index % 4 == 0 ? people[Int.random(in: 0..<people.count, using: &random)] : nil,
        acceptanceCriteria: (0..<Int.random(in: 1...4, using: &random)).map { line in
          Criterion("Criterion \(line + 1): the shopper sees the change at once", done: inSprint && line == 0)
        },
        tasks: (0..<Int.random(in: 0...3, using: &random)).map { line in
          StoryTask("Task \(line + 1)", done: false, assignee: people[(index + line) % people.count])
        },
        createdAt: created)
      if inSprint {
        // Spread over the columns, with a history so that reports have something to show.
        let column = index % columns.count
        var at = start.date.addingTimeInterval(9 * 3600)
        for step in 0..<column {
          story.history.append(StatusChange(from: columns[step], to: columns[step + 1], at: at))
          at = at.addingTimeInterval(Double(Int.random(in: 2...30, using: &random)) * 3600)
        }
        story.status = columns[column]
        if index % 11 == 0 { story.blocked = "Waiting for the payment provider" }
      }
      stories.append(story)
    }
    return Board(
      name: "Generated board (\(count) stories)", prefix: "GB", definitionOfDone: ["Reviewed", "Tested"],
      columns: [
        Column(id: "todo", title: "To Do"), Column(id: "in-progress", title: "In Progress", wipLimit: 12),
        Column(id: "review", title: "Review", wipLimit: 8), Column(id: "done", title: "Done"),
      ],
      members: people,
      epics: [
        Epic(key: "CHK", title: "Checkout", colour: 1), Epic(key: "SRCH", title: "Search", colour: 2),
        Epic(key: "ACC", title: "Accounts", colour: 3), Epic(key: "OPS", title: "Operations", colour: 4),
      ],
      sprints: [
        Sprint(
          name: sprintName, goal: "Checkout in one tap", start: start, end: start.adding(days: 13), state: .active)
      ],
      stories: stories)
  }

  /// 20 to 80 characters; every fourth title holds wide characters.
  private static func makeTitle(_ index: Int, using random: inout SeededGenerator) -> String {
    var title = "\(verbs[Int.random(in: 0..<verbs.count, using: &random)]) \(objects[Int.random(in: 0..<objects.count, using: &random)])"
    let qualifier = qualifiers[Int.random(in: 0..<qualifiers.count, using: &random)]
    if !qualifier.isEmpty { title += " " + qualifier }
    if index % 4 == 0 { title += " " + wide[Int.random(in: 0..<wide.count, using: &random)] }
    while title.count < 20 { title += " now" }
    return title.count > 80 ? String(title.prefix(80)) : title
  }
}
