import Foundation
import ScrumCore
import TermUI
import TestSupport
import Testing

@testable import BoardApp

@Suite struct MouseTests {
  @Test func aClickSelectsABacklogStoryAndADoubleClickOpensIt() throws {
    let app = try Session()
    let row = try #require(app.position(of: "SB-7 "))
    app.click(Point(row.x + 10, row.y))
    #expect(app.state.backlog.selection == StoryID(7))
    #expect(app.state.pane == .backlog)
    app.click(Point(row.x + 10, row.y), double: true)
    #expect(app.state.pane == .detail)
    #expect(app.state.detail?.story == StoryID(7))
  }

  @Test func clicksOnHeadingsAndOutsideTheListChangeNothing() throws {
    let app = try Session()
    let before = app.state.backlog.selection
    let heading = try #require(app.position(of: "▾ Sprint"))
    app.click(heading)
    app.click(Point(0, 0))  // the title bar
    app.click(Point(0, 23))  // the hint line
    #expect(app.state.backlog.selection == before)
    #expect(app.state.pane == .backlog)
  }

  @Test func twoClicksFarApartInTimeAreTwoClicks() throws {
    let app = try Session()
    let row = try #require(app.position(of: "SB-7 "))
    app.click(row)
    app.advanceClock(by: 1)
    app.click(row)
    #expect(app.state.pane == .backlog)
  }

  @Test func theWheelMovesThroughTheList() throws {
    let app = try Session()
    let first = app.state.backlog.selection
    app.wheel(down: true)
    let ids = app.state.backlogRows.storyIDs
    let start = try #require(first.flatMap { ids.firstIndex(of: $0) })
    #expect(app.state.backlog.selection == ids[start + 3])
    app.wheel(down: false)
    #expect(app.state.backlog.selection == first)
  }

  @Test func besideAnOpenStoryAClickInTheListShowsThatStory() throws {
    let app = try Session(size: Size(200, 50))
    app.press(.openDetail)
    #expect(app.state.pane == .detail)
    let row = try #require(app.position(of: "SB-7 "))
    app.click(row)
    #expect(app.state.pane == .detail)
    #expect(app.state.detail?.story == StoryID(7))
  }

  @Test func onTheBoardAClickSelectsACardOrAColumnAndADoubleClickOpensTheCard() throws {
    let app = try Session()
    app.press(.showBoard)
    let review = try #require(app.position(of: "Review"))
    app.click(review)
    #expect(app.state.sprintBoard.column == 2)
    #expect(app.state.sprintBoard.selection == app.state.board.stories(inSprint: "Sprint 14").first { $0.status == "review" }?.id)
    let card = try #require(app.position(of: "SB-7"))
    app.click(Point(card.x, card.y + 1))  // the card's second line
    #expect(app.state.sprintBoard.selection == StoryID(7))
    #expect(app.state.sprintBoard.column == 0)
    app.click(card, double: true)
    #expect(app.state.pane == .detail)
    #expect(app.state.detail?.story == StoryID(7))
  }

  @Test func whileHelpOrAPromptIsOpenClicksDoNothingAndTheWheelScrollsHelp() throws {
    let app = try Session()
    let row = try #require(app.position(of: "SB-7 "))
    let before = app.state.backlog.selection
    app.press(.help)
    app.click(row, double: true)
    #expect(app.state.help != nil)
    app.wheel(down: true)
    #expect(app.state.help?.scroll == 3)
    app.press(.close)
    app.press(.editTitle)
    app.click(row)
    #expect(app.state.prompt != nil)
    #expect(app.state.backlog.selection == before)
  }
}
