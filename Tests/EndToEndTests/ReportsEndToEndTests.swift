import Foundation
import TestSupport
import Testing

/// The reports pane and the sprint review, in the real binary: a scrum master's path from the
/// running sprint's burndown to the review handed to stakeholders.
@Suite(.enabled(if: tmuxOrCI)) struct ReportsEndToEndTests {
  @Test func fromTheBurndownToTheSprintReview() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let board = workspace.board
    let tmux = try TmuxSession(command: "\(workspace.binary) demo --board \(board)")
    defer { tmux.stop() }
    try tmux.waitFor(text: "Product backlog")

    // 3: the active sprint's burndown, with its numbers.
    try tmux.press("3")
    var screen = try tmux.waitFor(text: "[Burndown]")
    #expect(screen.contains("Sprint 14 · active"))
    #expect(screen.contains("Committed 32"))
    #expect(screen.contains("remaining") && screen.contains("ideal"))
    try tmux.press("l")
    screen = try tmux.waitFor(text: "[Burnup]")
    #expect(screen.contains("completed") && screen.contains("scope"))
    try tmux.press("l")
    screen = try tmux.waitFor(text: "[Velocity]")
    #expect(screen.contains("Velocity of the last 2 closed sprints · average 21 pts (last 2)"))
    #expect(screen.contains("Sprint 12") && screen.contains("Sprint 13"))
    #expect(screen.contains("Forecast: "))
    try tmux.press("l", "a")
    screen = try tmux.waitFor(text: "Charts in ASCII")
    #expect(screen.contains("[Flow]") && screen.contains("# Done"))
    // A resize redraws the chart to the new size at once.
    try tmux.resize(width: 200, height: 60)
    try tmux.waitFor("the flow chart at 200x60") { screen in
      let axis = screen.screenLines.first { $0.contains("+----") } ?? ""
      return axis.count > 180 && screen.screenLines.count >= 60
    }
    try tmux.resize(width: 80, height: 24)
    try tmux.waitFor("the flow chart at 80x24") { screen in
      let axis = screen.screenLines.first { $0.contains("+----") } ?? ""
      return axis.count < 80 && axis.count > 60
    }
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)

    // The scrum master closes the sprint and exports the review.
    let close = try Subprocess.run([workspace.binary, "sprint", "close", "--carry-over", "backlog", "--board", board])
    #expect(close.status == 0, "\(close.errorOutput)")
    let review = try Subprocess.run([
      workspace.binary, "export", "--format", "markdown", "--sprint", "Sprint 14", "--board", board,
    ])
    #expect(review.status == 0, "\(review.errorOutput)")
    #expect(review.output.hasPrefix("# Sprint review: Sprint 14"))
    #expect(review.output.contains("**Goal:** Checkout without friction"))
    #expect(review.output.contains("## Carried over"))
    #expect(review.output.contains("→ the product backlog"))
    #expect(review.output.contains("## Burndown\n\n```text\n"))
    #expect(review.output.contains("working days, mon-fri"))

    // Working days are the board's: every day counts once the team says so.
    let workdays = try Subprocess.run([workspace.binary, "workdays", "all", "--board", board])
    #expect(workdays.status == 0 && workdays.output == "Working days: all\n")
    let again = try Subprocess.run([workspace.binary, "export", "--format", "markdown", "--sprint", "current", "--board", board])
    #expect(again.output.contains("working days, all)"))
    let wrong = try Subprocess.run([workspace.binary, "export", "--sprint", "Sprint 99", "--format", "markdown", "--board", board])
    #expect(wrong.status == 1)
    #expect(wrong.errorOutput == "scrum: no sprint named \"Sprint 99\" (sprints: Sprint 12, Sprint 13, Sprint 14)\n")

    // Back on the board: the closed sprint has a velocity, and the backlog a forecast.
    let reopened = try TmuxSession(command: "\(workspace.binary) --board \(board)")
    defer { reopened.stop() }
    try reopened.waitFor(text: "Product backlog")
    try reopened.press("3", "l", "l")
    screen = try reopened.waitFor(text: "[Velocity]")
    #expect(screen.contains("Velocity of the last 3 closed sprints"))
    #expect(screen.contains("Sprint 14"))
    try reopened.press("1", "o")
    screen = try reopened.waitFor(text: "→ Sprint 15")
    #expect(screen.contains("Forecast at"))
    try reopened.press("q")
    #expect(try reopened.waitForExit() == 0)
  }
}
