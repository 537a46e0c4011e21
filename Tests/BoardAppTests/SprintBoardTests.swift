import Foundation
import ScrumCore
import ScrumStore
import TermUI
import TestSupport
import Testing

@testable import BoardApp

@Suite struct SprintBoardTests {
  func story(_ app: Session, _ number: Int) -> Story? { app.state.board.story(StoryID(number)) }

  func onBoard(size: Size = Size(80, 24), board: Board = Fixtures.sampleBoard()) throws -> Session {
    let app = try Session(size: size, board: board)
    app.press(.showBoard)
    #expect(app.state.pane == .board)
    return app
  }

  @Test func theCursorMovesOverColumnsAndCards() throws {
    let app = try onBoard()
    #expect(app.state.sprintBoard.selection == StoryID(6))  // first card of To Do
    app.press(.moveDown)
    #expect(app.state.sprintBoard.selection == StoryID(7))
    app.press(.columnRight)
    #expect(app.state.sprintBoard.selection == StoryID(3))  // same row in In Progress
    app.press(.columnRight, .columnRight)  // Review has one card; Done takes the same row
    #expect(app.state.sprintBoard.column == 3)
    #expect(app.state.sprintBoard.selection == StoryID(4))
    app.press(.moveDown)
    #expect(app.state.sprintBoard.selection == StoryID(5))
    app.press(.first)
    #expect(app.state.sprintBoard.selection == StoryID(4))
  }

  @Test func movingACardRecordsItsHistoryAndTheCursorFollows() throws {
    let app = try onBoard()
    app.press(.moveCardRight)  // SB-6 To Do → In Progress
    #expect(story(app, 6)?.status == "in-progress")
    #expect(story(app, 6)?.history.last == StatusChange(from: "todo", to: "in-progress", at: Fixtures.now))
    #expect(app.state.sprintBoard.selection == StoryID(6))
    #expect(app.state.sprintBoard.column == 1)
    #expect(try app.store.load().story(StoryID(6))?.status == "in-progress")
    // In Progress now holds 3 of its limit of 3; one more is over.
    app.press(.showBoard)
    app.press(.columnLeft, .moveCardRight)
    #expect(app.lines[2].contains("In Progress 4/3!"))
    app.press(.undo, .undo)
    #expect(story(app, 6)?.status == "todo")
  }

  @Test func movingIntoDoneAsksFirst() throws {
    let app = try onBoard()
    app.press(.columnRight, .columnRight)  // Review: SB-2
    app.press(.moveCardRight)
    #expect(app.state.picker?.title == "Move to Done?")
    #expect(app.lines.joined().contains("Code reviewed and merged"))
    app.press(.moveUp, .choose)
    #expect(story(app, 2)?.status == "done")
    #expect(app.state.sprintBoard.selection == StoryID(2))
  }

  @Test func standupWalksRightToLeftThenPersonByPerson() throws {
    let app = try onBoard()
    app.press(.startStandup)
    let order = try #require(app.state.standup?.order)
    #expect(order.map(\.number) == [2, 1, 3, 6, 7, 8])
    #expect(app.lines.joined(separator: "\n").contains("Standup card 1/6"))
    app.press(.togglePersonByPerson)
    #expect(app.state.standup?.order.map(\.number) == [2, 8, 1, 3, 7, 6])
    #expect(app.state.currentCard == StoryID(2))
    for _ in 0..<6 { app.press(.nextCard) }
    #expect(app.state.standup?.finished == true)
    let summary = app.lines.joined(separator: "\n")
    #expect(summary.contains("Standup summary"))
    #expect(summary.contains("Blocked (1)"))
    app.press(.previousCard)
    #expect(app.state.standup?.finished == false)
    app.press(.close)
    #expect(app.state.standup == nil)
  }

  @Test func eachSpeakersTimeboxStartsAtTheirFirstCard() throws {
    let app = try onBoard()
    app.press(.startStandup)  // SB-2, bob
    app.advanceClock(by: 150)
    app.runtime.handle(.key(.character("Z")))  // an unbound key redraws nothing; tick via a resize
    app.resize(to: Size(80, 24))
    #expect(app.lines.joined().contains("2:30 / 2:00 over time"))
    app.press(.nextCard)  // SB-1, alice: a new speaker
    #expect(app.lines.joined().contains("0:00 / 2:00"))
  }

  @Test func closingTheSprintCarriesUnfinishedStoriesToTheTopOfTheBacklog() throws {
    let app = try onBoard()
    let before = app.state.board
    app.press(.closeSprint)
    #expect(app.state.picker?.title == "Close Sprint 14")
    app.press(.choose)  // to the backlog
    let board = app.state.board
    #expect(board.activeSprint == nil)
    #expect(board.sprint(named: "Sprint 14")?.state == .closed)
    #expect(board.stories(inSprint: nil).prefix(6).map(\.id.number) == [1, 2, 3, 6, 7, 8])
    #expect(board.stories(inSprint: "Sprint 14").map(\.id.number) == [4, 5])
    #expect(app.lines.joined().contains("No active sprint"))
    #expect(try app.store.load() == board)
    app.press(.undo)
    #expect(app.state.board.activeSprint?.name == "Sprint 14")
    #expect(app.state.board.stories(inSprint: "Sprint 14").map(\.id) == before.stories(inSprint: "Sprint 14").map(\.id))
  }

  @Test func aSprintIsCreatedThroughPromptsWithCapacityFromVelocity() throws {
    let app = try onBoard()
    app.press(.newSprint)
    #expect(app.state.prompt?.editor.text == "Sprint 15")
    app.press(.enter)
    app.type("Faster search")
    app.press(.enter)
    #expect(app.state.prompt?.editor.text == "2026-12-08")  // the day after Sprint 14 ends
    app.press(.enter)
    #expect(app.state.prompt?.editor.text == "2026-12-21")
    app.press(.enter)
    // Sprints 12 and 13 finished 16 and 26 points.
    #expect(app.state.prompt?.label == "Capacity (average velocity 21): ")
    app.press(.control("u"))
    app.type("30")
    app.press(.enter)
    let sprint = try #require(app.state.board.sprint(named: "Sprint 15"))
    #expect(sprint == Sprint(name: "Sprint 15", goal: "Faster search", start: Day("2026-12-08"), end: Day("2026-12-21"),
      state: .planned, capacity: 30))
    #expect(try app.store.load().sprint(named: "Sprint 15") == sprint)
  }

  @Test func capacityIsSuggestedFromTheVelocityOfTheLastThreeClosedSprints() throws {
    var board = Fixtures.sampleBoard()
    _ = try board.closeActiveSprint(carryOver: .backlog, at: Fixtures.now)  // 6 points done
    let app = try onBoard(board: board)
    app.press(.newSprint)
    app.press(Key.enter, Key.enter, Key.enter, Key.enter)
    #expect(app.state.prompt?.label == "Capacity (average velocity 16): ")  // (16 + 26 + 6) / 3
    #expect(app.state.prompt?.editor.text == "16")
  }

  @Test func startingASprintWarnsAboutStoriesNotReady() throws {
    var board = Fixtures.sampleBoard()
    _ = try board.closeActiveSprint(carryOver: .backlog, at: Fixtures.now)
    _ = try board.addSprint(Sprint(name: "Sprint 15"))
    _ = try board.edit(StoryID(14), [.sprint("Sprint 15")], at: Fixtures.now)  // no criteria
    let app = try onBoard(board: board)
    app.press(.startSprint)
    #expect(app.state.picker?.options.first?.label == "Sprint 15 · 1 not ready")
    app.press(.choose)
    #expect(app.state.board.activeSprint?.name == "Sprint 15")
    #expect(app.lines[22].contains("not ready: SB-14"))
  }

  @Test func swimlanesAndMine() throws {
    let app = try onBoard()
    app.press(.toggleSwimlanes)
    let model = SprintBoardModel(board: app.state.board, view: app.state.sprintBoard, user: "")
    #expect(model.lanes == ["alice", "bob", "chen", "dana", "emeka", nil])
    // The selected card (SB-6, nobody's) is in the last lane, scrolled into view.
    #expect(app.lines.contains { $0.contains("unassigned · 1") })
    #expect(app.lines.contains { $0.contains("SB-6") })
    // Without $USER there is no "mine": the key says why rather than showing nobody's cards.
    app.runtime.handle(.key(.character("m")))
    #expect(!app.state.sprintBoard.mineOnly)
    #expect(app.lines[22].contains("$USER is not set"))
  }

  @Test func anotherProcessesMoveShowsOnTheBoard() throws {
    let store = try BoardRepository.inMemory(Fixtures.sampleBoard())
    let app = try Session(store: store)
    app.press(.showBoard)
    var other = try store.load()
    try store.apply(try other.move(StoryID(7), toStatus: "review", at: Fixtures.now))
    app.runtime.pullChangesFromOthers()
    #expect(app.state.board.story(StoryID(7))?.status == "review")
    #expect(app.lines[2].contains("Review 2/2"))
  }
}

/// Board screens: a column over its WIP limit, swimlanes, blocked cards, wide characters.
@Suite struct SprintBoardSnapshotTests {
  func board() throws -> Board {
    var board = Fixtures.sampleBoard()
    _ = try board.edit(StoryID(6), [.title("決済 SDK を v4 に上げる 🚀 and retire the old one"), .blocked("Vendor licence")], at: Fixtures.now)
    _ = try board.move(StoryID(6), toStatus: "in-progress", at: Fixtures.now)
    _ = try board.move(StoryID(7), toStatus: "in-progress", at: Fixtures.now)
    return board
  }

  @Test(arguments: [Size(80, 24), Size(120, 40), Size(200, 50)])
  func board(size: Size) throws {
    let app = try Session(size: size, board: try board())
    app.press(.showBoard)
    assertSnapshot(app.screen, named: "board-\(size)")
    app.press(.toggleSwimlanes)
    assertSnapshot(app.screen, named: "board-lanes-\(size)")
  }

  @Test func narrowTerminalsPageThroughColumns() throws {
    let app = try Session(size: Size(50, 20), board: try board())
    app.press(.showBoard, .columnRight, .columnRight)
    assertSnapshot(app.screen, named: "board-50x20-paged")
  }

  @Test func standupPanel() throws {
    let app = try Session(size: Size(100, 30), board: try board())
    app.press(.showBoard, .startStandup, .nextCard, .nextCard)
    assertSnapshot(app.screen, named: "standup-100x30")
  }
}
