import Foundation
import GRDB
import ScrumCore
import TestSupport
import Testing

@testable import ScrumStore

/// What reports read (scope history, sprint close times, working days) is written and read back.
@Suite struct ReportHistoryStoreTests {
  let path: String

  init() throws {
    path = try ScratchFolder("reports").path()
  }

  @Test func theReportBoardLoadsBackWithItsHistories() throws {
    let board = Fixtures.reportBoard()
    _ = try BoardRepository.create(at: path, board: board)
    let loaded = try BoardRepository.open(at: path).load()
    #expect(loaded == board)
    #expect(loaded.story(StoryID(7))?.scopeHistory.count == 1)
    #expect(loaded.sprint(named: "Sprint 0")?.closedAt == Fixtures.time("2026-11-20", hour: 17))
    // Its reports, computed from the file, give the same numbers.
    let sprint = try #require(loaded.sprint(named: "Sprint 1"))
    #expect(SprintReport(board: loaded, sprint: sprint, now: Fixtures.reportNow).remaining == [19, 19, 14, 16, 15, 18, 16, 13])
  }

  @Test func sprintAndEstimateEditsAreRecordedAgainstTheFile() throws {
    var board = Fixtures.reportBoard()
    let repository = try BoardRepository.create(at: path, board: board)
    let at = Fixtures.time("2026-12-02", hour: 9)
    // Another process re-estimates story 8 first; this one's copy still says 5 points.
    let other = try BoardRepository.open(at: path)
    try other.apply(.storyEdited(StoryID(8), [.points(Points(8))], updatedAt: at))
    try repository.apply(try board.edit(StoryID(8), [.sprint("Sprint 1")], at: at.addingTimeInterval(60)))
    let stored = try #require(try BoardRepository.open(at: path).load().story(StoryID(8)))
    #expect(stored.scopeHistory.map(\.previousPoints) == [Points(5), Points(8)])
    #expect(stored.scopeHistory.last?.sprint == "Sprint 1")
    #expect(stored.scopeHistory.last?.points == Points(8))
    // A title edit records nothing.
    try repository.apply(.storyEdited(StoryID(8), [.title("Gift cards for teams")], updatedAt: at))
    #expect(try BoardRepository.open(at: path).load().story(StoryID(8))?.scopeHistory.count == 2)
  }

  @Test func workingDaysAreABoardSettingOthersSee() throws {
    var board = Fixtures.reportBoard()
    let repository = try BoardRepository.create(at: path, board: board)
    let change = BoardChange.workingDaysSet(WorkingDays(parsing: "sun-thu")!)
    try board.apply(change)
    try repository.apply(change)
    #expect(try BoardRepository.open(at: path).load().workingDays.weekdays == [7, 1, 2, 3, 4])
  }

  @Test func closingASprintStoresWhenItClosed() throws {
    var board = Fixtures.reportBoard()
    let repository = try BoardRepository.create(at: path, board: board)
    let closing = Fixtures.time("2026-12-04", hour: 17)
    try repository.apply(try board.closeActiveSprint(carryOver: .backlog, at: closing))
    let loaded = try BoardRepository.open(at: path).load()
    #expect(loaded.sprint(named: "Sprint 1")?.closedAt == closing)
    // The carried-over stories left at the close, and velocity counts what was done by then.
    #expect(loaded.story(StoryID(3))?.scopeHistory.last?.previousSprint == "Sprint 1")
    let velocity = Velocity(board: loaded, now: closing)
    #expect(velocity.entries.map(\.completed) == [5, 10])
    #expect(velocity.entries.map(\.committed) == [8, 19])
  }
}

/// What a store writes is what the board in memory holds (the key fuzzer found a title with a
/// trailing space stored as typed while the screen showed it trimmed).
@Suite struct StoredValuesTests {
  @Test func aTitleIsStoredTrimmedAsItIsShown() throws {
    var board = Fixtures.tinyBoard()
    let repository = try BoardRepository.inMemory(board)
    try repository.apply(try board.edit(StoryID(1), [.title("  Spaces around  ")], at: Fixtures.now))
    #expect(board.story(StoryID(1))?.title == "Spaces around")
    #expect(try repository.load().story(StoryID(1))?.title == "Spaces around")
    #expect(try repository.load() == board)
  }
}
