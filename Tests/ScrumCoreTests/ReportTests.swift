import Foundation
import TestSupport
import Testing

@testable import ScrumCore

/// Every number here was worked out by hand from `Fixtures.reportBoard()`'s history.
@Suite struct ReportTests {
  let board = Fixtures.reportBoard()
  let now = Fixtures.reportNow

  func activeReport() throws -> SprintReport {
    let sprint = try #require(board.sprint(named: "Sprint 1"))
    return SprintReport(board: board, sprint: sprint, now: now)
  }

  @Test func calendarArithmetic() {
    #expect(Day("2026-11-29")?.weekday == 7)
    #expect(Day("2026-11-30")?.weekday == 1)
    #expect(Day(dayNumber: 0) == Day("1970-01-01"))
    #expect(Day("2024-02-28")?.adding(days: 1) == Day("2024-02-29"))
    #expect(Day("2026-12-31")?.adding(days: 1) == Day("2027-01-01"))
    #expect(Day(date: Fixtures.time("2026-03-01", hour: 23.9)) == Day("2026-03-01"))
    #expect(Day("1969-12-31")?.dayNumber == -1)
  }

  @Test func workingDaysParseAndPrint() {
    #expect(WorkingDays(parsing: "mon-fri") == .mondayToFriday)
    #expect(WorkingDays(parsing: "Sun-Thu")?.weekdays == [7, 1, 2, 3, 4])
    #expect(WorkingDays(parsing: "monday, wednesday,fri")?.weekdays == [1, 3, 5])
    #expect(WorkingDays(parsing: "all") == .everyDay)
    #expect(WorkingDays(parsing: "weekdays") == nil)
    #expect(WorkingDays(parsing: "") == nil)
    #expect(WorkingDays(parsing: "mo") == nil)
    #expect(WorkingDays.mondayToFriday.description == "mon-fri")
    #expect(WorkingDays(weekdays: [1, 3, 5, 6, 7]).description == "wed,fri-mon")
    #expect(WorkingDays(weekdays: [1, 2, 5, 6, 7]).description == "fri-tue")
    #expect(WorkingDays(weekdays: [6, 7]).description == "sat,sun")
    #expect(WorkingDays(weekdays: [7, 1, 2, 3, 4]).description == "sun-thu")
    for text in ["mon-fri", "sun-thu", "mon,wed,fri-sun", "sat,sun", "tue", "all", "fri-mon"] {
      #expect(WorkingDays(parsing: text).map { WorkingDays(parsing: $0.description) } == WorkingDays(parsing: text))
    }
  }

  @Test func sprintDaysSkipTheWeekend() throws {
    let report = try activeReport()
    #expect(report.days.count == 10)
    #expect(report.days.first == Day("2026-11-23"))
    #expect(!report.days.contains(Day("2026-11-28")!))
    #expect(report.samples.map(\.day.description) == [
      "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01",
    ])
  }

  @Test func burndownFollowsScopeChangesReopensAndWeekendWork() throws {
    let report = try activeReport()
    #expect(report.committed == 19)
    // Start, then: A done; D added; E re-estimated and B done; B reopened; D done on Saturday
    // (seen Monday); B done again.
    #expect(report.remaining == [19, 19, 14, 16, 15, 18, 16, 13])
    #expect(report.scope == [19, 19, 19, 21, 23, 23, 23, 23])
    #expect(report.completed == [0, 0, 5, 5, 8, 5, 7, 10])
    #expect(report.scopeChange == 4)
    #expect(report.ideal.count == 11)
    #expect(report.ideal.first == 19)
    #expect(report.ideal.last == 0)
    let behind = try #require(report.behindIdeal)
    #expect(abs(behind - 7.3) < 1e-9)
  }

  @Test func cumulativeFlowCountsStoriesPerColumn() throws {
    let flow = try activeReport().samples.map(\.storiesPerColumn)
    // Columns: todo, in-progress, review, done.
    #expect(flow[0] == [3, 1, 0, 0])
    #expect(flow[1] == [2, 1, 0, 1])
    #expect(flow[2] == [2, 2, 0, 1])
    #expect(flow[3] == [2, 1, 0, 2])
    #expect(flow[4] == [2, 2, 0, 1])
    #expect(flow[5] == [1, 2, 0, 2])
    #expect(flow[6] == [1, 1, 0, 3])
  }

  @Test func cycleTimesCountWorkingDaysOnly() throws {
    let times = try activeReport().cycleTimes
    #expect(times.map(\.story.number) == [2, 1, 4])
    #expect(abs(times[0].days - 127.0 / 24) < 1e-9)
    #expect(abs(times[1].days - 29.0 / 24) < 1e-9)
    #expect(times[2].days == 0)
    #expect(abs((times.median ?? 0) - 29.0 / 24) < 1e-9)
    #expect(abs((times.percentile85 ?? 0) - 127.0 / 24) < 1e-9)
  }

  @Test func aClosedSprintIsMeasuredUpToItsCloseAndCountsCarriedOverWork() throws {
    let sprint = try #require(board.sprint(named: "Sprint 0"))
    let report = SprintReport(board: board, sprint: sprint, now: now)
    #expect(report.samples.count == 10)
    #expect(report.committed == 8)
    #expect(report.completedPoints == 5)
    #expect(report.remaining.last == 3)
  }

  @Test func velocityIsCommittedAgainstCompletedPerClosedSprint() {
    let velocity = Velocity(board: board, now: now)
    #expect(velocity.entries == [Velocity.Entry(sprint: "Sprint 0", committed: 8, completed: 5)])
    #expect(velocity.average == 5)
  }

  @Test func forecastFillsFutureSprintsInRankOrderAtThePace() throws {
    let forecast = try #require(Forecast(board: board, velocity: 5))
    func landing(_ number: Int) -> String? { forecast.sprint(of: StoryID(number))?.sprint.name }
    #expect(landing(7) == "Sprint 2")
    #expect(landing(8) == "Sprint 3")
    #expect(landing(9) == "Sprint 3")
    #expect(landing(10) == "Sprint 3")
    #expect(landing(11) == "Sprint 4")
    #expect(landing(1) == nil)
    #expect(forecast.unestimated == 1)
    #expect(forecast.sprints.map(\.end) == [Day("2026-12-16"), Day("2026-12-28"), Day("2027-01-09")])
    #expect(Forecast(board: board, velocity: nil) == nil)
  }

  @Test func editingSprintOrPointsRecordsScopeHistory() throws {
    var board = board
    let at = Fixtures.time("2026-12-02", hour: 9)
    try board.apply(.storyEdited(StoryID(8), [.sprint("Sprint 1")], updatedAt: at))
    try board.apply(.storyEdited(StoryID(8), [.title("Gift cards for teams")], updatedAt: at))
    try board.apply(.storyEdited(StoryID(8), [.points(Points(8))], updatedAt: at.addingTimeInterval(60)))
    let story = try #require(board.story(StoryID(8)))
    #expect(story.scopeHistory.count == 2)
    #expect(story.scope(at: at.addingTimeInterval(-1)).sprint == nil)
    #expect(story.scope(at: at).sprint == "Sprint 1")
    #expect(story.scope(at: at).points == Points(5))
    #expect(story.scope(at: at.addingTimeInterval(60)).points == Points(8))
    #expect(board.storiesEverIn(sprint: "Sprint 1").contains { $0.id == StoryID(8) })
  }
}
