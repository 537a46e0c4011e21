import Foundation
import ScrumCore
import ScrumStore
import TestSupport
import Testing

/// Text from the board is data: escape sequences, control characters and bidi overrides put
/// into every text field reach the terminal as visible text, never as commands.
@Suite(.enabled(if: tmuxOrCI)) struct HostileTextTests {
  static let payloads: [String] = [
    "\u{1B}[2J", "\u{1B}[H", "\u{1B}[10;10H", "\u{1B}[31;1m", "\u{1B}[?1049l", "\u{1B}[6n", "\u{1B}[1;1r", "\u{1B}[K",
    "\u{1B}]0;pwned\u{7}", "\u{1B}]2;pwned\u{1B}\\", "\u{1B}]52;c;SGVsbG8=\u{7}",
    "\u{1B}]8;;http://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\", "\u{1B}]4;1;rgb:ff/00/00\u{7}",
    "\u{1B}P1$tx\u{1B}\\", "\u{1B}P+q544e\u{1B}\\", "\u{1B}_apc\u{1B}\\", "\u{1B}^pm\u{1B}\\",
    "\u{9B}31m", "\u{9D}0;c1title\u{9C}", "\u{90}dcs\u{9C}",
    "\u{7}", "\u{0}", "\u{7F}", "\u{8}\u{8}\u{8}\u{8}", "\r", "\n", "\t", "\u{B}", "\u{C}",
    "\u{202E}gnp.exe", "\u{2066}iso\u{2069}", "\u{200F}rlm", "👨‍👩‍👧", "a\u{200B}b",
    "\u{1B}", "\u{1B}M", "\u{1B}c", String(repeating: "x", count: 10_000),
  ]

  /// Byte sequences that must never reach the terminal when they come from board data.
  static let forbidden: [(String, [UInt8])] = [
    ("BEL", [0x07]), ("NUL", [0x00]), ("DEL", [0x7F]), ("OSC", [0x1B, 0x5D]), ("DCS", [0x1B, 0x50]),
    ("APC", [0x1B, 0x5F]), ("PM", [0x1B, 0x5E]), ("RIS", [0x1B, 0x63]), ("C1 CSI", [0xC2, 0x9B]),
    ("C1 OSC", [0xC2, 0x9D]), ("C1 DCS", [0xC2, 0x90]), ("RLO", Array("\u{202E}".utf8)),
    ("LRI", Array("\u{2066}".utf8)), ("RLM", Array("\u{200F}".utf8)),
  ]

  /// A board whose every text field carries a hostile payload between markers.
  static func hostileBoard() throws -> Board {
    var board = Fixtures.sampleBoard()
    board.name = "Board <\(payloads[8])> name"
    for (index, payload) in payloads.enumerated() {
      let id = StoryID(index % 28 + 1)
      let text = "T\(index)<\(payload)>\(index)"
      guard var story = board.story(id) else { continue }
      switch index % 4 {
      case 0: story.title = text
      case 1: story.description += "\n" + text
      case 2: story.labels.append(text)
      default: story.blocked = text
      }
      story.acceptanceCriteria.append(Criterion(text))
      story.tasks.append(StoryTask(text, assignee: "u\(index)<\(payload.prefix(3))>"))
      if index < 8 { story.assignee = "a<\(payload)>" }
      try board.apply(.storyDeleted(id))
      try board.apply(.storyAdded(story))
    }
    return board
  }

  @Test func noControlSequenceFromTheBoardReachesTheTerminal() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try BoardRepository.create(at: workspace.board, board: try HostileTextTests.hostileBoard()).close()
    // Every pane: backlog, each story's detail (scrolled through), the board, standup, help.
    var keys = ""
    for _ in 0..<28 { keys += "\rG\u{1B}j" }
    keys += "2Wnnnnnnnn\u{1B}?\u{1B}1/T\r\u{1B}q"
    let keyFile = workspace.folder.appendingPathComponent("keys").path
    try keys.write(toFile: keyFile, atomically: true, encoding: .utf8)
    let result = try Subprocess.run(
      [
        "script", "-qfec",
        "stty rows 40 cols 120; TERM=xterm-256color LANG=C.UTF-8 exec \(workspace.binary) --board \(workspace.board)",
        "/dev/null",
      ], stdinPath: keyFile)
    let raw = Array(result.output.utf8)
    #expect(raw.count > 20_000, "the session drew too little: \(raw.count) bytes")
    for (name, bytes) in HostileTextTests.forbidden {
      #expect(!contains(raw, bytes), "\(name) from board data reached the terminal")
    }
    for (index, payload) in HostileTextTests.payloads.enumerated() where payload.unicodeScalars.contains(where: isControl) {
      let rawForm = Array("<\(payload)>\(index)".utf8)
      #expect(!contains(raw, rawForm), "payload \(index) passed through raw")
    }
  }

  @Test func theScreenAroundHostileTextStaysIntact() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try BoardRepository.create(at: workspace.board, board: try HostileTextTests.hostileBoard()).close()
    let tmux = try TmuxSession(width: 100, height: 40, command: "\(workspace.binary) --board \(workspace.board)")
    defer { tmux.stop() }
    let screen = try tmux.waitFor("the backlog") { $0.contains("Product backlog") && $0.contains("q quit") }
    let lines = screen.screenLines
    #expect(lines[0].hasPrefix(" scrum Board <^[]0;pwned^G> name"))
    #expect(lines[0].hasSuffix("Backlog"))
    // Every story row keeps its columns: the key at the left, the points column in place.
    let rows = lines.filter { $0.contains("SB-") }
    #expect(rows.count >= 20)
    let pointsColumn = try #require(lines[1].range(of: " PTS")).lowerBound
    for row in rows {
      #expect(row.dropFirst(2).hasPrefix("SB-"), "a row lost its shape: \(row)")
      #expect(row.count <= 100)
      let points = row[row.index(row.startIndex, offsetBy: lines[1].distance(from: lines[1].startIndex, to: pointsColumn))...].prefix(4)
      #expect(points.trimmingCharacters(in: .whitespaces).allSatisfy { $0.isNumber || $0 == "–" || $0 == "." }, "\(row)")
    }
    try tmux.press("Enter")
    let detail = try tmux.waitFor(text: "Acceptance criteria")
    #expect(detail.contains("^["))
    #expect(detail.screenLines.filter { !$0.isEmpty }.count <= 40)
    #expect(detail.screenLines.allSatisfy { $0.count <= 100 })
    try tmux.press("q", "q")
    #expect(try tmux.waitForExit() == 0)
  }

  private func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || [0x202E, 0x2066, 0x2069, 0x200F].contains(scalar.value)
  }

  private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      if Array(haystack[start..<(start + needle.count)]) == needle { return true }
    }
    return false
  }
}
