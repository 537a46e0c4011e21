import Foundation
import ScrumCore
import ScrumStore
import TermUI
import TestSupport
import Testing

@testable import BoardApp

/// The story detail: every operation on fields and lines, and its undo.
@Suite struct DetailTests {
  func story(_ app: Session, _ number: Int) -> Story? { app.state.board.story(StoryID(number)) }

  /// Opens SB-1 (three criteria, three tasks) and puts the cursor on `item`.
  func openFirstStory(at item: DetailItem? = nil) throws -> Session {
    let app = try Session()
    app.press(.openDetail)
    if let item {
      for _ in 0..<60 where app.state.detail?.cursor != item { app.press(.moveDown) }
      #expect(app.state.detail?.cursor == item)
    }
    return app
  }

  @Test func theCursorWalksFieldsAndLinesAndTabJumpsSections() throws {
    let app = try openFirstStory()
    #expect(app.state.detail?.cursor == .title)
    app.press(.moveDown)
    #expect(app.state.detail?.cursor == .type)
    app.press(.nextSection)
    #expect(app.state.detail?.cursor == .description)
    app.press(.nextSection)
    #expect(app.state.detail?.cursor == .criterion(0))
    app.press(.nextSection)
    #expect(app.state.detail?.cursor == .task(0))
    app.press(.previousSection)
    #expect(app.state.detail?.cursor == .criterion(0))
    // The selected line is highlighted and kept in view.
    app.press(.last)
    #expect(app.state.detail?.cursor == .task(2))
    let row = try #require(app.lines.firstIndex { $0.contains("Decline messages") })
    #expect(app.screen[4, row].style.role == .selection)
  }

  @Test func spaceTicksCriteriaAndTasksAndUndoUnticks() throws {
    let app = try openFirstStory(at: .criterion(1))
    app.press(.toggleDone)
    #expect(story(app, 1)?.acceptanceCriteria[1].done == true)
    #expect(try app.store.load().story(StoryID(1))?.acceptanceCriteria[1].done == true)
    app.press(.nextSection)
    app.press(.toggleDone)
    #expect(story(app, 1)?.tasks[0].done == false)
    app.press(.undo, .undo)
    #expect(story(app, 1)?.acceptanceCriteria[1].done == false)
    #expect(story(app, 1)?.tasks[0].done == true)
  }

  @Test func addEditReorderAndDeleteLines() throws {
    let app = try openFirstStory()
    app.press(.addCriterion)
    app.type("Works with 3-D Secure")
    app.press(.enter)
    #expect(story(app, 1)?.acceptanceCriteria.last?.text == "Works with 3-D Secure")
    #expect(app.state.detail?.cursor == .criterion(3))
    app.press(.lineUp)
    #expect(story(app, 1)?.acceptanceCriteria[2].text == "Works with 3-D Secure")
    #expect(app.state.detail?.cursor == .criterion(2))
    app.press(.editLine)
    app.press(.end)
    app.type(" v2")
    app.press(.enter)
    #expect(story(app, 1)?.acceptanceCriteria[2].text == "Works with 3-D Secure v2")
    app.press(.addTask)
    app.type("Load test the vault @chen")
    app.press(.enter)
    #expect(story(app, 1)?.tasks.last == StoryTask("Load test the vault", assignee: "chen"))
    app.press(.deleteLine)
    #expect(app.lines[23].contains("Delete task 4? (y/n)"))
    app.press(.character("y"))
    #expect(story(app, 1)?.tasks.count == 3)
    app.press(.undo)
    #expect(story(app, 1)?.tasks.count == 4)
    #expect(try app.store.load().story(StoryID(1)) == story(app, 1))
  }

  @Test func fieldsThroughPromptsAndPickers() throws {
    let app = try openFirstStory(at: .type)
    let before = try #require(story(app, 1))
    app.press(.editLine)
    #expect(app.state.picker?.title == "Type")
    app.press(.moveDown, .choose)
    #expect(story(app, 1)?.type == .bug)
    app.press(.moveDown, .moveDown, .editLine)  // points
    app.press(.moveDown, .choose)
    #expect(story(app, 1)?.points == Points(8))
    app.press(.moveDown, .editLine)  // sprint
    app.press(.first, .choose)
    #expect(story(app, 1)?.sprint == nil)
    app.press(.moveDown, .moveDown, .editLine)  // labels
    app.press(.control("u"))
    app.type("cards, wallet")
    app.press(.enter)
    #expect(story(app, 1)?.labels == ["cards", "wallet"])
    app.press(.setBlocked)
    app.type("Waiting for the card vault contract")
    app.press(.enter)
    #expect(story(app, 1)?.blocked == "Waiting for the card vault contract")
    app.press(.setBlocked)
    app.press(.control("u"), .enter)
    #expect(story(app, 1)?.blocked == nil)
    for _ in 0..<6 { app.press(.undo) }
    #expect(story(app, 1)?.type == before.type)
    #expect(story(app, 1)?.points == before.points)
    #expect(story(app, 1)?.sprint == before.sprint)
    #expect(story(app, 1)?.labels == before.labels)
  }

  @Test func movingToDoneWithOpenWorkAsksAndListsIt() throws {
    let app = try openFirstStory(at: .status)
    app.press(.editLine, .last, .choose)  // Done
    let picker = try #require(app.state.picker)
    #expect(picker.title == "Move to Done?")
    let text = app.lines.joined(separator: "\n")
    #expect(text.contains("Paying with a saved card asks only for the CVC"))
    #expect(text.contains("Code reviewed and merged"))
    #expect(story(app, 1)?.status == "in-progress")
    app.press(.choose)  // the default answer is no
    #expect(story(app, 1)?.status == "in-progress")
    app.press(.editLine, .last, .choose)
    app.press(.moveUp, .choose)  // yes
    #expect(story(app, 1)?.status == "done")
    #expect(story(app, 1)?.history.last?.to == "done")
    app.press(.undo)
    #expect(story(app, 1)?.status == "in-progress")
  }

  @Test func anotherProcessesChangeToTheOpenStoryShows() throws {
    let store = try BoardRepository.inMemory(Fixtures.sampleBoard())
    let app = try Session(store: store)
    app.press(.openDetail)
    var other = try store.load()
    try store.apply(try other.edit(StoryID(1), [.blocked("Card vault is down")], at: Fixtures.now))
    app.runtime.pullChangesFromOthers()
    #expect(app.lines.contains { $0.contains("! Card vault is down") })
  }

  @Test func wideTerminalsShowTheDetailBesideTheList() throws {
    let app = try Session(size: Size(200, 50))
    app.press(.moveDown, .moveDown, .openDetail)
    let lines = app.lines
    #expect(lines.contains { $0.contains("› SB-3") && $0.contains("│") && $0.hasSuffix("") })
    #expect(lines[1].contains("SB-3 · story · In Progress"))
    app.press(.close)
    #expect(app.state.pane == .backlog)
    #expect(app.state.backlog.selection == StoryID(3))
  }
}

/// Detail screens with a long description, 20 criteria, wide characters and an impediment.
@Suite struct DetailSnapshotTests {
  func board() throws -> Board {
    var board = Fixtures.sampleBoard()
    let long = (1...6).map { "Paragraph \($0): as a returning shopper I want my saved cards to be offered first, " +
      "so that paying takes one tap; this matters most on small phones and slow connections." }.joined(separator: "\n")
    _ = try board.edit(
      StoryID(3), [.description(long), .blocked("Search cluster upgrade — 検索クラスタの更新待ち 🚧")], at: Fixtures.now)
    let criteria = (1...20).map { Criterion("Criterion \($0): 条件 \($0) holds for every locale", done: $0 % 3 == 0) }
    try board.apply(.criteriaReplaced(StoryID(3), criteria, updatedAt: Fixtures.now))
    return board
  }

  @Test(arguments: [Size(80, 24), Size(200, 50)])
  func richStory(size: Size) throws {
    let app = try Session(size: size, board: try board())
    app.press(.moveDown, .moveDown, .openDetail)
    app.press(.nextSection, .nextSection, .moveDown, .moveDown)
    assertSnapshot(app.screen, named: "detail-rich-\(size)")
  }
}
