import Foundation
import Glibc
import TestSupport
import Testing

/// The terminal is always given back, follows resizes, and bad terminals get a one-line error.
@Suite(.enabled(if: tmuxOrCI)) struct TerminalEndToEndTests {
  /// SIGTERM and SIGINT end the loop cleanly; SIGSEGV and SIGILL stand for a crash (a Swift
  /// runtime trap is SIGILL), where only the crash guard can give the terminal back.
  @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130)), (SIGSEGV, Int32(139)), (SIGILL, Int32(132))])
  func aSignalEndsTheBoardAndRestoresTheTerminal(signal: Int32, status: Int32) throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let tmux = try TmuxSession(command: workspace.command("demo --board \(workspace.board)"))
    defer { tmux.stop() }
    try tmux.waitFor(text: "Product backlog")
    #expect(try tmux.paneValue("#{alternate_on}") == "1")
    kill(try workspace.pid(), signal)
    #expect(try tmux.waitForExit() == status)
    #expect(try tmux.paneValue("#{alternate_on}") == "0")
    #expect(try tmux.paneValue("#{cursor_flag}") == "1")
    #expect(try !tmux.screen().contains("Product backlog"))
  }

  /// A large board shows its top at once and the rest loads behind it: keys pressed meanwhile
  /// are not lost, and the frame does not jump.
  @Test func aLargeBoardOpensOnItsTopAndTakesKeysWhileTheRestLoads() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let tmux = try TmuxSession(command: "\(workspace.binary) demo --stories 20000 --board \(workspace.board)")
    defer { tmux.stop() }
    var screen = try tmux.waitFor(text: "stories in the backlog", timeout: 60)
    #expect(screen.contains("20020 stories in the backlog"))
    // End: the last backlog story (the seven after it are in closed sprints).
    try tmux.press("G")
    screen = try tmux.waitFor(text: "› SB-20028 ", timeout: 30)
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)
  }

  @Test func resizingRedrawsAtOnceAndATinyWindowGetsANote() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let tmux = try TmuxSession(command: "\(workspace.binary) demo --board \(workspace.board)")
    defer { tmux.stop() }
    try tmux.waitFor(text: "Product backlog")
    try tmux.resize(width: 120, height: 40)
    try tmux.waitFor("a 120-column frame") { screen in
      let lines = screen.screenLines
      return lines.count >= 40 && lines[0].hasSuffix("Backlog") && lines[0].count > 110
        && screen.contains("SB-28")
    }
    try tmux.resize(width: 30, height: 8)
    try tmux.waitFor(text: "Terminal too small")
    try tmux.resize(width: 80, height: 24)
    try tmux.waitFor(text: "Product backlog")
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)
  }

  @Test(arguments: [
    ("TERM=no-such-terminal", "unknown terminal type TERM=no-such-terminal"),
    ("TERM=dumb", "terminal type TERM=dumb cannot move the cursor"),
    ("-u TERM", "TERM is not set"),
  ])
  func aBadTerminalGetsAOneLineErrorAndIsLeftAlone(setting: String, message: String) throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    // Wide enough that the one-line message is not wrapped by the terminal.
    let tmux = try TmuxSession(
      width: 250, height: 10, command: "env \(setting) \(workspace.binary) demo --board \(workspace.board)")
    defer { tmux.stop() }
    #expect(try tmux.waitForExit() == 1)
    let screen = try tmux.screen()
    #expect(screen.contains("scrum: \(message)"))
    #expect(try tmux.paneValue("#{alternate_on}") == "0")
    // A failed command changes nothing: no board was created.
    #expect(!FileManager.default.fileExists(atPath: workspace.board))
  }

  @Test func withoutATerminalTheBoardRefusesToOpen() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let result = try Subprocess.run([workspace.binary, "demo", "--board", workspace.board])
    #expect(result.status == 1)
    #expect(result.errorOutput.hasPrefix("scrum: standard input and output must be a terminal"))
    #expect(result.errorOutput.filter { $0 == "\n" }.count == 1)
    #expect(result.output.isEmpty)
  }

  @Test func aFileThatIsNotABoardIsRefusedAndLeftUntouched() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let junk = Data("this is my shopping list, not a board\n".utf8)
    try junk.write(to: URL(fileURLWithPath: workspace.board))
    let tmux = try TmuxSession(width: 250, height: 10, command: "\(workspace.binary) --board \(workspace.board)")
    defer { tmux.stop() }
    #expect(try tmux.waitForExit() == 1)
    #expect(try tmux.screen().contains("is not a scrum board"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.board)) == junk)
    let export = try Subprocess.run([workspace.binary, "export", "--board", workspace.board])
    #expect(export.status == 1)
    #expect(export.errorOutput.contains("is not a scrum board"))
  }
}
