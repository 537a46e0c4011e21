import ScrumCore
import TermUI
import TestSupport
import Testing

@testable import BoardApp

@Suite struct BacklogTests {
  @Test func theBacklogOpensOnItsFirstStory() throws {
    let app = try Session()
    #expect(app.state.backlog.selection == StoryID(1))
    #expect(app.lines[3].hasPrefix("› SB-1 "))
  }

  @Test func jAndKMoveTheSelectionAcrossSections() throws {
    let app = try Session()
    app.press(.moveDown, .moveDown)
    #expect(app.state.backlog.selection == StoryID(3))
    app.press(.moveUp)
    #expect(app.state.backlog.selection == StoryID(2))
    app.press(.moveUp, .moveUp, .moveUp)
    #expect(app.state.backlog.selection == StoryID(1))
    app.press(.last)
    #expect(app.state.backlog.selection == StoryID(28))
    #expect(app.lines.contains { $0.hasPrefix("› SB-28") })
    app.press(.first)
    #expect(app.state.backlog.selection == StoryID(1))
    #expect(app.state.backlog.scroll == 0)
  }

  @Test func arrowsAndPagingWorkWhereLettersDo() throws {
    let app = try Session()
    app.press(.down, .down)
    #expect(app.state.backlog.selection == StoryID(3))
    app.press(Key.pageDown)
    let afterPage = try #require(app.state.backlog.selection)
    #expect(afterPage.number > 15)
    #expect(app.lines.contains { $0.hasPrefix("› \(app.state.board.key(of: afterPage)) ") })
    app.press(Key.pageUp, Key.pageUp)
    #expect(app.state.backlog.selection == StoryID(1))
    app.press(.end)
    #expect(app.state.backlog.selection == StoryID(28))
    app.press(.home)
    #expect(app.state.backlog.selection == StoryID(1))
  }

  @Test func addingAStoryPutsItBelowTheSelectionSelectsItAndSavesIt() throws {
    let app = try Session()
    app.press(.last, .moveUp)  // SB-27, in the product backlog
    app.press(.addStory)
    #expect(app.lines[23].hasPrefix(" New story title:"))
    app.type("Export the backlog as CSV")
    app.press(.enter)
    let id = StoryID(36)
    #expect(app.state.backlog.selection == id)
    #expect(app.state.board.stories(inSprint: nil).suffix(3).map(\.id) == [StoryID(27), id, StoryID(28)])
    #expect(app.lines.contains { $0.hasPrefix("› SB-36 · Export the backlog as CSV") })
    #expect(app.lines[22].contains("Added SB-36"))
    let stored = try app.store.load()
    #expect(stored.story(id)?.title == "Export the backlog as CSV")
    #expect(stored == app.state.board)
  }

  /// The rows' lookup tables reach as far as the board's story numbers, not its next number:
  /// a story numbered past them comes with a change that lays the rows out again.
  @Test func aBoardNumberedFarBelowItsNextNumberShowsEveryStoryAndTakesANewOne() throws {
    let sample = Fixtures.sampleBoard()
    let board = Board(
      name: sample.name, prefix: sample.prefix, definitionOfDone: sample.definitionOfDone, columns: sample.columns,
      members: sample.members, epics: sample.epics, sprints: sample.sprints, stories: sample.stories,
      nextStoryNumber: 100_000)
    let app = try Session(board: board)
    let rows = app.state.backlogRows
    #expect(board.stories(inSprint: nil).allSatisfy { rows.rowIndex(of: $0.id) != nil })
    app.press(.last)
    app.press(.addStory)
    app.type("Numbered far out")
    app.press(.enter)
    #expect(app.state.backlog.selection == StoryID(100_000))
    #expect(app.lines.contains { $0.hasPrefix("› SB-100000 · Numbered far out") })
  }

  @Test func thePromptEditsWithReadlineKeysAndUTF8() throws {
    let app = try Session()
    app.press(.addStory)
    app.type("Suche nach Größe")
    app.press(.home, .delete, .character("s"), .end, .backspace, .character("e"))
    app.type(" 日本")
    #expect(app.state.prompt?.editor.text == "suche nach Größe 日本")
    #expect(app.terminal.lastCursor != nil)
    app.press(.enter)
    #expect(app.state.board.story(StoryID(36))?.title == "suche nach Größe 日本")
    #expect(app.terminal.lastCursor == nil)
  }

  @Test func escapeCancelsTheTitlePromptAndAddsNothing() throws {
    let app = try Session()
    app.press(.addStory)
    app.type("Never mind")
    app.press(.escape)
    #expect(app.state.prompt == nil)
    #expect(app.state.board.storyCount == 35)  // 28 open, 7 done in closed sprints
    #expect(try app.store.load().storyCount == 35)
  }

  @Test func anEmptyTitleAddsNothingAndSaysSo() throws {
    let app = try Session()
    app.press(.addStory)
    app.type("   ")
    app.press(.enter)
    #expect(app.state.board.storyCount == 35)
    #expect(app.lines[22].contains("Nothing added"))
  }

  @Test func rankingMovesTheStoryAndTheSelectionWithIt() throws {
    let app = try Session()
    app.press(.moveDown)  // SB-2
    app.press(.rankDown)
    #expect(app.state.backlog.selection == StoryID(2))
    #expect(app.state.board.stories(inSprint: "Sprint 14").prefix(3).map(\.id.number) == [1, 3, 2])
    app.press(.rankUp, .rankUp)
    #expect(app.state.board.stories(inSprint: "Sprint 14").prefix(3).map(\.id.number) == [2, 1, 3])
    #expect(app.lines[3].hasPrefix("› SB-2 "))
    #expect(try app.store.load() == app.state.board)
  }

  @Test func rankingStopsAtTheEdgeOfItsSection() throws {
    let app = try Session()
    app.press(.rankUp)
    #expect(app.state.board.stories(inSprint: "Sprint 14").first?.id == StoryID(1))
    #expect(app.lines[22].contains("Already at the top"))
    // The last sprint story does not fall into the product backlog.
    for _ in 0..<7 { app.press(.moveDown) }
    #expect(app.state.backlog.selection == StoryID(8))
    app.press(.rankDown)
    #expect(app.state.board.story(StoryID(8))?.sprint == "Sprint 14")
    #expect(app.lines[22].contains("Already at the bottom"))
  }

  @Test func enterOpensTheDetailAndEscapeComesBackToTheSameStory() throws {
    let app = try Session()
    app.press(.moveDown, .moveDown)
    app.press(.openDetail)
    #expect(app.state.pane == .detail)
    #expect(app.lines[1].contains("SB-3"))
    #expect(app.lines.contains { $0.contains("Waiting for the search cluster upgrade") })
    app.press(.escape)
    #expect(app.state.pane == .backlog)
    #expect(app.state.backlog.selection == StoryID(3))
  }

  @Test func qGoesBackFromTheDetailAndQuitsFromTheBacklog() throws {
    let app = try Session()
    app.press(.openDetail)
    app.press(.character("q"))
    #expect(app.state.pane == .backlog)
    #expect(app.runtime.handle(.key(.character("q"))) == false)
  }

  @Test func helpListsEveryBoundKeyAndClosesWithEscape() throws {
    let app = try Session(size: Size(80, 40))
    app.press(.help)
    let text = app.lines.joined(separator: "\n")
    for command in [Command.addStory, .rankUp, .rankDown, .openDetail, .moveDown] {
      #expect(text.contains(command.help(in: .backlog)), "help must list \(command)")
    }
    app.press(.escape)
    #expect(app.state.help == nil)
    #expect(app.state.pane == .backlog)
  }

  @Test func unboundKeysDoNothing() throws {
    let app = try Session()
    let before = app.state
    app.press(.character("Z"), .function(7), .control("y"))
    #expect(app.state == before)
  }

  @Test func titlesWithEscapeSequencesAreShownInert() throws {
    var board = Fixtures.tinyBoard()
    _ = try board.addStory(title: "Evil \u{1B}]0;pwned\u{7} \u{1B}[2J title", after: nil, at: Fixtures.now)
    let app = try Session(board: board)
    #expect(app.lines.contains { $0.contains("Evil ^[]0;pwned^G ^[[2J title") })
    let cells = (0..<app.screen.height).flatMap { y in app.screen.row(y) }
    #expect(!cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
  }

  @Test func resizingKeepsTheSelectionInViewAndATinyTerminalGetsANote() throws {
    let app = try Session()
    app.press(.last)
    app.resize(to: Size(100, 12))
    #expect(app.lines.count == 12)
    #expect(app.lines.contains { $0.hasPrefix("› SB-28") })
    app.resize(to: Size(30, 8))
    #expect(app.lines.joined().contains("Terminal too small"))
    app.resize(to: Size(80, 24))
    #expect(app.lines.contains { $0.hasPrefix("› SB-28") })
  }

  @Test func theKeyToScreenPathIsPure() throws {
    let app = try Session()
    var state = app.state
    let pressed = try #require(action(for: .character("j"), in: state))
    #expect(pressed == .command(.moveDown))
    let effects = reduce(&state, pressed)
    #expect(effects.isEmpty)
    #expect(render(state).lines[4].hasPrefix("› SB-2 "))
  }
}
