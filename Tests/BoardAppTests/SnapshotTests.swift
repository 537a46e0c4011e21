import ScrumCore
import TermUI
import TestSupport
import Testing

@testable import BoardApp

/// Whole screens compared with the text in __Snapshots__ (re-record with SNAPSHOT_RECORD=1).
@Suite struct SnapshotTests {
  @Test(arguments: [Size(80, 24), Size(120, 40), Size(200, 60)])
  func backlog(size: Size) throws {
    let app = try Session(size: size)
    app.press(.moveDown, .moveDown)
    assertSnapshot(app.screen, named: "backlog-\(size)")
  }

  @Test(arguments: [Size(80, 24), Size(120, 40)])
  func detail(size: Size) throws {
    let app = try Session(size: size)
    app.press(.openDetail)
    assertSnapshot(app.screen, named: "detail-\(size)")
  }

  @Test func detailScrolledToTheEnd() throws {
    let app = try Session()
    app.press(.openDetail, .last)
    assertSnapshot(app.screen, named: "detail-end-80x24")
  }

  @Test func titlePrompt() throws {
    let app = try Session()
    app.press(.addStory)
    app.type("As a PO I want 日本語 titles")
    assertSnapshot(app.screen, named: "prompt-80x24")
  }

  @Test func helpOverlay() throws {
    let app = try Session()
    app.press(.help)
    assertSnapshot(app.screen, named: "help-80x24")
  }

  /// On a new board, keys that need a sprint or a story are dimmed and say why.
  @Test func helpSaysWhyAKeyDoesNothingNow() throws {
    let app = try Session(board: Board(name: "New product", prefix: "NP"))
    app.press(.showBoard, .help, .filterText)
    app.type("sprint")
    app.press(.enter)
    assertSnapshot(app.screen, named: "help-not-now-80x24")
    // The same reason on the status line when the key is pressed anyway.
    app.press(.escape, .escape)
    app.press(.closeSprint)
    #expect(app.lines[22] == " No active sprint to close")
  }

  /// The smallest size served: every pane still shows what it is for, cut with ellipses.
  @Test(arguments: ["backlog", "board", "detail", "burndown", "velocity", "help", "picker", "prompt"])
  func smallest(pane: String) throws {
    let app = try Session(size: Layout.minimum)
    switch pane {
    case "board": app.press(.showBoard)
    case "detail": app.press(.openDetail)
    case "burndown": app.press(.showReports)
    case "velocity": app.press(.showReports, .nextReport, .nextReport)
    case "help": app.press(.help)
    case "picker": app.press(.setPoints)
    case "prompt":
      app.press(.addStory)
      app.type("A new story typed at 40 columns, longer than the line")
    default: break
    }
    assertSnapshot(app.screen, named: "smallest-\(pane)-40x10")
    // One column or row less and the note takes over.
    app.resize(to: Size(39, 10))
    #expect(app.lines.joined().contains("Terminal too small"))
    app.resize(to: Size(40, 9))
    #expect(app.lines.joined().contains("Terminal too small"))
    app.resize(to: Layout.minimum)
    assertSnapshot(app.screen, named: "smallest-\(pane)-40x10")
  }

  @Test func tooSmall() throws {
    let app = try Session(size: Size(30, 8))
    assertSnapshot(app.screen, named: "too-small-30x8")
  }

  @Test func emptyBoard() throws {
    let app = try Session(board: Board(name: "New product", prefix: "NP"))
    assertSnapshot(app.screen, named: "empty-80x24")
  }
}

/// The grooming states the issue names: a sprint over capacity, a filter in force, marked
/// stories and wide characters, at a small and a large size.
@Suite struct GroomingSnapshotTests {
  func board() throws -> Board {
    var board = Fixtures.sampleBoard()
    if var sprint = board.activeSprint {
      sprint.capacity = 25
      board.sprints = board.sprints.map { $0.name == sprint.name ? sprint : $0 }
    }
    let (id, _) = try board.addStory(title: "決済画面の改善 🚀 with wide characters", after: StoryID(1), at: Fixtures.now)
    _ = try board.edit(id, [.labels(["payments", "日本"]), .points(Points(2)), .assignee("千尋")], at: Fixtures.now)
    return board
  }

  @Test(arguments: [Size(80, 24), Size(200, 50)])
  func filteredAndMarked(size: Size) throws {
    let app = try Session(size: size, board: try board())
    app.press(.filterMenu)
    let payments = try #require(app.state.picker?.options.firstIndex { $0.value == .facet(.label("payments")) })
    for _ in 0..<100 where app.state.picker?.selection != payments { app.press(.moveDown) }
    app.press(.choose)
    app.press(.toggleMark, .toggleMark)
    assertSnapshot(app.screen, named: "grooming-\(size)")
  }
}
