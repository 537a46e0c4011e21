import Foundation
import ScrumCore
import ScrumStore
import TermUI
import TestSupport
import Testing

@testable import BoardApp

/// A large board's first screen is drawn from its top while the rest loads: it must be the
/// very frame the whole board gives, or the screen would jump once the load is done.
@Suite struct PreviewTests {
  @Test(arguments: [
    (Size(80, 24), Pane.backlog, false), (Size(200, 60), .backlog, false), (Size(120, 40), .board, false),
    (Size(120, 40), .board, true),
  ])
  func thePreviewIsTheFrameOfTheWholeBoard(size: Size, pane: Pane, standup: Bool) throws {
    var board = SampleBoard.make(now: Fixtures.now, extraStories: 900)
    // Unready and blocked stories among the backlog, so that the totals differ from a count.
    _ = try board.edit(StoryID(40), [.points(Points(8))], at: Fixtures.now)
    _ = try board.edit(StoryID(41), [.blocked("Waiting"), .points(Points(13))], at: Fixtures.now)
    let store = try BoardRepository.inMemory(board)
    // As the board opens: as many backlog stories as the screen has rows, with their status
    // changes only for the sprint board.
    let preview = try #require(try store.loadPreview(backlogLimit: size.height, statusHistory: pane != .backlog))
    #expect(preview.board.storyCount < board.storyCount)
    #expect(preview.backlogTotals.count == board.stories(inSprint: nil).count)
    // A board of just the threshold is large enough; one story fewer is not.
    #expect(try store.loadPreview(backlogLimit: size.height, minimumStories: board.storyCount) != nil)
    #expect(try store.loadPreview(backlogLimit: size.height, minimumStories: board.storyCount + 1) == nil)
    let options = RuntimeOptions(startPane: pane, startStandup: standup, user: "alice")
    let previewTerminal = FakeTerminal(size: size)
    Runtime.drawPreview(
      preview.board, backlogTotals: preview.backlogTotals,
      on: previewTerminal, now: Fixtures.now, options: options)
    let fullTerminal = FakeTerminal(size: size)
    let runtime = Runtime(
      board: try store.load(), store: store, terminal: fullTerminal, clock: { Fixtures.now }, options: options)
    runtime.drawFrame()
    #expect(snapshotText(previewTerminal.lastFrame) == snapshotText(fullTerminal.lastFrame))
    // Standup mode's panel (the focused card's days in its column among it) is in the frame.
    #expect(snapshotText(fullTerminal.lastFrame).contains("n/p next/previous") == standup)
  }
}
