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
    screen = try tmux.waitFor(text: "› SB-36 · Export the sprint review")
    #expect(screen.contains("Added SB-36"))

    // Rank it above SB-3: the selection moves with it.
    try tmux.press("K")
    screen = try tmux.waitFor("SB-36 above SB-3") { screen in
      guard let new = screen.row(containing: "SB-36"), let old = screen.row(containing: "SB-3 ") else { return false }
      return new < old
    }
    #expect(screen.contains("› SB-36"))

    try tmux.press("Enter")
    // The whole frame: a capture can land while the terminal is still being written.
    screen = try tmux.waitFor("SB-36's detail") { $0.contains("SB-36 · story · To Do") && $0.contains("not ready") }
    #expect(screen.contains("Export the sprint review as Markdown"))
    try tmux.press("q")
    try tmux.waitFor(text: "Product backlog")
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)

    let sprintKeys = try workspace.stories().filter { $0["sprint"] as? String == "Sprint 14" }.compactMap {
      $0["key"] as? String
    }
    #expect(Array(sprintKeys.prefix(4)) == ["SB-1", "SB-2", "SB-36", "SB-3"])

    // Open it again: as left.
    let again = try TmuxSession(command: "\(workspace.binary) --board \(workspace.board)")
    defer { again.stop() }
    screen = try again.waitFor(text: "Product backlog")
    let new = try #require(screen.row(containing: "SB-36 · Export the sprint review"))
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
    try tmux.waitFor(text: "› SB-36 · Survives a kill")
    try tmux.press("K")
    try tmux.waitFor("SB-36 ranked above SB-28") { screen in
      guard let new = screen.row(containing: "SB-36"), let old = screen.row(containing: "SB-28") else { return false }
      return new < old
    }
    kill(try workspace.pid(), SIGKILL)
    #expect(try tmux.waitForExit() == 137)
    let backlog = try workspace.stories().filter { $0["sprint"] is NSNull }.compactMap { $0["key"] as? String }
    #expect(backlog.suffix(3) == ["SB-27", "SB-36", "SB-28"])
  }
}

/// A morning of grooming through the real binary: add, edit, estimate, split, rank, plan, and
/// the whole story in $EDITOR (a shell script standing in for the editor).
@Suite(.enabled(if: tmuxOrCI)) struct BacklogGroomingEndToEndTests {
  @Test func aProductOwnerGroomsAStoryUntilItIsPlanned() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let tmux = try workspace.demoWithEditor(
      """
      sed -i 's/^Labels: .*/Labels: export, pmo/' "$1"
      sed -i 's/^## Acceptance criteria$/## Acceptance criteria\\n- [ ] One row per story\\n- [ ] Opens in a spreadsheet/' "$1"
      """)
    defer { tmux.stop() }

    // Add at the end of the backlog, then fix the title in place.
    try tmux.press("G", "a")
    try tmux.waitFor(text: "New story title:")
    try tmux.type("Export backlog as CVS")
    try tmux.press("Enter")
    try tmux.waitFor(text: "› SB-36 · Export backlog as CVS")
    try tmux.press("e")
    try tmux.waitFor(text: "Title: Export backlog as CVS")
    try tmux.press("BSpace", "BSpace", "BSpace")
    try tmux.type("CSV")
    try tmux.press("Enter")
    try tmux.waitFor(text: "› SB-36 · Export backlog as CSV")

    // Criteria and labels in the editor, then an estimate from the scale.
    try tmux.press("E")
    try tmux.waitFor(text: "Saved SB-36")
    try tmux.press("p")
    try tmux.waitFor(text: "no estimate")
    try tmux.press("j", "j", "j", "j", "j", "Enter")  // 0, 0.5, 1, 2, 3
    try tmux.waitFor(text: "› SB-36 ✓ Export backlog as CSV")

    // Split the second criterion off into its own story.
    try tmux.press("S")
    try tmux.waitFor(text: "new story: Export backlog as CSV (part 2)")
    try tmux.press("C-u")
    try tmux.type("Open the export in a spreadsheet")
    try tmux.press("Enter")
    try tmux.waitFor(text: "Criteria for the new story")
    try tmux.press("j", "Space", "Enter")
    try tmux.waitFor(text: "› SB-37 · Open the export in a spreadsheet")

    // Rank the first part up, then plan it into the sprint.
    try tmux.press("k", "K")
    try tmux.waitFor("SB-36 above SB-28") { screen in
      guard let new = screen.row(containing: "SB-36"), let old = screen.row(containing: "SB-28 ") else { return false }
      return new < old
    }
    try tmux.press("s")
    try tmux.press("g")
    try tmux.waitFor(text: "35/34 pts · over by 1")
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)

    let stories = try workspace.stories()
    let first = try #require(stories.first { $0["key"] as? String == "SB-36" })
    #expect(first["title"] as? String == "Export backlog as CSV")
    #expect(first["points"] as? Int == 3)
    #expect(first["labels"] as? [String] == ["export", "pmo"])
    #expect(first["sprint"] as? String == "Sprint 14")
    #expect((first["acceptanceCriteria"] as? [[String: Any]])?.compactMap { $0["text"] as? String } == ["One row per story"])
    let part = try #require(stories.first { $0["key"] as? String == "SB-37" })
    #expect(part["labels"] as? [String] == ["export", "pmo"])
    #expect((part["acceptanceCriteria"] as? [[String: Any]])?.compactMap { $0["text"] as? String } == ["Opens in a spreadsheet"])
    let backlog = stories.filter { $0["sprint"] is NSNull }.compactMap { $0["key"] as? String }
    #expect(backlog.suffix(2) == ["SB-28", "SB-37"])
  }
}
