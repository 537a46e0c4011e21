import Foundation
import ScrumCore
import TermUI
import TestSupport
import Testing

@testable import BoardApp

/// Every grooming operation of the backlog, and its undo, through the real runtime.
@Suite struct GroomingTests {
  func story(_ app: Session, _ number: Int) -> Story? { app.state.board.story(StoryID(number)) }

  /// Checks the board in memory and on disk agree, then undoes the last step and checks the
  /// board is as before it.
  func expectUndoRestores(_ app: Session, to before: Board, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(try app.store.load() == app.state.board, sourceLocation: sourceLocation)
    app.press(.undo)
    #expect(app.state.board.stories.map(\.id) == before.stories.map(\.id), sourceLocation: sourceLocation)
    for story in before.stories {
      var now = app.state.board.story(story.id)
      now?.updatedAt = story.updatedAt
      now?.history = story.history
      // Histories record the change and its undo, both; what they add up to is the story as it was.
      if let scope = now?.scope(at: .distantFuture) {
        #expect(scope.sprint == story.sprint && scope.points == story.points, sourceLocation: sourceLocation)
      }
      now?.scopeHistory = story.scopeHistory
      var was = story
      was.history = now?.history ?? []
      #expect(now == was, "\(story.id)", sourceLocation: sourceLocation)
    }
    #expect(try app.store.load().stories.map(\.title) == before.stories.map(\.title), sourceLocation: sourceLocation)
  }

  @Test func editTheTitleInPlace() throws {
    let app = try Session()
    let before = app.state.board
    app.press(.editTitle)
    #expect(app.state.prompt?.editor.text == "Pay with a saved card")
    app.press(.control("w"), .control("w"))
    app.type("stored card 💳")
    app.press(.enter)
    #expect(story(app, 1)?.title == "Pay with a stored card 💳")
    try expectUndoRestores(app, to: before)
  }

  @Test func pointsFromTheScale() throws {
    let app = try Session()
    let before = app.state.board
    app.press(.moveDown, .moveDown)  // SB-3, 5 points
    app.press(.setPoints)
    #expect(app.lines.contains { $0.contains("› 5") })
    app.press(.moveDown, .choose)
    #expect(story(app, 3)?.points == Points(8))
    try expectUndoRestores(app, to: before)
  }

  @Test func aValueIsPickedByTypingItsStart() throws {
    let app = try Session()
    app.press(.moveDown, .moveDown)  // SB-3, 5 points
    app.press(.setPoints)
    #expect(app.lines.contains { $0.contains("type to jump") })
    func chosen() throws -> String {
      let picker = try #require(app.state.picker)
      return picker.options[picker.selection].label
    }
    app.type("13")
    #expect(try chosen() == "13")
    app.type("x")  // nothing starts with "13x" or "x": the selection stays
    #expect(try chosen() == "13")
    app.type("2")  // nothing starts with "132": a new start
    #expect(try chosen() == "2")
    app.type("N")
    #expect(try chosen() == "no estimate")
    app.type("j")  // the picker's own key: down, and the typing starts over
    #expect(try chosen() == "0")
    app.type(".")
    #expect(try chosen() == "0")
    app.type("0.")
    #expect(try chosen() == "0.5")
    app.press(.choose)
    #expect(story(app, 3)?.points == Points(0.5))
  }

  /// An estimate leaves every row where it is and counts again only its section's totals (no
  /// layout of the whole backlog): the same rows and totals as a layout from scratch.
  @Test func anEstimateRecountsItsSectionAsAFreshLayoutWould() throws {
    let app = try Session()
    let sprintBefore = try #require(app.state.backlogRows.sprintHeadings.first?.totals)
    let backlogBefore = app.state.backlogRows.backlogTotals
    app.press(.moveDown, .moveDown)  // SB-3, 5 points, in the sprint
    app.press(.setPoints)
    app.press(.moveDown, .choose)  // 8
    #expect(app.state.backlogRows.sprintHeadings.first?.totals.points == sprintBefore.points + 3)
    #expect(app.state.backlogRows == BacklogRows(board: app.state.board, filter: app.state.filter))
    app.press(.last)  // SB-28, 3 points, ready, in the product backlog
    app.press(.setPoints)
    app.press(.first, .choose)  // no estimate: not ready any more
    #expect(story(app, 28)?.isReady == false)
    #expect(app.state.backlogRows.backlogTotals.points == backlogBefore.points - 3)
    #expect(app.state.backlogRows.backlogTotals.readyPoints == backlogBefore.readyPoints - 3)
    #expect(app.state.backlogRows == BacklogRows(board: app.state.board, filter: app.state.filter))
    app.press(.moveUp, .moveDown)  // past the change's own message on the status line
    #expect(app.lines.contains { $0.contains("\(format(backlogBefore.points - 3)) pts · ") })
    app.press(.undo)
    #expect(app.state.backlogRows.backlogTotals == backlogBefore)
    #expect(app.state.backlogRows == BacklogRows(board: app.state.board, filter: app.state.filter))
    // A story that is not on the board is refused as before, and nothing changes.
    var state = app.state
    #expect(throws: BoardError.unknownStory(StoryID(999))) {
      try state.apply(.storyEdited(StoryID(999), [.points(Points(3))], updatedAt: Fixtures.now))
    }
    #expect(state == app.state)
  }

  @Test func labelsAddRemoveOrReplace() throws {
    let app = try Session()
    app.press(.moveDown, .moveDown)  // SB-3: search, mobile
    app.press(.setLabels)
    app.press(.control("u"))
    app.type("+perf -mobile")
    app.press(.enter)
    #expect(story(app, 3)?.labels == ["search", "perf"])
    app.press(.setLabels)
    app.press(.control("u"))
    app.type("a, b")
    app.press(.enter)
    #expect(story(app, 3)?.labels == ["a", "b"])
    app.press(.undo)
    #expect(story(app, 3)?.labels == ["search", "perf"])
  }

  @Test func assigneeAndEpic() throws {
    let app = try Session()
    let before = app.state.board
    app.press(.last)  // SB-28, Accounts, nobody
    app.press(.setAssignee)
    app.type("dana")
    app.press(.enter)
    #expect(story(app, 28)?.assignee == "dana")
    app.press(.setEpic)
    app.press(.first, .choose)  // no epic
    #expect(story(app, 28)?.epic == nil)
    app.press(.undo)
    #expect(story(app, 28)?.epic == "ACC")
    try expectUndoRestores(app, to: before)
  }

  @Test func sprintToggleUpdatesCommittedPointsAtOnce() throws {
    let app = try Session()
    let before = app.state.board
    #expect(app.lines[2].contains("32/34 pts"))
    app.press(.last)  // SB-28, 3 points, backlog
    app.press(.toggleSprint)
    #expect(story(app, 28)?.sprint == "Sprint 14")
    #expect(app.state.backlog.selection == StoryID(28))
    #expect(app.lines.contains { $0.hasPrefix("› SB-28") })
    #expect(app.state.backlogRows.sprintHeadings.first?.totals.points == 35)
    app.press(.toggleSprint)
    #expect(story(app, 28)?.sprint == nil)
    app.press(.toggleSprint)
    try expectUndoRestores(app, to: before)
  }

  @Test func topAndBottomOfTheList() throws {
    let app = try Session()
    app.press(.last, .rankTop)
    #expect(app.state.board.stories(inSprint: nil).first?.id == StoryID(28))
    app.press(.rankBottom)
    #expect(app.state.board.stories(inSprint: nil).last?.id == StoryID(28))
    #expect(app.lines[22].contains("Already") == false)
    app.press(.rankBottom)
    #expect(app.lines[22].contains("Already at the bottom"))
  }

  @Test func splitAStoryTakingChosenCriteria() throws {
    let app = try Session()
    let before = app.state.board
    app.press(.splitStory)  // SB-1, three criteria
    #expect(app.state.prompt?.editor.text == "Pay with a saved card (part 2)")
    app.press(.control("u"))
    app.type("Decline reasons from the bank")
    app.press(.enter)
    #expect(app.state.picker?.options.count == 3)
    app.press(.last, .toggleMark, .choose)
    let part = try #require(story(app, 36))  // the next number: 35 stories before
    #expect(part.title == "Decline reasons from the bank")
    #expect(part.acceptanceCriteria.map(\.text) == ["A declined card shows the bank's reason"])
    #expect(part.splitFrom == StoryID(1))
    #expect(part.epic == "CHK" && part.labels == ["payments"] && part.sprint == "Sprint 14")
    #expect(story(app, 1)?.acceptanceCriteria.count == 2)
    #expect(app.state.board.stories(inSprint: "Sprint 14").prefix(2).map(\.id) == [StoryID(1), StoryID(36)])
    #expect(app.state.backlog.selection == StoryID(36))
    app.press(.openDetail)
    #expect(app.lines.contains { $0.contains("Split from") && $0.contains("SB-1") })
    app.press(.close)
    try expectUndoRestores(app, to: before)
  }

  @Test func deleteAsksFirst() throws {
    let app = try Session()
    let before = app.state.board
    app.press(.moveDown, .deleteStory)
    #expect(app.lines[23].contains("Delete SB-2? (y/n)"))
    app.press(.character("n"))
    #expect(story(app, 2) != nil)
    app.press(.deleteStory)
    app.press(.character("y"))
    #expect(story(app, 2) == nil)
    #expect(app.state.backlog.selection == StoryID(3))
    try expectUndoRestores(app, to: before)
  }

  @Test func markedStoriesChangeTogetherAsOneStep() throws {
    let app = try Session()
    let before = app.state.board
    app.press(.last, .moveUp, .moveUp)  // SB-26
    app.press(.toggleMark, .toggleMark)  // marks SB-26 and SB-27, moves on
    #expect(app.state.marked == [StoryID(26), StoryID(27)])
    #expect(app.lines[0].contains("2 marked"))
    app.press(.setPoints)
    app.press(.first, .choose)  // no estimate
    #expect(story(app, 26)?.points == nil && story(app, 27)?.points == nil)
    #expect(story(app, 28)?.points == Points(3))
    try expectUndoRestores(app, to: before)
  }

  @Test func rangeMarksAndBulkDelete() throws {
    let app = try Session()
    app.press(.last, .toggleMark)  // marks SB-28 (stays on the last)
    app.press(.moveUp, .moveUp, .moveUp, .markRange)
    #expect(app.state.marked == Set([25, 26, 27, 28].map(StoryID.init)))
    app.press(.deleteStory)
    #expect(app.lines[23].contains("Delete 4 stories?"))
    app.press(.character("y"))
    #expect(app.state.board.storyCount == 31)
    #expect(app.state.marked.isEmpty)
    app.press(.undo)
    #expect(app.state.board.storyCount == 35)
  }

  @Test func filterAsYouTypeAndEscapeClears() throws {
    let app = try Session()
    app.press(.filterText)
    app.type("deliv")
    #expect(app.lines[0].contains("filter: /deliv"))
    let shown = app.state.backlogRows.storyIDs.map(\.number)
    #expect(shown == [2, 8, 15, 22, 24])
    app.press(.enter)
    app.press(.nextMatch)
    #expect(app.state.backlog.selection == StoryID(8))
    app.press(.previousMatch, .previousMatch)
    #expect(app.state.backlog.selection == StoryID(24))
    // Totals stay those of the whole section.
    #expect(app.lines.contains { $0.contains("20 stories · 110 pts") })
    app.press(.escape)
    #expect(!app.state.filter.isActive)
    #expect(app.state.backlogRows.storyIDs.count == 28)
    #expect(app.state.backlog.selection == StoryID(24))
  }

  @Test func filterMenuNarrowsByFacets() throws {
    let app = try Session()
    app.press(.filterMenu)
    let options = try #require(app.state.picker?.options)
    let search = try #require(options.firstIndex { $0.value == .facet(.epic("SRCH")) })
    pick(app, search)
    #expect(app.state.filter.epic == "SRCH")
    #expect(app.state.backlogRows.storyIDs.allSatisfy { app.state.board.story($0)?.epic == "SRCH" })
    #expect(app.lines[0].contains("filter: epic: Search"))
    app.press(.filterMenu)
    let notReady = try #require(app.state.picker?.options.firstIndex { $0.value == .facet(.ready(false)) })
    pick(app, notReady)
    #expect(app.state.backlogRows.storyIDs.map(\.number) == [17, 20, 27])
  }

  /// Moves the picker's selection to an option as a user would (j, skipping headings), and takes it.
  func pick(_ app: Session, _ index: Int) {
    for _ in 0..<100 where app.state.picker?.selection != index { app.press(.moveDown) }
    app.press(.choose)
  }

  @Test func theWholeStoryInTheEditor() throws {
    let app = try Session(editor: { path in
      guard var text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
      text = text.replacingOccurrences(of: "Points: 3 ", with: "Points: 13 ")
      text = text.replacingOccurrences(of: "Assignee: ", with: "Assignee: chen")
      text += "- [x] Written in the editor\n"
      return (try? text.write(toFile: path, atomically: true, encoding: .utf8)) != nil
    })
    let before = app.state.board
    app.press(.last, .editInEditor)
    let edited = try #require(story(app, 28))
    #expect(edited.points == Points(13))
    #expect(edited.assignee == "chen")
    #expect(edited.tasks == [StoryTask("Written in the editor", done: true)])
    #expect(edited.acceptanceCriteria == before.story(StoryID(28))?.acceptanceCriteria)
    #expect(app.terminal.suspensions == 1)
    try expectUndoRestores(app, to: before)
  }

  @Test func aMistakeInTheEditorReopensItWithTheErrorAndNothingLost() throws {
    let openings = Counter()
    let app = try Session(editor: { path in
      openings.count += 1
      guard var text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
      if openings.count == 1 {
        text = text.replacingOccurrences(of: "Points: 3 ", with: "Points: 4 ")
        text = text.replacingOccurrences(of: "Title: Audit log", with: "Title: Full audit log")
      } else {
        #expect(text.hasPrefix("# ERROR: line "))
        #expect(text.contains("points must be one of"))
        #expect(text.contains("Title: Full audit log"))
        text = text.replacingOccurrences(of: "Points: 4 ", with: "Points: 5 ")
      }
      return (try? text.write(toFile: path, atomically: true, encoding: .utf8)) != nil
    })
    app.press(.last, .editInEditor)
    #expect(openings.count == 2)
    #expect(story(app, 28)?.title == "Full audit log of sign-ins for my account")
    #expect(story(app, 28)?.points == Points(5))
  }

  @Test func anEditorThatFailsChangesNothing() throws {
    let app = try Session(editor: { _ in false })
    let before = app.state.board
    app.press(.editInEditor)
    #expect(app.state.board == before)
    #expect(app.lines[22].contains("failed or was not found"))
  }
}

final class Counter: @unchecked Sendable {
  var count = 0
}
