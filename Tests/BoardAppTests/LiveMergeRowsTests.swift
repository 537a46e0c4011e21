import Foundation
import ScrumCore
import ScrumStore
import TestSupport
import Testing

@testable import BoardApp

/// Another session's changes taken in by the live reload: whether the backlog's rows are updated
/// in place or laid out again, they must be what a fresh layout of the merged board gives, on
/// screen as in the totals.
@Suite struct LiveMergeRowsTests {
  let store: BoardRepository
  let bob: Session
  /// The other session's copy of the board, which plans its changes.
  var other: Board

  init() throws {
    store = try BoardRepository.inMemory(Fixtures.sampleBoard())
    bob = try Session(store: store)
    other = try store.load()
  }

  /// Applies the other session's changes, lets Bob take them in, and checks his rows.
  mutating func elsewhere(_ changes: (inout Board) throws -> [BoardChange]) throws {
    for change in try changes(&other) { try store.apply(change) }
    #expect(bob.runtime.pullChangesFromOthers())
    #expect(bob.state.board == (try store.load()))
    #expect(bob.state.backlogRows == BacklogRows(board: bob.state.board, filter: bob.state.filter))
    let fresh = try Session(store: store)
    #expect(bob.state.backlogRows.storyIDs == fresh.state.backlogRows.storyIDs)
    #expect(bob.state.backlogRows.backlogTotals == fresh.state.backlogRows.backlogTotals)
  }

  var backlog: [StoryID] { other.stories(inSprint: nil).map(\.id) }

  @Test mutating func aRankMoveInTheBacklogMovesItsRow() throws {
    let (moved, past) = (backlog[1], backlog[4])
    try elsewhere { board in [try board.rank(moved, .after(past), at: Fixtures.now)] }
    let order = bob.state.backlogRows.storyIDs
    #expect(order.firstIndex(of: moved) == order.firstIndex(of: past).map { $0 + 1 })
    #expect(bob.lines.contains { $0.contains(bob.state.board.key(of: moved)) })
  }

  @Test mutating func aRankMoveInTheSprintMovesItsRow() throws {
    let sprint = other.stories(inSprint: "Sprint 14").map(\.id)
    try elsewhere { board in [try board.rank(sprint[0], .after(sprint[2]), at: Fixtures.now)] }
    #expect(bob.state.backlogRows.section(of: sprint[0]).prefix(3) == [sprint[1], sprint[2], sprint[0]])
  }

  @Test mutating func anEstimateCountsInTheBacklogsTotals() throws {
    let story = backlog[2]
    let before = bob.state.backlogRows.backlogTotals
    try elsewhere { board in [try board.edit(story, [.points(Points(40))], at: Fixtures.now)] }
    #expect(bob.state.backlogRows.backlogTotals != before)
  }

  @Test mutating func aTitleAStatusAndACriterionChangeNoRowsButShow() throws {
    let story = backlog[0]
    try elsewhere { board in
      [
        try board.edit(story, [.title("Renamed elsewhere")], at: Fixtures.now),
        try board.addCriterion("Also this", to: story, at: Fixtures.now),
      ]
    }
    #expect(bob.lines.contains { $0.contains("Renamed elsewhere") })
    let sprint = other.stories(inSprint: "Sprint 14").map(\.id)
    try elsewhere { board in [try board.move(sprint[0], toStatus: "done", at: Fixtures.now)] }
  }

  @Test mutating func twoRankMovesAtOnceAreLaidOutAgain() throws {
    // Moved one at a time among rows still in the old order, the first would be placed by a
    // search that meets the second (in the middle, now ranked last) and goes the wrong way.
    let ids = backlog
    try elsewhere { board in
      [
        try board.rank(ids[0], .after(ids[15]), at: Fixtures.now),
        try board.rank(ids[10], .after(ids[19]), at: Fixtures.now),
      ]
    }
  }

  @Test mutating func aStoryMovedIntoTheSprintOrDeletedIsLaidOutAgain() throws {
    let ids = backlog
    try elsewhere { board in [try board.edit(ids[0], [.sprint("Sprint 14")], at: Fixtures.now)] }
    try elsewhere { board in [try board.delete(ids[1])] }
  }
}
