import Foundation
import TestSupport
import Testing

/// A product owner makes a story ready from its detail, through the real binary in tmux.
@Suite(.enabled(if: tmuxOrCI)) struct DetailEndToEndTests {
  @Test func aStoryIsMadeReadyFromItsDetail() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let tmux = try TmuxSession(command: "\(workspace.binary) demo --board \(workspace.board)")
    defer { tmux.stop() }
    try tmux.waitFor("the first full frame") { $0.contains("› SB-1 ") && $0.contains("q quit") }
    // SB-25 has neither an estimate nor criteria.
    try tmux.press("/")
    try tmux.type("3G")
    try tmux.press("Enter")
    try tmux.waitFor(text: "› SB-25")
    try tmux.press("Enter")
    try tmux.waitFor(text: "not ready: needs an estimate and acceptance criteria")

    try tmux.press("p")
    try tmux.waitFor(text: "no estimate")
    try tmux.press("j", "j", "j", "j", "j", "Enter")  // 3
    try tmux.waitFor(text: "not ready: needs acceptance criteria")
    try tmux.press("c")
    try tmux.waitFor(text: "New criterion:")
    try tmux.type("Account page loads in under 2 s on 3G")
    try tmux.press("Enter")
    try tmux.waitFor(text: "✓ ready")
    try tmux.press("t")
    try tmux.type("Profile the account page @dana")
    try tmux.press("Enter")
    try tmux.waitFor(text: "Profile the account page  @dana")
    try tmux.press("Space")
    try tmux.waitFor(text: "Tasks  1/1 done")
    try tmux.press("b")
    try tmux.type("Needs a 3G test device")
    try tmux.press("Enter")
    try tmux.waitFor(text: "! Needs a 3G test device")
    try tmux.press("Escape")
    try tmux.waitFor(text: "› SB-25 ✓ ! bug: Account page loads slowly on 3G")
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)

    let story = try #require(try workspace.stories().first { $0["key"] as? String == "SB-25" })
    #expect(story["points"] as? Int == 3)
    #expect(story["blocked"] as? String == "Needs a 3G test device")
    let criteria = try #require(story["acceptanceCriteria"] as? [[String: Any]])
    #expect(criteria.compactMap { $0["text"] as? String } == ["Account page loads in under 2 s on 3G"])
    let tasks = try #require(story["tasks"] as? [[String: Any]])
    #expect(tasks.first?["assignee"] as? String == "dana")
    #expect(tasks.first?["done"] as? Bool == true)
  }
}
