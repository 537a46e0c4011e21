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

  @Test func tooSmall() throws {
    let app = try Session(size: Size(30, 8))
    assertSnapshot(app.screen, named: "too-small-30x8")
  }

  @Test func emptyBoard() throws {
    let app = try Session(board: Board(name: "New product", prefix: "NP"))
    assertSnapshot(app.screen, named: "empty-80x24")
  }
}
