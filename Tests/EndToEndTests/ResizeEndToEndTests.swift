import Foundation
import Glibc
import TestSupport
import Testing

/// Every size from 40x10 up, and any resize at any moment, keeps what the user was doing.
@Suite(.enabled(if: tmuxOrCI)) struct ResizeEndToEndTests {
  /// Sizes a window passes through while someone drags its corner, or a phone rotates.
  static let storm: [(Int, Int)] = [(40, 10), (200, 60), (30, 8), (81, 25), (40, 10), (120, 40), (39, 9), (80, 24)]

  func resizeStorm(_ tmux: TmuxSession, rounds: Int = 3) throws {
    for _ in 0..<rounds {
      for (width, height) in ResizeEndToEndTests.storm { try tmux.resize(width: width, height: height) }
    }
  }

  @Test(arguments: [(80, 24), (40, 10)])
  func aResizeStormMidEditLosesNothing(width: Int, height: Int) throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let tmux = try TmuxSession(width: width, height: height, command: "\(workspace.binary) demo --board \(workspace.board)")
    defer { tmux.stop() }
    try tmux.waitFor("the backlog") { $0.contains("› SB-1 ") && $0.contains("quit") }

    // Half a title typed, the window thrashed, the rest typed: one story with the whole title.
    try tmux.press("G", "a")
    try tmux.waitFor(text: "New story title:")
    try tmux.type("Half a title")
    try resizeStorm(tmux)
    try tmux.resize(width: width, height: height)
    try tmux.type(" and the rest")
    try tmux.press("Enter")
    try tmux.waitFor(text: "Added SB-36")
    let added = try workspace.stories().first { $0["key"] as? String == "SB-36" }
    #expect(added?["title"] as? String == "Half a title and the rest")

    // In the help overlay, filtered: still the help, still filtered.
    try tmux.press("?", "/")
    try tmux.type("rank")
    try tmux.press("Enter")
    try tmux.waitFor(text: "Keys for \"rank\"")
    try resizeStorm(tmux, rounds: 1)
    try tmux.resize(width: width, height: height)
    try tmux.waitFor(text: "Keys for \"rank\"")
    try tmux.press("Escape", "Escape")

    // In a list to choose from: the choice goes to the story it was opened on.
    try tmux.press("p")
    try tmux.waitFor(text: "no estimate")
    try resizeStorm(tmux, rounds: 1)
    try tmux.resize(width: width, height: height)
    try tmux.press("j", "j", "j", "Enter")  // 0, 0.5, 1
    try tmux.waitFor(text: "SB-36: 1 points")
    #expect(try workspace.stories().first { $0["key"] as? String == "SB-36" }?["points"] as? Double == 1)
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)
  }

  /// The window is resized while $EDITOR has the terminal: the board comes back at the new
  /// size, on the same story, with the edit saved.
  @Test func aResizeWhileTheEditorIsOpenKeepsTheEditAndTheStory() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let flag = workspace.folder.appendingPathComponent("resized").path
    let tmux = try workspace.demoWithEditor(
      """
      while [ ! -f \(flag) ]; do sleep 0.05; done
      sed -i 's/^Labels: .*/Labels: resized/' "$1"
      """)
    defer { tmux.stop() }
    try tmux.press("j", "j", "E")
    try tmux.waitFor("the editor has the terminal") { !$0.contains("quit") }
    try resizeStorm(tmux)
    try tmux.resize(width: 120, height: 40)
    _ = FileManager.default.createFile(atPath: flag, contents: nil)
    let screen = try tmux.waitFor(text: "Saved SB-3")
    #expect(screen.screenLines.count >= 40)
    #expect(screen.contains("› SB-3 "), "still on the story that was edited")
    #expect(try workspace.stories().first { $0["key"] as? String == "SB-3" }?["labels"] as? [String] == ["resized"])
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)
  }
}
