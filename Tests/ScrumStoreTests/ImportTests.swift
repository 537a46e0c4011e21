import Foundation
import ScrumCore
import TestSupport
import Testing

@testable import ScrumStore

@Suite struct CSVReaderTests {
  @Test func quotedCommasQuotesNewlinesBOMAndCRLF() throws {
    let text = "\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n\r\nlast,,\r\n"
    let records = try CSVReader.records(text)
    #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\r\nlines"], ["last", "", ""]])
    #expect(records.map(\.line) == [1, 2, 5])
  }

  @Test func brokenQuotingNamesTheLine() {
    #expect(throws: CSVReader.Failure(line: 2, message: "a quoted field is never closed")) {
      try CSVReader.records("a,b\n\"open,x\n")
    }
    #expect(throws: CSVReader.Failure(line: 1, message: "a quote inside an unquoted field (quote the whole field and double the quote)")) {
      try CSVReader.records("a b\"c,d\n")
    }
  }

  @Test func writingQuotesOnlyWhatNeedsIt() {
    #expect(CSVReader.quote("plain") == "plain")
    #expect(CSVReader.quote("a,b") == "\"a,b\"")
    #expect(CSVReader.quote("say \"x\"") == "\"say \"\"x\"\"\"")
  }
}

@Suite struct ForeignImportTests {
  let board = Board(name: "Target", prefix: "TG")
  var fixtures: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures") }
  /// The real exports in ../shared/fixtures/real.
  var realFixtures: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("shared/fixtures/real")
  }

  func apply(_ plan: ImportPlan) throws -> (Board, [String]) {
    var target = board
    let (change, warnings) = plan.change(on: target, at: Fixtures.now)
    try target.apply(change)
    return (target, warnings)
  }

  @Test func jiraCSVWithRepeatedColumnsEpicsAndOddStatuses() throws {
    let text = try ForeignImport.text(
      of: try Data(contentsOf: fixtures.appendingPathComponent("jira-awkward.csv")), file: "jira.csv", lenient: false)
    let plan = try ForeignImport.jiraCSV(text, file: "jira.csv")
    #expect(plan.epics == [Epic(key: "PRJ-1", title: "Epic of things")])
    #expect(plan.warnings == ["line 5: 4 points is not on the scale; took 5"])
    let (imported, warnings) = try apply(plan)
    #expect(warnings.last == "line 5: unknown status \"Waiting for QA\" (1 story), put in To Do")
    let stories = imported.stories
    #expect(stories.map(\.title) == ["Login, with SSO", "Fix crash", "Cleanup"])
    let login = stories[0]
    #expect(login.labels == ["auth", "web"])
    #expect(login.sprint == "Sprint 2")
    #expect(login.points == Points(3))
    #expect(login.status == "in-progress")
    #expect(login.description == "Line one\r\nLine \"two\"")
    #expect(login.assignee == "alice")
    #expect(login.epic == "PRJ-1")
    #expect(login.reference == "PRJ-2")
    #expect(stories[1].type == .bug && stories[2].type == .chore && stories[2].status == "done")
    #expect(imported.sprints.map(\.name) == ["Sprint 2"])
  }

  @Test func aFileWithoutTheColumnsIsNotTakenForJira() {
    #expect(throws: ImportError(file: "x.csv", line: 1, field: "Summary", problem: "no Summary column: is this a Jira CSV export?")) {
      try ForeignImport.jiraCSV("Title,Body\nA,B\n", file: "x.csv")
    }
  }

  @Test func theRealJiraExport() throws {
    let data = try Data(contentsOf: realFixtures.appendingPathComponent("jira-cloud-allfields-testautogen.csv"))
    let plan = try ForeignImport.jiraCSV(try ForeignImport.text(of: data, file: "jira", lenient: false), file: "jira")
    #expect(plan.stories.count == 22)
    #expect(plan.stories.allSatisfy { $0.reference?.hasPrefix("TES-") == true })
    #expect(try apply(plan).0.storyCount == 22)
  }

  @Test func gitHubIssuesWithABOMAndMissingFields() throws {
    let data = try Data(contentsOf: realFixtures.appendingPathComponent("github-issues-roo-extensions-assignees-utf8bom.json"))
    let plan = try ForeignImport.gitHubJSON(try ForeignImport.text(of: data, file: "gh", lenient: false), file: "gh")
    #expect(plan.stories.count == 79)
    #expect(plan.stories[0].reference == "#1275")
    #expect(plan.stories[0].assignee == "jsboige")
    let shaped = """
      [{"number": 7, "title": "Crash on save", "body": "Steps…", "labels": [{"name": "bug"}],
        "assignees": [], "state": "CLOSED", "milestone": {"title": "v2.0"}}]
      """
    let (board, _) = try apply(try ForeignImport.gitHubJSON(shaped, file: "gh"))
    let story = try #require(board.stories.first)
    #expect(story.type == .bug && story.status == "done" && story.sprint == "v2.0" && story.reference == "#7")
  }

  @Test func trelloListsCardsAndChecklists() throws {
    let data = try Data(contentsOf: realFixtures.appendingPathComponent("trello-board-tekken-notes.json"))
    let plan = try ForeignImport.trelloJSON(try ForeignImport.text(of: data, file: "t", lenient: false), file: "t")
    #expect(plan.stories.count == 11)
    #expect(plan.stories.contains { !$0.criteria.isEmpty })
    let (_, warnings) = try apply(plan)
    #expect(warnings.contains("line 1: unknown status \"Drill\" (5 stories), put in To Do"))
  }

  @Test func genericCSVExportsFromOtherTools() throws {
    for name in ["generic-csv-linear-import-thai.csv", "linear-export-claw.csv", "taiga-tasks-fldc.csv"] {
      let data = try Data(contentsOf: realFixtures.appendingPathComponent(name))
      let plan = try ForeignImport.csv(try ForeignImport.text(of: data, file: name, lenient: false), file: name, prefix: "TG")
      #expect(!plan.stories.isEmpty, "\(name)")
      #expect(plan.stories.allSatisfy { !$0.title.isEmpty }, "\(name)")
    }
  }

  @Test func invalidUTF8IsNamedOrReplacedWhenLenient() throws {
    let data = Data("title\nfine\n".utf8) + Data([0x62, 0x61, 0x64, 0xFF, 0x0A])
    #expect(throws: ImportError(file: "f.csv", line: 3, field: "", problem: "not UTF-8 text (use --lenient to replace bad bytes)")) {
      try ForeignImport.text(of: data, file: "f.csv", lenient: false)
    }
    #expect(try ForeignImport.text(of: data, file: "f.csv", lenient: true).contains("bad\u{FFFD}"))
  }

  @Test func csvExportRoundTripsThroughImport() throws {
    let sample = Fixtures.sampleBoard()
    let csv = BoardTextExport.csv(sample)
    var empty = Board(name: "Copy", prefix: "SB")
    let (change, _) = try ForeignImport.csv(csv, file: "export.csv", prefix: "SB").change(on: empty, at: Fixtures.now)
    try empty.apply(change)
    #expect(BoardTextExport.csv(empty) == csv)
  }

  @Test func markdownIsAReadableBacklog() {
    let text = BoardTextExport.markdown(Fixtures.sampleBoard())
    #expect(text.hasPrefix("# Basket — online groceries\n\n## Sprint 14\n\nGoal: Checkout without friction (active, "))
    #expect(text.contains("### SB-1 Pay with a saved card\n\n*story · In Progress · 5 pts · epic: Checkout · @alice · #payments* · ready"))
    #expect(text.contains("- [x] Saved cards are listed with brand and last four digits"))
    #expect(text.contains("## Product backlog\n\n20 stories, 110 points."))
  }
}
