import Foundation
import ScrumCore
import TermUI
import TestSupport
import Testing

@testable import BoardApp

/// Filtering a large backlog: each keystroke looks only as far as the screen needs; the rest
/// comes while the user pauses, and the result is the one a whole pass gives.
@Suite struct FilterJobTests {
  func largeBoard() -> Board { SampleBoard.make(now: Fixtures.now, extraStories: 30_000) }

  @Test func aKeystrokeShowsTheFirstMatchesAndThePauseTheRest() throws {
    let app = try Session(size: Size(100, 30), board: largeBoard())
    app.press(.filterText)
    app.type("Story 29")
    // Still looking, but the screen is full of matches already.
    let job = try #require(app.state.filterJob)
    #expect(!job.isDone)
    #expect(app.lines[28].contains("Filtering…"))
    let partial = app.lines
    let firstMatch = try #require(partial.firstIndex { $0.contains("Story 29:") })
    app.idle()
    #expect(app.state.filterJob == nil)
    // Nothing that was on the screen moved.
    #expect(Array(app.lines[firstMatch..<27]) == Array(partial[firstMatch..<27]))
    // The same rows as a whole pass.
    #expect(app.state.backlogRows == BacklogRows(board: app.state.board, filter: app.state.filter))
    #expect(app.state.backlogRows.storyIDs.count == 1_111)  // Story 29, 290-299, 2900-2999, 29000-29999
  }

  @Test func typingOnNarrowsFromWhatIsStillPossible() throws {
    let app = try Session(size: Size(100, 30), board: largeBoard())
    app.press(.filterText)
    app.type("Story 2")
    #expect(app.state.filterJob != nil)
    app.type("99")  // before the first pass is done
    app.idle()
    #expect(app.state.backlogRows == BacklogRows(board: app.state.board, filter: app.state.filter))
    #expect(app.state.backlogRows.storyIDs.count == 111)  // 299, 2990-2999, 29900-29999
    // Back to a shorter query: a whole new pass, the same as a whole pass.
    app.press(Key.backspace)
    app.idle()
    #expect(app.state.backlogRows == BacklogRows(board: app.state.board, filter: app.state.filter))
  }

  @Test func anyOtherKeyFirstFindsEveryMatch() throws {
    let app = try Session(size: Size(100, 30), board: largeBoard())
    app.press(.filterText)
    app.type("Story 1")
    app.press(Key.enter)
    #expect(app.state.filterJob != nil)
    app.press(.last)
    #expect(app.state.filterJob == nil)
    // The generated stories are "Story N" for SB-N: the last with "Story 1" is 19999.
    #expect(app.state.backlog.selection == StoryID(19_999))
    #expect(app.lines.contains { $0.hasPrefix("› SB-19999 ") })
    #expect(app.state.backlogRows == BacklogRows(board: app.state.board, filter: app.state.filter))
  }

  @Test func aChangeUnderTheFilterKeepsTheStoryOnItsRow() throws {
    let app = try Session(size: Size(100, 30), board: largeBoard())
    app.press(.filterText)
    app.type("Story 2")
    app.press(Key.enter)
    app.idle()
    // Far down the matches: the 400th.
    for _ in 0..<400 { app.press(.moveDown) }
    let selected = try #require(app.state.backlog.selection)
    let row = try #require(app.lines.firstIndex { $0.hasPrefix("› ") })
    app.press(.setPoints)
    app.press(.moveDown, .choose)
    // Worked out again in slices, as far as the story and a screenful past it.
    #expect(app.state.filterJob != nil)
    #expect(app.state.backlog.selection == selected)
    #expect(app.lines.firstIndex { $0.hasPrefix("› ") } == row)
    app.idle()
    #expect(app.state.backlogRows == BacklogRows(board: app.state.board, filter: app.state.filter))
    #expect(app.state.backlog.selection == selected)
  }

  @Test func noMatchSaysSoAndASmallBacklogIsFilteredWhole() throws {
    let app = try Session(size: Size(100, 30), board: largeBoard())
    app.press(.filterText)
    app.type("zzz")
    #expect(app.lines.contains { $0.contains("Looking for matches…") })
    app.idle()
    #expect(app.lines.contains { $0.contains("No story here matches the filter") })
    let small = try Session()
    small.press(.filterText)
    small.type("zzz")
    #expect(small.state.filterJob == nil)
  }
}
