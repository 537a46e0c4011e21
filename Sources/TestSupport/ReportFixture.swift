import Foundation
import ScrumCore

extension Fixtures {
  /// 2026-12-01T20:00:00Z, a Tuesday evening, in the second week of "Sprint 1".
  public static let reportNow = time("2026-12-01", hour: 20)

  /// An instant on a day, in UTC.
  public static func time(_ day: String, hour: Double) -> Date {
    (Day(day) ?? Day(year: 1970, month: 1, day: 1)).date.addingTimeInterval(hour * 3600)
  }

  /// A board with a known history, for exact report numbers (worked out by hand in
  /// ReportTests): a closed sprint with a carried-over story, and an active sprint with scope
  /// added and re-estimated mid-sprint, a story reopened, and one finished over a weekend.
  public static func reportBoard() -> Board {
    let created = time("2026-11-06", hour: 9)
    let ranks = Rank.evenlySpaced(count: 11)
    func move(_ from: String, _ to: String, _ day: String, _ hour: Double) -> StatusChange {
      StatusChange(from: from, to: to, at: time(day, hour: hour))
    }
    func story(
      _ number: Int, _ title: String, points: Double?, status: String, sprint: String?, history: [StatusChange] = [],
      scope: [ScopeChange] = []
    ) -> Story {
      var story = Story(
        id: StoryID(number), title: title, points: points.flatMap(Points.init), status: status, rank: ranks[number - 1],
        sprint: sprint, createdAt: created, history: history)
      story.scopeHistory = scope
      story.acceptanceCriteria = [Criterion("It works")]
      return story
    }
    let sprint0 = Sprint(
      name: "Sprint 0", goal: "Checkout works", start: Day("2026-11-09"), end: Day("2026-11-20"), state: .closed,
      closedAt: time("2026-11-20", hour: 17))
    let sprint1 = Sprint(
      name: "Sprint 1", goal: "Pay with a saved card", start: Day("2026-11-23"), end: Day("2026-12-04"),
      state: .active)
    let stories = [
      story(
        1, "Pay with a saved card", points: 5, status: "done", sprint: "Sprint 1",
        history: [move("todo", "in-progress", "2026-11-23", 10), move("in-progress", "done", "2026-11-24", 15)]),
      story(
        2, "Remove a saved card", points: 3, status: "done", sprint: "Sprint 1",
        history: [
          move("todo", "in-progress", "2026-11-24", 9), move("in-progress", "done", "2026-11-26", 12),
          move("done", "in-progress", "2026-11-27", 9), move("in-progress", "done", "2026-12-01", 16),
        ]),
      story(
        3, "3-D Secure challenge", points: 8, status: "in-progress", sprint: "Sprint 1",
        history: [move("todo", "in-progress", "2026-11-25", 9)]),
      story(
        4, "Card expiry reminder", points: 2, status: "done", sprint: "Sprint 1",
        history: [move("todo", "in-progress", "2026-11-28", 10), move("in-progress", "done", "2026-11-28", 18)],
        scope: [
          ScopeChange(
            at: time("2026-11-25", hour: 14), sprint: "Sprint 1", points: Points(2), previousSprint: nil,
            previousPoints: Points(2))
        ]),
      story(
        5, "Card brand icons", points: 5, status: "todo", sprint: "Sprint 1",
        scope: [
          ScopeChange(
            at: time("2026-11-26", hour: 11), sprint: "Sprint 1", points: Points(5), previousSprint: "Sprint 1",
            previousPoints: Points(3))
        ]),
      story(
        6, "Guest checkout", points: 5, status: "done", sprint: "Sprint 0",
        history: [move("todo", "in-progress", "2026-11-10", 9), move("in-progress", "done", "2026-11-12", 17)]),
      story(
        7, "Order confirmation email", points: 3, status: "in-progress", sprint: nil,
        history: [move("todo", "in-progress", "2026-11-16", 9)],
        scope: [
          ScopeChange(
            at: time("2026-11-20", hour: 17), sprint: nil, points: Points(3), previousSprint: "Sprint 0",
            previousPoints: Points(3))
        ]),
      story(8, "Gift cards", points: 5, status: "todo", sprint: nil),
      story(9, "Split payments", points: nil, status: "todo", sprint: nil),
      story(10, "Invoices as PDF", points: 2, status: "todo", sprint: nil),
      story(11, "Loyalty points", points: 1, status: "todo", sprint: nil),
    ]
    return Board(
      name: "Shop", prefix: "SHOP", definitionOfDone: ["Reviewed"], sprints: [sprint0, sprint1], stories: stories)
  }
}
