import Foundation
import TestSupport
import Testing

/// What reaches the terminal for each kind of colour support, read back from tmux's copy of
/// the screen with its escape sequences.
@Suite(.enabled(if: tmuxOrCI)) struct ThemeEndToEndTests {
  func firstScreen(environment: [String: String]) throws -> String {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let tmux = try TmuxSession(command: "\(workspace.binary) demo --board \(workspace.board)", environment: environment)
    defer { tmux.stop() }
    try tmux.waitFor("the backlog") { $0.contains("› SB-1 ") && $0.contains("quit") }
    let screen = try tmux.styledScreen()
    try tmux.press("q")
    _ = try tmux.waitForExit()
    return screen
  }

  /// Colour codes other than "the terminal's own" (39 and 49).
  func colours(_ screen: String) -> [String] {
    let pattern = try? NSRegularExpression(pattern: "\u{1B}\\[(?:[0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m0-9]*")
    let range = NSRange(screen.startIndex..., in: screen)
    return pattern?.matches(in: screen, range: range).compactMap { Range($0.range, in: screen).map { String(screen[$0]) } } ?? []
  }

  @Test func theStandardThemeUsesTheBasicColoursOnTheTerminalsBackground() throws {
    let screen = try firstScreen(environment: [:])
    let title = screen.screenLines[0]
    #expect(title.contains("\u{1B}[44m") || title.contains(";44m"), "the title bar is on blue")
    #expect(!colours(screen).isEmpty)
  }

  @Test func noColorMeansAttributesOnly() throws {
    let screen = try firstScreen(environment: ["NO_COLOR": "1"])
    #expect(colours(screen) == [], "no colour at all under NO_COLOR")
    #expect(screen.contains("\u{1B}[7m") || screen.contains(";7m"), "the selection and title bar in reverse")
    #expect(screen.contains("› SB-1 "))
  }

  @Test func aThemeFromTheConfigShowsIn256Colours() throws {
    let folder = try ScratchFolder("theme").url
    let config = folder.appendingPathComponent("config.toml")
    try "[theme]\nheader = \"bold #ffffff on #005f87\"\nselection = \"black on 214\"\n".write(
      to: config, atomically: true, encoding: .utf8)
    let screen = try firstScreen(environment: ["SCRUM_CONFIG": config.path])
    #expect(screen.screenLines[0].contains("48;5;24m"), "#005f87 is 24 of the 256")
    #expect(screen.contains("48;5;214m"))
    // The same file on an 8-colour terminal: the nearest basic colours.
    let eight = try firstScreen(environment: ["SCRUM_CONFIG": config.path, "TERM": "xterm"])
    #expect(eight.screenLines[0].contains("46m"), "#005f87 is nearest cyan of the eight")
    #expect(!eight.contains("48;5;"))
  }
}
