import Foundation

/// The demo board: a small online grocery shop's product backlog, mid-sprint.
public enum SampleBoard {
  private struct Item {
    let title: String
    let type: StoryType
    let points: Double?
    let epic: String?
    let labels: [String]
    let assignee: String?
    let criteria: [String]
    var status = "todo"
    var sprint: String? = nil
    var tasks: [(String, Bool)] = []
    var blocked: String? = nil
    var doneCriteria = 0
  }

  private static let activeSprint = "Sprint 14"

  private static let items: [Item] = [
    // The active sprint, in several columns.
    Item(
      title: "Pay with a saved card", type: .story, points: 5, epic: "CHK", labels: ["payments"],
      assignee: "alice",
      criteria: [
        "Saved cards are listed with brand and last four digits",
        "Paying with a saved card asks only for the CVC",
        "A declined card shows the bank's reason",
      ], status: "in-progress", sprint: activeSprint,
      tasks: [("Card vault API client", true), ("Checkout card picker", false), ("Decline messages", false)],
      doneCriteria: 1),
    Item(
      title: "Show delivery slots for the next 7 days", type: .story, points: 8, epic: "CHK",
      labels: ["delivery"], assignee: "bob",
      criteria: ["Slots show day, time window and price", "Full slots are greyed out and cannot be picked"],
      status: "review", sprint: activeSprint, tasks: [("Slot service", true), ("Slot grid", true)],
      doneCriteria: 2),
    Item(
      title: "Search suggests products as I type", type: .story, points: 5, epic: "SRCH",
      labels: ["search", "mobile"], assignee: "chen",
      criteria: ["Suggestions appear after two letters", "Typos within one letter still match"],
      status: "in-progress", sprint: activeSprint, blocked: "Waiting for the search cluster upgrade"),
    Item(
      title: "Basket total is wrong with two discount codes", type: .bug, points: 3, epic: "CHK",
      labels: ["payments"], assignee: "dana",
      criteria: ["Discounts apply in the order entered", "The total matches the receipt"], status: "done",
      sprint: activeSprint, doneCriteria: 2),
    Item(
      title: "Reset password by e-mail link", type: .story, points: 3, epic: "ACC", labels: ["security"],
      assignee: "emeka",
      criteria: ["The link expires after one hour", "Old sessions end when the password changes"],
      status: "done", sprint: activeSprint, doneCriteria: 2),
    Item(
      title: "Upgrade the payment SDK to version 4", type: .chore, points: 2, epic: "CHK", labels: ["tech-debt"],
      assignee: nil, criteria: ["All payment tests pass on the new SDK"], status: "todo", sprint: activeSprint),
    Item(
      title: "Filter search results by dietary needs", type: .story, points: 5, epic: "SRCH",
      labels: ["search"], assignee: "chen",
      criteria: ["Vegan, gluten-free and halal filters", "Filters combine with the text query"],
      status: "todo", sprint: activeSprint),
    Item(
      title: "Order confirmation e-mail shows the slot", type: .story, points: 1, epic: "CHK",
      labels: ["delivery"], assignee: "bob", criteria: ["The e-mail shows the chosen day and time window"],
      status: "todo", sprint: activeSprint),
    // The product backlog, ranked.
    Item(
      title: "Sign in with Apple and Google", type: .story, points: 8, epic: "ACC", labels: ["security", "mobile"],
      assignee: nil,
      criteria: ["New accounts can be created from either provider", "An existing e-mail is linked, not duplicated"]),
    Item(
      title: "Reorder a previous basket in one tap", type: .story, points: 5, epic: "CHK", labels: ["mobile"],
      assignee: nil, criteria: ["Items out of stock are listed and skipped"]),
    Item(
      title: "Search ranks items I bought before higher", type: .story, points: 8, epic: "SRCH",
      labels: ["search"], assignee: nil, criteria: ["Past purchases rank above others with equal relevance"]),
    Item(
      title: "Can we use the store's stock feed in real time?", type: .spike, points: 3, epic: "SRCH",
      labels: ["research"], assignee: "chen", criteria: ["A written recommendation with latency figures"]),
    Item(
      title: "Apple Pay and Google Pay at checkout", type: .story, points: 13, epic: "CHK", labels: ["payments"],
      assignee: nil, criteria: ["Wallet buttons show only on supported devices"]),
    Item(
      title: "Two-factor authentication with an app", type: .story, points: 8, epic: "ACC", labels: ["security"],
      assignee: nil, criteria: []),
    Item(
      title: "Substitutions: let me approve or refuse them", type: .story, points: nil, epic: "CHK",
      labels: ["delivery"], assignee: nil, criteria: ["I get a notice for each substitution"]),
    Item(
      title: "Crash when the basket has more than 99 items", type: .bug, points: 2, epic: "CHK",
      labels: ["mobile"], assignee: "dana", criteria: ["Baskets of 500 items open without a crash"]),
    Item(
      title: "Search by barcode with the phone camera", type: .story, points: 13, epic: "SRCH",
      labels: ["mobile"], assignee: nil, criteria: []),
    Item(
      title: "Delete my account and my data", type: .story, points: 5, epic: "ACC", labels: ["security", "gdpr"],
      assignee: nil, criteria: ["Data is erased within 30 days", "A confirmation e-mail is sent"]),
    Item(
      title: "Gift cards as a payment method", type: .story, points: 8, epic: "CHK", labels: ["payments"],
      assignee: nil, criteria: []),
    Item(
      title: "Spelling tolerance for product names in Polish", type: .story, points: nil, epic: "SRCH",
      labels: ["search", "i18n"], assignee: nil, criteria: []),
    Item(
      title: "Remove the old checkout feature flag", type: .chore, points: 1, epic: "CHK", labels: ["tech-debt"],
      assignee: "alice", criteria: ["The flag and its dead branch are gone"]),
    Item(
      title: "Saved addresses with a default one", type: .story, points: 3, epic: "ACC", labels: ["delivery"],
      assignee: nil, criteria: ["One address can be marked default", "The default is preselected at checkout"]),
    Item(
      title: "Show the unit price per kilo or litre", type: .story, points: 2, epic: "SRCH", labels: ["pricing"],
      assignee: nil, criteria: ["Unit prices show on every product tile"]),
    Item(
      title: "Slot reminder notification the evening before", type: .story, points: 3, epic: "CHK",
      labels: ["delivery", "mobile"], assignee: nil, criteria: []),
    Item(
      title: "Account page loads slowly on 3G", type: .bug, points: nil, epic: "ACC", labels: ["performance"],
      assignee: nil, criteria: []),
    Item(
      title: "Loyalty points shown in the basket", type: .story, points: 5, epic: "CHK", labels: ["pricing"],
      assignee: nil, criteria: ["Points to be earned show under the total"]),
    Item(
      title: "Recipe search: add all ingredients to the basket", type: .story, points: 20, epic: "SRCH",
      labels: ["search"], assignee: nil, criteria: []),
    Item(
      title: "Audit log of sign-ins for my account", type: .story, points: 3, epic: "ACC", labels: ["security"],
      assignee: nil, criteria: ["The last 20 sign-ins with device and place"]),
  ]

  /// Builds the sample board as it looks at `now`, with the active sprint started on `today`'s Monday.
  /// `extraStories` appends generated backlog items, for trying the board on a large backlog.
  public static func make(now: Date, extraStories: Int = 0) -> Board {
    let day: TimeInterval = 86_400
    let sprintStart = Day(date: now.addingTimeInterval(-3 * day))
    let sprintEnd = Day(date: now.addingTimeInterval(10 * day))
    let ranks = Rank.evenlySpaced(count: items.count + extraStories + finished.count)
    var stories: [Story] = []
    for (index, item) in items.enumerated() {
      let created = now.addingTimeInterval(-Double(40 - index) * day)
      var history: [StatusChange] = []
      let flow = ["todo", "in-progress", "review", "done"]
      if let target = flow.firstIndex(of: item.status), target > 0 {
        for step in 1...target {
          history.append(
            StatusChange(from: flow[step - 1], to: flow[step], at: now.addingTimeInterval(-Double(4 - step) * day)))
        }
      }
      stories.append(
        Story(
          id: StoryID(index + 1), title: item.title, description: description(for: item), type: item.type,
          points: item.points.flatMap(Points.init), status: item.status, rank: ranks[index], sprint: item.sprint,
          epic: item.epic, labels: item.labels, assignee: item.assignee, blocked: item.blocked,
          acceptanceCriteria: item.criteria.enumerated().map { Criterion($1, done: $0 < item.doneCriteria) },
          tasks: item.tasks.map { StoryTask($0.0, done: $0.1, assignee: item.assignee) }, createdAt: created,
          updatedAt: history.last?.at ?? created, history: history))
    }
    for extra in 0..<max(0, extraStories) {
      let number = items.count + extra + 1
      stories.append(
        Story(
          id: StoryID(number), title: "Story \(number): generated backlog item", status: "todo",
          rank: ranks[number - 1], createdAt: now))
    }
    let sprint13 = (start: sprintStart.adding(days: -14), end: sprintStart.adding(days: -3))
    let sprint12 = (start: sprintStart.adding(days: -28), end: sprintStart.adding(days: -17))
    stories += finishedStories(
      firstNumber: items.count + max(0, extraStories) + 1, ranks: ranks.suffix(finished.count),
      sprint12: sprint12, sprint13: sprint13)
    return Board(
      name: "Basket — online groceries", prefix: "SB",
      definitionOfDone: [
        "Code reviewed and merged", "Automated tests pass", "Acceptance criteria verified by the PO",
        "Release notes updated",
      ],
      columns: [
        Column(id: "todo", title: "To Do"), Column(id: "in-progress", title: "In Progress", wipLimit: 3),
        Column(id: "review", title: "Review", wipLimit: 2), Column(id: "done", title: "Done"),
      ],
      members: ["alice", "bob", "chen", "dana", "emeka"],
      epics: [
        Epic(key: "CHK", title: "Checkout", colour: 1), Epic(key: "SRCH", title: "Search", colour: 2),
        Epic(key: "ACC", title: "Accounts", colour: 3),
      ],
      sprints: [
        Sprint(
          name: "Sprint 12", goal: "A basket that never forgets", start: sprint12.start, end: sprint12.end,
          state: .closed, capacity: 21, closedAt: sprint12.end.date.addingTimeInterval(16 * 3600)),
        Sprint(
          name: "Sprint 13", goal: "Customers can book a delivery slot", start: sprint13.start, end: sprint13.end,
          state: .closed, capacity: 24, closedAt: sprint13.end.date.addingTimeInterval(16 * 3600)),
        Sprint(
          name: activeSprint, goal: "Checkout without friction", start: sprintStart, end: sprintEnd,
          state: .active, capacity: 34),
      ],
      stories: stories)
  }

  /// Work of the two sprints before the active one, so that velocity, the forecast and the
  /// closed sprints' reports have a history to show: (title, points, sprint, days into the
  /// sprint it started and finished, days into the sprint it joined, if not from the start).
  private static let finished: [(title: String, points: Double, sprint: Int, started: Int, done: Int, joined: Int?)] = [
    ("Basket survives signing in", 3, 12, 0, 2, nil),
    ("Product images load as you scroll", 8, 12, 1, 8, nil),
    ("Delivery address autocomplete", 5, 12, 3, 9, nil),
    ("Saved shopping lists", 5, 13, 0, 3, nil),
    ("Delivery slot picker", 8, 13, 0, 7, nil),
    ("Substitution preferences", 8, 13, 2, 10, nil),
    ("Slot capacity per van", 5, 13, 4, 9, 3),
  ]

  private static func finishedStories(
    firstNumber: Int, ranks: ArraySlice<Rank>, sprint12: (start: Day, end: Day), sprint13: (start: Day, end: Day)
  ) -> [Story] {
    zip(finished.indices, ranks).map { index, rank in
      let item = finished[index]
      let sprintName = "Sprint \(item.sprint)"
      let start = (item.sprint == 12 ? sprint12.start : sprint13.start).date
      func at(_ days: Int, hour: Double) -> Date { start.addingTimeInterval(Double(days) * 86_400 + hour * 3600) }
      var story = Story(
        id: StoryID(firstNumber + index), title: item.title, description: "Shipped in \(sprintName).",
        points: Points(item.points), status: "done", rank: rank, sprint: sprintName, epic: "CHK",
        acceptanceCriteria: [Criterion("Works on the phone and the web", done: true)],
        createdAt: start.addingTimeInterval(-10 * 86_400), updatedAt: at(item.done, hour: 15),
        history: [
          StatusChange(from: "todo", to: "in-progress", at: at(item.started, hour: 10)),
          StatusChange(from: "in-progress", to: "review", at: at(max(item.started, item.done - 1), hour: 16)),
          StatusChange(from: "review", to: "done", at: at(item.done, hour: 15)),
        ])
      if let joined = item.joined {
        // Added once the sprint was under way: scope added mid-sprint shows on its burnup.
        story.scopeHistory = [
          ScopeChange(
            at: at(joined, hour: 11), sprint: sprintName, points: story.points, previousSprint: nil,
            previousPoints: story.points)
        ]
      }
      return story
    }
  }

  private static func description(for item: Item) -> String {
    switch item.type {
    case .story:
      return "As a shopper I want to \(item.title.prefix(1).lowercased() + item.title.dropFirst()) "
        + "so that my weekly shop takes less time."
    case .bug: return "Seen in production. Steps to reproduce are in the support ticket."
    case .chore: return "Keeps the codebase healthy; no visible change for shoppers."
    case .spike: return "Time-boxed to two days. The outcome is a decision, not code."
    }
  }
}
