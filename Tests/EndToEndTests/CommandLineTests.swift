import Foundation
import GRDB
import ScrumCore
import ScrumStore
import TestSupport
import Testing

/// The command line as scripts and CI use it: the real binary, real files.
@Suite struct CommandLineTests {
  let workspace: Workspace

  init() throws { workspace = try Workspace() }

  @discardableResult
  func scrum(_ arguments: String..., environment: [String: String]? = nil) throws -> Subprocess.Result {
    try Subprocess.run([workspace.binary] + arguments + ["--board", workspace.board], environment: environment)
  }

  func sampleBoard() throws {
    try BoardRepository.create(at: workspace.board, board: Fixtures.sampleBoard()).close()
  }

  func fileBytes(_ path: String? = nil) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path ?? workspace.board)) }

  @Test func versionNamesTheReleaseAndTheFormatsAndOpensNothing() throws {
    let result = try Subprocess.run([workspace.binary, "--version"])
    #expect(result.status == 0)
    let line = try #require(result.output.split(separator: "\n").first.map(String.init))
    #expect(line.hasPrefix("scrum "))
    #expect(line.hasSuffix("(board schema \(Schema.current), export format scrum-board v\(BoardExport.version))"))
    #expect(!FileManager.default.fileExists(atPath: workspace.board))
  }

  @Test func addPrintsTheNewKeyAndListAndShowReadItBack() throws {
    try sampleBoard()
    let added = try scrum("add", "Export to CSV", "--points", "3", "--type", "chore", "--epic", "Checkout",
      "--label", "export", "--label", "pmo", "--assignee", "dana", "--sprint", "current",
      "--criterion", "Columns match Jira's")
    #expect(added.status == 0)
    #expect(added.output == "SB-36\n")
    let shown = try scrum("show", "SB-36", "--json")
    let story = try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
    #expect(story["title"] as? String == "Export to CSV")
    #expect(story["points"] as? Int == 3)
    #expect(story["type"] as? String == "chore")
    #expect(story["epic"] as? String == "CHK")
    #expect(story["labels"] as? [String] == ["export", "pmo"])
    #expect(story["sprint"] as? String == "Sprint 14")
    #expect((story["acceptanceCriteria"] as? [[String: Any]])?.first?["text"] as? String == "Columns match Jira's")
    let listed = try scrum("list", "--sprint", "current", "--status", "To Do", "--json")
    let keys = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]]).compactMap {
      $0["key"] as? String
    }
    #expect(keys == ["SB-6", "SB-7", "SB-8", "SB-36"])
    let text = try scrum("list", "--sprint", "backlog")
    #expect(text.output.hasPrefix("SB-9 "))
    #expect(text.output.split(separator: "\n").count == 20)
  }

  @Test func editRankAndSprintCommandsChangeTheBoard() throws {
    try sampleBoard()
    #expect(try scrum("edit", "SB-9", "--status", "in-progress", "--points", "13", "--blocked", "Waiting for legal").status == 0)
    #expect(try scrum("rank", "SB-28", "--top").status == 0)
    #expect(try scrum("rank", "SB-9", "--after", "SB-10").status == 0)
    var board = try BoardRepository.open(at: workspace.board).load()
    let story = try #require(board.story(StoryID(9)))
    #expect(story.status == "in-progress" && story.points == Points(13) && story.blocked == "Waiting for legal")
    #expect(story.history.last?.to == "in-progress")
    #expect(board.stories(inSprint: nil).prefix(3).map(\.id.number) == [28, 10, 9])
    #expect(try scrum("edit", "SB-9", "--unblocked").status == 0)
    #expect(try scrum("sprint", "new", "Sprint 15", "--goal", "Faster search", "--start", "2026-12-14").status == 0)
    let closed = try scrum("sprint", "close", "--carry-over", "next")
    #expect(closed.status == 0)
    #expect(closed.output.contains("2 done (6 pts), 6 carried over to the next sprint"))
    #expect(try scrum("sprint", "start", "Sprint 15").status == 0)
    board = try BoardRepository.open(at: workspace.board).load()
    #expect(board.story(StoryID(9))?.blocked == nil)
    #expect(board.activeSprint?.name == "Sprint 15")
    #expect(board.stories(inSprint: "Sprint 15").count == 6)
    #expect(board.stories(inSprint: "Sprint 14").allSatisfy { $0.status == "done" })
    let list = try scrum("sprint", "list")
    #expect(list.output.contains("Sprint 14\tclosed"))
    #expect(list.output.contains("Sprint 15\tactive"))
  }

  @Test func exportImportExportIsByteIdentical() throws {
    try sampleBoard()
    let first = try scrum("export", "--format", "json")
    #expect(first.status == 0)
    let file = workspace.folder.appendingPathComponent("export.json")
    try first.output.write(to: file, atomically: true, encoding: .utf8)
    let copy = workspace.folder.appendingPathComponent("copy.db").path
    #expect(try Subprocess.run([workspace.binary, "init", "--board", copy]).status == 0)
    let imported = try Subprocess.run([workspace.binary, "import", file.path, "--format", "json", "--board", copy])
    #expect(imported.status == 0, "\(imported.errorOutput)")
    let second = try Subprocess.run([workspace.binary, "export", "--board", copy])
    #expect(second.output == first.output)
    #expect(second.output.count > 10_000)
  }

  /// Each bad input: one line on stderr, a non-zero exit, and the board file unchanged.
  @Test(arguments: [
    (["show", "SB-99"], "no story SB-99 on this board"),
    (["edit", "SB-3", "--points", "4"], "points must be one of"),
    (["edit", "SB-3", "--status", "blocked"], "unknown status \"blocked\""),
    (["add", "Orphan", "--sprint", "Sprint 99"], "no sprint named \"Sprint 99\""),
    (["list", "--sprint", "Sprint 99"], "no sprint named \"Sprint 99\""),
    (["rank", "SB-3", "--before", "SB-3"], "cannot be ranked against itself"),
    (["sprint", "start", "Sprint 13"], "is closed, not planned"),
    (["add", "   "], "a story needs a title"),
    (["list", "--colour", "red"], "scrum: Unknown option '--colour'"),
    (["edit", "SB-3"], "scrum: nothing to change"),
    (["rank", "SB-3"], "give exactly one of --top, --bottom"),
  ])
  func badArgumentsChangeNothing(arguments: [String], message: String) throws {
    try sampleBoard()
    let before = try fileBytes()
    let result = try Subprocess.run([workspace.binary] + arguments + ["--board", workspace.board])
    #expect(result.status != 0)
    #expect(result.errorOutput.contains(message), "\(result.errorOutput)")
    #expect(result.errorOutput.filter { $0 == "\n" }.count == 1)
    #expect(try fileBytes() == before)
  }

  /// `scrum [--board PATH]` is read without ArgumentParser (start-up time): each spelling must
  /// do what ArgumentParser makes of it, mistakes included.
  @Test func theBareCommandIsReadAsArgumentParserReadsIt() throws {
    try sampleBoard()
    let throughParser = try Subprocess.run([workspace.binary, "open", "--board", workspace.board])
    #expect(throughParser.errorOutput.contains("must be a terminal"))
    for spelling in [["--board", workspace.board], ["--board=\(workspace.board)"]] {
      let result = try Subprocess.run([workspace.binary] + spelling)
      #expect(result.status == throughParser.status)
      #expect(result.errorOutput == throughParser.errorOutput)
    }
    for missing in [["--board"], ["--board="], ["--board", "-x"]] {
      let result = try Subprocess.run([workspace.binary] + missing)
      #expect(result.status == 64)
      #expect(result.errorOutput == "scrum: Missing value for '--board <path>' (see scrum --help)\n")
    }
  }

  /// A round nobody ended stays open in the file; once its facilitator is off the board it is
  /// over on every screen, and `show` says so too.
  @Test func showTellsAnOpenPokerRoundFromOneWhoseFacilitatorLeft() throws {
    try sampleBoard()
    let now = Date()
    let store = try BoardRepository.open(at: workspace.board)
    _ = try store.startRound(story: StoryID(3), facilitator: "ana", instance: "ana-1", at: now)
    try store.publish(Presence(instance: "ana-1", member: "ana", place: "backlog", heartbeat: now))
    #expect(try scrum("show", "SB-3").output.contains("led by ana  no votes  -> open"))
    try store.withdraw(instance: "ana-1")
    store.close()
    #expect(try scrum("show", "SB-3").output.contains("led by ana  no votes  -> ended (the facilitator left)"))
  }

  @Test func aSecondActiveSprintIsRefused() throws {
    try sampleBoard()
    #expect(try scrum("sprint", "new", "Sprint 15").status == 0)
    let before = try fileBytes()
    let result = try scrum("sprint", "start", "Sprint 15")
    #expect(result.status == 1)
    #expect(result.errorOutput == "scrum: sprint \"Sprint 14\" is already active; close it first\n")
    #expect(try fileBytes() == before)
  }

  @Test func badFilesAreRefusedWithOneLineAndLeftAlone() throws {
    // Missing.
    var result = try scrum("list")
    #expect(result.status == 1 && result.errorOutput.contains("no board at"))
    #expect(!FileManager.default.fileExists(atPath: workspace.board))
    // Not SQLite.
    try Data("groceries: milk, eggs\n".utf8).write(to: URL(fileURLWithPath: workspace.board))
    for arguments in [["list"], ["add", "x"], ["export"]] {
      result = try Subprocess.run([workspace.binary] + arguments + ["--board", workspace.board])
      #expect(result.status == 1 && result.errorOutput.contains("is not a scrum board"))
    }
    #expect(try String(contentsOfFile: workspace.board, encoding: .utf8) == "groceries: milk, eggs\n")
    // SQLite, but not a board.
    try FileManager.default.removeItem(atPath: workspace.board)
    let queue = try DatabaseQueue(path: workspace.board)
    try queue.write { try $0.execute(sql: "CREATE TABLE recipe(name TEXT)") }
    try queue.close()
    let foreign = try fileBytes()
    result = try scrum("add", "x")
    #expect(result.status == 1 && result.errorOutput.contains("is not a scrum board"))
    #expect(try fileBytes() == foreign)
  }

  @Test func aTruncatedBoardIsReportedDamagedAndLeftAlone() throws {
    try sampleBoard()
    let whole = try fileBytes()
    try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: workspace.board))
    let truncated = try fileBytes()
    for arguments in [["list"], ["add", "x"], ["export"], ["show", "SB-1"]] {
      let result = try Subprocess.run([workspace.binary] + arguments + ["--board", workspace.board])
      #expect(result.status == 1)
      #expect(result.errorOutput.contains("is damaged"), "\(arguments): \(result.errorOutput)")
    }
    #expect(try fileBytes() == truncated)
  }

  @Test func aBoardLockedByAnotherWriterFailsAfterTheTimeout() throws {
    try sampleBoard()
    let before = try fileBytes()
    var environment = ProcessInfo.processInfo.environment
    environment["SCRUM_LOCK_TIMEOUT"] = "0.3"
    let holder = try DatabaseQueue(path: workspace.board)
    var result: Subprocess.Result?
    // Another writer holds the write lock while scrum tries to add a story.
    try holder.inTransaction(.immediate) { _ in
      result = try scrum("add", "Blocked by a lock", environment: environment)
      return .rollback
    }
    try holder.close()
    let outcome = try #require(result)
    #expect(outcome.status == 1)
    #expect(outcome.errorOutput.contains("is locked by another writer"), "\(outcome.errorOutput)")
    #expect(try fileBytes() == before)
  }

  @Test func aReadOnlyBoardCanBeReadButNotWritten() throws {
    try sampleBoard()
    // root may write anything; run as nobody, for whom the file and folder are read-only.
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: workspace.folder.path)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: workspace.board)
    let before = try fileBytes()
    let asNobody = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", workspace.binary]
    let listed = try Subprocess.run(asNobody + ["list", "--board", workspace.board])
    #expect(listed.status == 0, "\(listed.errorOutput)")
    #expect(listed.output.contains("SB-28"))
    let added = try Subprocess.run(asNobody + ["add", "Nope", "--board", workspace.board])
    #expect(added.status == 1)
    #expect(added.errorOutput.contains("read-only"))
    #expect(try fileBytes() == before)
  }

  @Test func anImportThatIsNotUTF8IsRefused() throws {
    #expect(try Subprocess.run([workspace.binary, "init", "--board", workspace.board]).status == 0)
    let before = try fileBytes()
    let file = workspace.folder.appendingPathComponent("latin1.json")
    try Data([0x7B, 0x22, 0x6E, 0xE9, 0xFF, 0x22, 0x7D]).write(to: file)
    let result = try Subprocess.run([workspace.binary, "import", file.path, "--board", workspace.board])
    #expect(result.status == 1)
    #expect(result.errorOutput == "scrum: \(file.path):1: not UTF-8 text (use --lenient to replace bad bytes)\n")
    #expect(try fileBytes() == before)
  }

  @Test func malformedImportsNameTheLineAndFieldAndImportNothing() throws {
    #expect(try Subprocess.run([workspace.binary, "init", "--board", workspace.board]).status == 0)
    let before = try fileBytes()
    let cases: [(String, String)] = [
      ("{\n  \"format\": \"scrum-board\",\n  \"version\": 1,\n  \"name\": \"X\",\n  \"prefix\": \"SB\",\n  \"stories\": [\n    {\"key\": \"SB-1\", \"title\": \"A\", \"points\": 4}\n  ]\n}\n",
       "bad.json:7: stories[0].points: points must be one of"),
      ("{\n  \"format\": \"scrum-board\",\n  \"version\": 1,\n  \"name\": \"X\",\n  \"prefix\": \"SB\",\n  \"stories\": [\n    {\"key\": \"SB-1\",\n     \"title\": 12}\n  ]\n}\n",
       "bad.json:8: stories[0].title: expected a string, found a number"),
      ("{\n  \"format\": \"scrum-board\",\n  \"version\": 1,\n  \"name\": \"X\",\n  \"prefix\": \"SB\",\n  \"stories\": [\n    {\"key\": \"SB-1\", \"title\": \"A\",}\n  ]\n}\n",
       "bad.json:7: not valid JSON"),
      ("{\"format\": \"trello\"}", "bad.json:1: format: expected \"scrum-board\""),
    ]
    for (text, message) in cases {
      let file = workspace.folder.appendingPathComponent("bad.json")
      try text.write(to: file, atomically: true, encoding: .utf8)
      let result = try Subprocess.run(
        [workspace.binary, "import", file.path, "--board", workspace.board],
        environment: nil)
      #expect(result.status == 1)
      #expect(result.errorOutput.contains(message.replacingOccurrences(of: "bad.json", with: file.path)), "\(result.errorOutput)")
      #expect(try fileBytes() == before)
    }
  }
}

extension CommandLineTests {
  @Test func foreignImportsDryRunFirstAndAFailingOneLeavesTheBoardAlone() throws {
    #expect(try Subprocess.run([workspace.binary, "init", "--board", workspace.board, "--prefix", "TG"]).status == 0)
    let file = workspace.folder.appendingPathComponent("issues.json")
    try """
      [{"number": 1, "title": "First", "labels": [], "assignees": [{"login": "ana"}], "state": "OPEN", "milestone": null},
       {"number": 2, "title": "Second \\u001b[2J", "labels": [{"name": "bug"}], "assignees": [], "state": "CLOSED", "milestone": {"title": "v1"}}]
      """.write(to: file, atomically: true, encoding: .utf8)
    let before = try fileBytes()
    let dry = try Subprocess.run([workspace.binary, "import", file.path, "--format", "github-json", "--dry-run", "--board", workspace.board])
    #expect(dry.status == 0)
    #expect(dry.output == "Would import 2 stories, 0 new epics and 1 new sprints:\n  TG-1  [todo] First\n  TG-2  [done] Second ^[[2J\n")
    #expect(try fileBytes() == before)
    let imported = try Subprocess.run([workspace.binary, "import", file.path, "--format", "github-json", "--board", workspace.board])
    #expect(imported.output == "Imported 2 stories, 0 new epics and 1 new sprints\n")
    let stories = try workspace.stories()
    #expect(stories.compactMap { $0["reference"] as? String } == ["#1", "#2"])

    // A broken file imports nothing and names its line.
    let broken = workspace.folder.appendingPathComponent("broken.csv")
    try "title,points\nfine,3\n\"never closed,5\n".write(to: broken, atomically: true, encoding: .utf8)
    let afterFirst = try fileBytes()
    let failed = try Subprocess.run([workspace.binary, "import", broken.path, "--format", "csv", "--board", workspace.board])
    #expect(failed.status == 1)
    #expect(failed.errorOutput == "scrum: \(broken.path):3: not valid CSV: a quoted field is never closed\n")
    #expect(try fileBytes() == afterFirst)
  }

  @Test func csvAndMarkdownExports() throws {
    try sampleBoard()
    let csv = try scrum("export", "--format", "csv")
    #expect(csv.output.hasPrefix("key,title,description,type,points,status,sprint,epic,labels,assignee,blocked,acceptanceCriteria,tasks,reference,createdAt,updatedAt\r\nSB-9,Sign in with Apple and Google,"))
    let markdown = try scrum("export", "--format", "markdown")
    #expect(markdown.output.hasPrefix("# Basket — online groceries\n"))
    #expect(markdown.output.contains("- [ ] Paying with a saved card asks only for the CVC"))
  }
}
