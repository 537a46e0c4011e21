import ScrumCore
import ScrumStore
import TermUI
import TestSupport
import Testing

@testable import BoardApp

@Suite struct UndoTests {
  @Test func undoAndRedoAnAddedStory() throws {
    let app = try Session()
    app.press(.addStory)
    app.type("Undo me")
    app.press(.enter)
    #expect(app.state.board.story(StoryID(36)) != nil)
    app.press(.undo)
    #expect(app.state.board.story(StoryID(36)) == nil)
    #expect(try app.store.load().story(StoryID(36)) == nil)
    #expect(app.lines[22].contains("Undone"))
    app.press(.redo)
    #expect(app.state.board.story(StoryID(36))?.title == "Undo me")
    #expect(try app.store.load().story(StoryID(36))?.title == "Undo me")
    #expect(app.state.backlog.selection == StoryID(36))
  }

  @Test func undoARankMoveRestoresTheOrderOnDiskToo() throws {
    let app = try Session()
    let before = app.state.board.stories.map(\.id)
    app.press(.rankDown, .rankDown)
    app.press(.undo, .undo)
    #expect(app.state.board.stories.map(\.id) == before)
    #expect(try app.store.load().stories.map(\.id) == before)
    app.press(.undo)
    #expect(app.lines[22].contains("Nothing to undo"))
  }

  @Test func aNewChangeClearsTheRedoStack() throws {
    let app = try Session()
    app.press(.rankDown, .undo, .moveDown, .rankUp)
    app.press(.redo)
    #expect(app.lines[22].contains("Nothing undone to redo"))
  }
}

@Suite struct LiveSyncTests {
  @Test func anotherSessionsNewStoryAppearsAndTheCursorStays() throws {
    let store = try BoardRepository.inMemory(Fixtures.sampleBoard())
    let alice = try Session(store: store)
    let bob = try Session(store: store)
    bob.press(.moveDown, .moveDown)
    alice.press(.last, .addStory)
    alice.type("From Alice")
    alice.press(.enter)
    #expect(bob.runtime.pullChangesFromOthers())
    #expect(bob.state.board.story(StoryID(36))?.title == "From Alice")
    #expect(bob.state.backlog.selection == StoryID(3))
    #expect(bob.runtime.pullChangesFromOthers() == false)
  }

  @Test func editsOfDifferentFieldsOfOneStoryBothSurvive() throws {
    let store = try BoardRepository.inMemory(Fixtures.sampleBoard())
    let bob = try Session(store: store)
    // Alice renames SB-2 from a script while Bob ranks it.
    var aliceBoard = try store.load()
    try store.apply(try aliceBoard.edit(StoryID(2), [.title("Delivery slots, next 7 days")], at: Fixtures.now))
    bob.press(.moveDown, .rankDown)
    bob.runtime.pullChangesFromOthers()
    let stored = try store.load()
    #expect(stored.story(StoryID(2))?.title == "Delivery slots, next 7 days")
    #expect(stored.stories(inSprint: "Sprint 14").prefix(3).map(\.id.number) == [1, 3, 2])
    #expect(bob.state.board.story(StoryID(2)) == stored.story(StoryID(2)))
  }

  @Test func aStoryDeletedElsewhereMovesTheCursorToItsNeighbour() throws {
    let store = try BoardRepository.inMemory(Fixtures.sampleBoard())
    let bob = try Session(store: store)
    bob.press(.moveDown)
    var other = try store.load()
    try store.apply(try other.delete(StoryID(2)))
    bob.runtime.pullChangesFromOthers()
    #expect(bob.state.board.story(StoryID(2)) == nil)
    #expect(bob.state.backlog.selection == StoryID(3))
    #expect(bob.lines.contains { $0.hasPrefix("› SB-3 ") })
  }

  @Test func twoSessionsAddingAtOnceNeverShareAKey() throws {
    let store = try BoardRepository.inMemory(Fixtures.sampleBoard())
    let alice = try Session(store: store)
    let bob = try Session(store: store)
    alice.press(.addStory)
    alice.type("Alice's")
    alice.press(.enter)
    bob.press(.addStory)
    bob.type("Bob's")
    bob.press(.enter)
    let stored = try store.load()
    #expect(stored.story(StoryID(36))?.title == "Alice's")
    #expect(stored.story(StoryID(37))?.title == "Bob's")
    #expect(bob.state.backlog.selection == StoryID(37))
    #expect(bob.state.board.story(StoryID(36))?.title == "Alice's")
    #expect(bob.lines.contains { $0.hasPrefix("› SB-37 ") })
  }
}
