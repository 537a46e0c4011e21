import Foundation
import Glibc
import TestSupport
import Testing

/// The product owner's walk, on the real binary in tmux: open the sample board, move, add a
/// story, rank it, open it, quit, and find everything again on screen and in the export.
@Suite(.enabled(if: tmuxOrCI), .serialized) struct GroomingEndToEndTests {
  @Test func aProductOwnerGroomsTheSampleBoardAndFindsItAgain() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let tmux = try TmuxSession(command: "\(workspace.binary) demo --board \(workspace.board)")
    defer { tmux.stop() }

    // A frame may reach the terminal in more than one write: wait for all of it.
    var screen = try tmux.waitFor("the first full frame") {
      $0.contains("Product backlog") && $0.contains("› SB-1 ") && $0.contains("j/k move")
    }
    #expect(screen.contains("Sprint 14"))

    try tmux.press("j", "Down")
    try tmux.waitFor(text: "› SB-3 ")
    try tmux.press("a")
    try tmux.waitFor(text: "New story title:")
    try tmux.type("Export the sprint review as Markdown")
    try tmux.press("Enter")
    screen = try tmux.waitFor(text: "› SB-29 · Export the sprint review")
    #expect(screen.contains("Added SB-29"))

    // Rank it above SB-3: the selection moves with it.
    try tmux.press("K")
    screen = try tmux.waitFor("SB-29 above SB-3") { screen in
      guard let new = screen.row(containing: "SB-29"), let old = screen.row(containing: "SB-3 ") else { return false }
      return new < old
    }
    #expect(screen.contains("› SB-29"))

    try tmux.press("Enter")
    screen = try tmux.waitFor(text: "SB-29 · story · To Do")
    #expect(screen.contains("Export the sprint review as Markdown"))
    #expect(screen.contains("not ready"))
    try tmux.press("q")
    try tmux.waitFor(text: "Product backlog")
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)

    let sprintKeys = try workspace.stories().filter { $0["sprint"] as? String == "Sprint 14" }.compactMap {
      $0["key"] as? String
    }
    #expect(Array(sprintKeys.prefix(4)) == ["SB-1", "SB-2", "SB-29", "SB-3"])

    // Open it again: as left.
    let again = try TmuxSession(command: "\(workspace.binary) --board \(workspace.board)")
    defer { again.stop() }
    screen = try again.waitFor(text: "Product backlog")
    let new = try #require(screen.row(containing: "SB-29 · Export the sprint review"))
    let old = try #require(screen.row(containing: "SB-3 "))
    #expect(new < old)
    try again.press("q")
    #expect(try again.waitForExit() == 0)
  }

  @Test func killNineRightAfterAChangeShowsLosesNothing() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let tmux = try TmuxSession(command: workspace.command("demo --board \(workspace.board)"))
    defer { tmux.stop() }
    try tmux.waitFor(text: "Product backlog")
    try tmux.press("G", "a")
    try tmux.waitFor(text: "New story title:")
    try tmux.type("Survives a kill")
    try tmux.press("Enter")
    try tmux.waitFor(text: "› SB-29 · Survives a kill")
    try tmux.press("K")
    try tmux.waitFor("SB-29 ranked above SB-28") { screen in
      guard let new = screen.row(containing: "SB-29"), let old = screen.row(containing: "SB-28") else { return false }
      return new < old
    }
    kill(try workspace.pid(), SIGKILL)
    #expect(try tmux.waitForExit() == 137)
    let backlog = try workspace.stories().filter { $0["sprint"] is NSNull }.compactMap { $0["key"] as? String }
    #expect(backlog.suffix(3) == ["SB-27", "SB-29", "SB-28"])
  }
}
