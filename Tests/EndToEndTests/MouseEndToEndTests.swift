import Foundation
import TestSupport
import Testing

@Suite(.enabled(if: tmuxOrCI, "needs tmux")) struct MouseEndToEndTests {
  @Test func clicksSelectAndOpenAndTheWheelScrollsThroughTmux() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let tmux = try TmuxSession(command: "\(workspace.binary) demo --board \(workspace.board)")
    defer { tmux.stop() }
    var screen = try tmux.waitFor(text: "Product backlog")
    #expect(try tmux.paneValue("#{mouse_sgr_flag}") == "1", "the board asks the terminal for the mouse")
    let row = try #require(screen.row(containing: "SB-7 "))
    try tmux.click(x: 20, y: row)
    screen = try tmux.waitFor(text: "› SB-7 ")
    try tmux.click(x: 20, y: row)
    try tmux.click(x: 20, y: row)
    screen = try tmux.waitFor(text: "Acceptance criteria")
    try tmux.press("Escape")
    screen = try tmux.waitFor(text: "› SB-7 ")
    try tmux.wheel(down: true, x: 20, y: row)
    screen = try tmux.waitFor(text: "› SB-10 ")
    // On the board: a click on a column's heading goes to that column.
    try tmux.press("2")
    screen = try tmux.waitFor(text: "Review")
    let heading = try #require(screen.row(containing: "Review"))
    let column = try #require(screen.screenLines[heading].range(of: "Review"))
    try tmux.click(x: screen.screenLines[heading].distance(from: screen.screenLines[heading].startIndex, to: column.lowerBound), y: heading)
    try tmux.press("Enter")
    screen = try tmux.waitFor(text: "Acceptance criteria")
    #expect(screen.contains("Review"), "the card opened is the Review column's")
    try tmux.press("q", "q")
    #expect(try tmux.waitForExit() == 0)
    #expect(try tmux.paneValue("#{mouse_sgr_flag}") == "0", "the mouse is given back on the way out")
  }

  @Test func mouseOffInTheConfigLeavesTheMouseToTheTerminal() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let config = workspace.folder.appendingPathComponent("config.toml")
    try "mouse = false\n".write(to: config, atomically: true, encoding: .utf8)
    let tmux = try TmuxSession(
      command: "\(workspace.binary) demo --board \(workspace.board)", environment: ["SCRUM_CONFIG": config.path])
    defer { tmux.stop() }
    try tmux.waitFor(text: "Product backlog")
    #expect(try tmux.paneValue("#{mouse_any_flag}") == "0")
    #expect(try tmux.paneValue("#{mouse_sgr_flag}") == "0")
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)
  }
}
