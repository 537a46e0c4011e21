import Foundation
import Glibc
import ScrumCore
import ScrumStore
import TestSupport
import Testing

/// Three people on one board file, each in their own process and terminal, as at a standup
/// over SSH: they see each other, follow the lead, and estimate with planning poker.
@Suite(.enabled(if: tmuxOrCI)) struct TogetherEndToEndTests {
  /// A shell line that records the program's PID in `pidFile`, then becomes the program.
  func recordingPID(_ pidFile: String, _ command: String) -> String {
    "sh -c 'echo $$ > \(pidFile); exec \(command)'"
  }

  /// Whether the selected row (›, then maybe someone else's initial) is `key`'s.
  func selects(_ key: String, _ screen: String) -> Bool {
    screen.screenLines.contains { $0.hasPrefix("›") && $0.dropFirst(2).hasPrefix(key + " ") || $0.hasPrefix("› " + key + " ") }
  }

  /// ana opens the sample board (made on the way) in a 100x30 window.
  func firstOnTheBoard(_ workspace: Workspace) throws -> TmuxSession {
    let ana = try TmuxSession(
      width: 100, height: 30, command: "\(workspace.binary) demo --board \(workspace.board)", environment: ["USER": "ana"])
    try ana.waitFor(text: "Product backlog")
    return ana
  }

  @Test func threeInstancesSeeEachOtherFollowTheLeadAndPlayPlanningPoker() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let board = "--board \(workspace.board)"
    let ana = try firstOnTheBoard(workspace)
    defer { ana.stop() }
    let bo = try TmuxSession(width: 100, height: 30, command: "\(workspace.binary) \(board)", environment: ["USER": "bo"])
    defer { bo.stop() }
    let cyPID = workspace.folder.appendingPathComponent("cy.pid").path
    let cy = try TmuxSession(
      width: 100, height: 30, command: recordingPID(cyPID, "\(workspace.binary) \(board)"), environment: ["USER": "cy"])
    defer { cy.stop() }

    // Presence: everyone shows on everyone's screen.
    try ana.waitFor(text: "+2")
    try ana.press("w")
    var screen = try ana.waitFor(text: "On the board · 3 people")
    #expect(screen.contains("ana (you)"))
    #expect(screen.contains("bo · backlog SB-1"))
    #expect(screen.contains("cy · backlog SB-1"))
    try ana.press("Escape")

    // cy's process is killed: within the expiry she is gone from the others' screens.
    let pidText = try String(contentsOfFile: cyPID, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    kill(pid_t(pidText) ?? 0, SIGKILL)
    try ana.waitFor("cy to expire", timeout: 15) { $0.contains("+1") && !$0.contains("+2") }

    // Follow: ana leads, bo follows; ana's moves show on bo's screen within two seconds.
    try ana.press("C-t")
    try ana.waitFor(text: "leading")
    try bo.waitFor(text: "ana leads")
    try bo.press("F")
    try bo.waitFor(text: "following ana")
    try ana.press("G")
    try ana.waitFor(text: "› SB-28 ")
    try bo.waitFor("bo's screen on SB-28", timeout: 2) { selects("SB-28", $0) }
    try ana.press("2")
    try bo.waitFor("bo's screen on the sprint board", timeout: 2) { $0.contains("Board") && $0.contains("following ana") }
    try ana.press("1")
    try bo.waitFor("bo's screen back on the backlog", timeout: 2) { $0.contains("Backlog") && selects("SB-28", $0) }

    // Planning poker on SB-28: votes hidden until both voted, then accepted by the facilitator.
    try ana.press("P")
    screen = try bo.waitFor(text: "Planning poker · SB-28 · ana facilitates")
    #expect(screen.contains("waiting for: ana bo"))
    try bo.press("Enter")  // 5
    try ana.waitFor(text: "voted: ✓bo")
    #expect(try !ana.screen().contains("bo 5"), "bo's card stays hidden until everyone voted")
    try ana.press("l", "Enter")  // 8
    screen = try bo.waitFor(text: "ana 8   bo 5")
    #expect(screen.contains("min 5 · median 8 · max 8"))
    try ana.press("a")
    try ana.waitFor(text: "SB-28: 8 points by planning poker")
    try bo.waitFor(text: "Planning poker on SB-28 ended")
    let story = try workspace.stories().first { $0["key"] as? String == "SB-28" }
    #expect(story?["points"] as? Double == 8)
    let store = try BoardRepository.open(at: workspace.board, readOnly: true)
    defer { store.close() }
    let rounds = try store.rounds(of: StoryID(28))
    #expect(rounds.map(\.outcome) == [.accepted])
    #expect(rounds.first?.votes.map { "\($0.member) \($0.card)" } == ["ana 8", "bo 5"])

    try ana.press("q")
    #expect(try ana.waitForExit() == 0)
    try bo.waitFor("ana to leave bo's screen") { !$0.contains("+1") }
    try bo.press("q")
    #expect(try bo.waitForExit() == 0)
  }

  /// Two windows of one terminal server on the same board: a card moved in one shows in the
  /// other, with a marker of who is on it.
  @Test func twoWindowsOnOneBoardShowEachOthersMovesAndPlaces() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let board = "--board \(workspace.board)"
    let ana = try firstOnTheBoard(workspace)
    defer { ana.stop() }
    let bo = try TmuxSession(
      windowOf: ana, named: "bo", command: "\(workspace.binary) board \(board)", environment: ["USER": "bo"])
    defer { bo.stop() }
    try bo.waitFor(text: "+1")
    try ana.press("2")
    try ana.waitFor(text: "+1")
    try ana.press("L")  // SB-6, To Do → In Progress
    try ana.waitFor(text: "SB-6 moved to In Progress")
    let screen = try bo.waitFor("SB-6 in In Progress on bo's screen, with ana's marker") { screen in
      screen.contains("◂ An") && screen.contains("In Progress 3/3")
    }
    #expect(screen.contains("SB-6"))
    try bo.press("q")
    #expect(try bo.waitForExit() == 0)
    try ana.waitFor("bo gone from ana's screen") { !$0.contains("+1") }
    try ana.press("q", "q")
    #expect(try ana.waitForExit() == 0)
  }
}
