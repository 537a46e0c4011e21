import Foundation
import ScrumCore
import TermUI
import TestSupport
import Testing

@testable import BoardApp

/// The reports pane over the board whose numbers ReportTests works out by hand.
@Suite struct ReportsTests {
  func reports(size: Size = Size(80, 24), glyphs: ChartGlyphs = .unicode) throws -> Session {
    let app = try Session(
      size: size, board: Fixtures.reportBoard(), now: Fixtures.reportNow, unicodeGraphics: glyphs == .unicode)
    app.press(.showReports)
    #expect(app.state.pane == .reports)
    return app
  }

  @Test(arguments: [Size(80, 24), Size(160, 48)])
  func everyChartInUnicodeAndASCII(size: Size) throws {
    for glyphs in [ChartGlyphs.unicode, .ascii] {
      let app = try reports(size: size, glyphs: glyphs)
      let suffix = glyphs == .unicode ? "" : "-ascii"
      for tab in ReportTab.allCases {
        #expect(app.state.reports.tab == tab)
        assertSnapshot(app.screen, named: "report-\(tab.title.lowercased().replacingOccurrences(of: " ", with: "-"))-\(size)\(suffix)")
        app.press(.nextReport)
      }
    }
  }

  @Test func theNumbersLineTellsTheSprintsStory() throws {
    let app = try reports()
    let text = app.lines.joined(separator: "\n")
    #expect(text.contains("Sprint 1 · active · 2026-11-23 → 2026-12-04 · day 7 of 10"))
    #expect(text.contains("Committed 19 · scope 23 (+4) · done 10 · remaining 13 · 7.3 behind ideal"))
  }

  @Test func anotherSprintAndBack() throws {
    let app = try reports()
    app.press(.previousSprint)
    #expect(app.lines[2].contains("Sprint 0 · closed"))
    #expect(app.lines[3].contains("Committed 8 · done 5 · remaining 3") || app.lines[3].contains("Committed 8 · scope 8 · done 5"))
    app.press(.previousSprint)
    #expect(app.state.flash?.text == "This is the first sprint")
    app.press(.nextSprint)
    #expect(app.lines[2].contains("Sprint 1 · active"))
  }

  @Test func chartsRedrawAtEverySizeAndOnResize() throws {
    let app = try reports()
    for tab in ReportTab.allCases {
      for size in [Size(80, 24), Size(40, 10), Size(39, 9), Size(57, 13), Size(200, 60), Size(80, 24)] {
        app.resize(to: size)
        let lines = app.lines
        #expect(lines.count == size.height)
        if size.width >= 40, size.height >= 10 {
          #expect(lines[0].contains("Reports"), "\(tab) at \(size)")
        } else {
          #expect(lines.joined().contains("too small"))
        }
      }
      app.press(.nextReport)
    }
  }

  @Test func cycleTimesScrollAndStopAtTheEnd() throws {
    let app = try reports(size: Size(80, 12))
    app.press(.previousReport)  // wraps to Cycle time
    #expect(app.state.reports.tab == .cycleTime)
    #expect(app.lines.joined().contains("Median 1.2 d · 85th percentile 5.3 d · 3 finished"))
    app.press(.last)
    let scroll = app.state.reports.scroll
    #expect(scroll <= 3)
    app.press(.moveDown, .moveDown)
    #expect(app.state.reports.scroll == scroll)
  }

  @Test func tabCyclesThroughThePanesAndAsciiToggles() throws {
    let app = try reports()
    app.press(.toggleChartGlyphs)
    #expect(app.state.reportGlyphs == .ascii)
    #expect(!app.lines.joined().contains("⠁"))
    app.press(.cyclePane)
    #expect(app.state.pane == .backlog)
    app.press(.cyclePane, .cyclePane)
    #expect(app.state.pane == .reports)
  }

  @Test func helpFromTheReportsListsTheirKeysFirst() throws {
    let app = try reports()
    app.press(.help)
    #expect(app.lines[2].contains("Reports"))
    #expect(app.lines[3...14].contains { $0.contains("h ←") && $0.contains("previous report") })
    app.press(.close)
    #expect(app.state.help == nil && app.state.pane == .reports)
  }

  @Test func withoutSprintsTheReportsSayWhatToDo() throws {
    let app = try Session(size: Size(80, 24), board: Fixtures.tinyBoard(), now: Fixtures.now)
    app.press(.showReports)
    #expect(app.lines.joined().contains("No sprint has started yet"))
    app.press(.nextReport, .nextReport)
    #expect(app.lines.joined().contains("No sprint has closed yet"))
  }

  @Test func theBacklogForecastMarksWhereStoriesLand() throws {
    let app = try Session(size: Size(100, 24), board: Fixtures.reportBoard(), now: Fixtures.reportNow)
    app.press(.toggleForecast)
    #expect(app.state.showForecast)
    assertSnapshot(app.screen, named: "backlog-forecast-100x24")
    let line = try #require(app.lines.first { $0.contains("SHOP-8") })
    #expect(line.contains("→ Sprint 3"))
    app.press(.toggleForecast)
    #expect(!app.lines.joined().contains("→ Sprint"))
  }

  @Test func noForecastWithoutAPace() throws {
    let app = try Session(size: Size(80, 24), board: Fixtures.tinyBoard(), now: Fixtures.now)
    app.press(.toggleForecast)
    #expect(!app.state.showForecast)
    #expect(app.state.flash?.text.contains("needs a closed sprint") == true)
  }
}

/// The sprint review export, compared with stored Markdown files.
@Suite struct SprintReviewTests {
  let board = Fixtures.reportBoard()

  @Test func theActiveSprintsReview() throws {
    let sprint = try SprintReview.sprint(named: "current", on: board)
    #expect(sprint.name == "Sprint 1")
    let text = SprintReview.markdown(board: board, sprint: sprint, now: Fixtures.reportNow)
    assertSnapshot(text: text, named: "sprint-review-sprint-1.md")
    #expect(text.contains("| Not completed | 13 | 2 |"))
    #expect(text.contains("SHOP-5** Card brand icons: re-estimated 3 → 5 points"))
  }

  @Test func aClosedSprintsReviewListsCarriedOverWork() throws {
    let sprint = try SprintReview.sprint(named: "sprint 0", on: board)
    let text = SprintReview.markdown(board: board, sprint: sprint, now: Fixtures.reportNow)
    assertSnapshot(text: text, named: "sprint-review-sprint-0.md")
    #expect(text.contains("**SHOP-7** Order confirmation email (3 points) → the product backlog"))
  }

  @Test func titlesCannotBreakTheTablesOrTheTerminal() throws {
    var board = board
    _ = try board.edit(StoryID(3), [.title("Pipes | and \u{1B}[31mred\u{1B}[0m")], at: Fixtures.reportNow)
    let sprint = try SprintReview.sprint(named: "Sprint 1", on: board)
    let text = SprintReview.markdown(board: board, sprint: sprint, now: Fixtures.reportNow)
    #expect(text.contains("Pipes \\| and ^[[31mred^[[0m"))
    #expect(!text.contains("\u{1B}"))
  }

  @Test func sprintsThatCannotBeReviewedSayWhy() {
    #expect(throws: SprintReview.Failure.self) { try SprintReview.sprint(named: "Sprint 9", on: board) }
    #expect(
      (try? SprintReview.sprint(named: "Sprint 9", on: board)) == nil
        && "\(SprintReview.Failure.noSprint("Sprint 9", known: ["Sprint 0", "Sprint 1"]))"
          == "no sprint named \"Sprint 9\" (sprints: Sprint 0, Sprint 1)")
    #expect(throws: SprintReview.Failure.self) { try SprintReview.sprint(named: "current", on: Fixtures.tinyBoard()) }
  }
}
