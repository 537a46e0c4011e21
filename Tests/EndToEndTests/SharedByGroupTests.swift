import Foundation
import Glibc
import TestSupport
import Testing

/// Two Unix users in one group on one board file made with `scrum init --shared`, as a team on
/// a shared host: each sees the other, and neither can change the other's rows, even with the
/// sqlite3 shell. Needs root to create the users (CI runs as root; under CI it never skips).
@Suite(.enabled(if: (getuid() == 0 && tmuxOrCI) || ProcessInfo.processInfo.environment["CI"] == "true"))
struct SharedByGroupTests {
  static let group = "scrumteam"

  /// Creates the group and a user in it, once; returns the user's uid.
  func user(_ name: String) throws -> Int {
    _ = try Subprocess.run(["groupadd", "-f", SharedByGroupTests.group])
    if try Subprocess.run(["id", "-u", name]).status != 0 {
      let made = try Subprocess.run(["useradd", "-M", "-N", "-g", SharedByGroupTests.group, "-s", "/bin/sh", name])
      guard made.status == 0 else { throw TmuxError.failed("useradd \(name): \(made.errorOutput)") }
    }
    return Int(try Subprocess.run(["id", "-u", name]).output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
  }

  @Test func twoUsersOfOneGroupSeeEachOtherAndCannotTouchEachOthersRows() throws {
    let ana = try user("scrumana")
    let bo = try user("scrumbo")
    let folder = "/tmp/scrum-group-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try Subprocess.run(["chgrp", SharedByGroupTests.group, folder])
    chmod(folder, 0o2770)
    let board = "\(folder)/team/board.db"
    let binary = scrumBinaryPath()
    let asUser = { (name: String, command: String) in
      "runuser -u \(name) -- env HOME=\(folder) USER=\(name) \(binary) \(command)"
    }
    let created = try Subprocess.run(["sh", "-c", asUser("scrumana", "init --shared --board \(board)")])
    #expect(created.status == 0, "\(created.errorOutput)")

    let anaScreen = try TmuxSession(width: 100, height: 24, command: asUser("scrumana", "--board \(board)"))
    defer { anaScreen.stop() }
    let boScreen = try TmuxSession(windowOf: anaScreen, named: "bo", command: asUser("scrumbo", "--board \(board)"))
    defer { boScreen.stop() }
    try anaScreen.waitFor(text: "+1")
    try anaScreen.press("w")
    // All of the list at once: a capture may catch a frame half written.
    let screen = try anaScreen.waitFor("the who list with both") {
      $0.contains("On the board · 2 people") && $0.contains("scrumana (you)") && $0.contains("scrumbo · backlog")
    }
    #expect(screen.contains("scrumana (you)"))

    // Each row is its writer's, and the sqlite3 shell (no scrum_uid) cannot change any of them.
    let tamper = """
      import sqlite3, sys
      c = sqlite3.connect(sys.argv[1])
      print(sorted(c.execute('SELECT member, uid FROM presence').fetchall()))
      try:
          c.execute("UPDATE presence SET place = 'elsewhere' WHERE member = 'scrumana'")
          c.commit()
          print('changed')
      except Exception as error:
          print('refused:', error)
      """
    let script = "\(folder)/tamper.py"
    try tamper.write(toFile: script, atomically: true, encoding: .utf8)
    chmod(script, 0o644)
    let result = try Subprocess.run(["runuser", "-u", "scrumbo", "--", "python3", script, board])
    #expect(result.output.contains("[('scrumana', \(ana)), ('scrumbo', \(bo))]"), "\(result.output)\(result.errorOutput)")
    #expect(result.output.contains("refused: no such function: scrum_uid"), "\(result.output)\(result.errorOutput)")

    try anaScreen.press("Escape", "q")
    #expect(try anaScreen.waitForExit() == 0)
    try boScreen.press("q")
    #expect(try boScreen.waitForExit() == 0)
  }

  /// Two users opening a shared board nobody has open, at the same moment, both get in: the
  /// log files one of them creates are briefly read-only to the other (see BoardRepository.open).
  @Test func twoUsersOpeningAFreshSharedBoardAtOnceBothGetIn() throws {
    _ = try user("scrumana")
    _ = try user("scrumbo")
    let folder = "/tmp/scrum-group-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try Subprocess.run(["chgrp", SharedByGroupTests.group, folder])
    chmod(folder, 0o2770)
    let binary = scrumBinaryPath()
    for round in 1...25 {
      let board = "\(folder)/team-\(round)/board.db"
      let made = try Subprocess.run(["runuser", "-u", "scrumana", "--", binary, "init", "--shared", "--board", board])
      #expect(made.status == 0, "\(made.errorOutput)")
      // Both at once; each prints its status after its output.
      let both = try Subprocess.run([
        "sh", "-c",
        """
        runuser -u scrumana -- \(binary) add "Ana's story" --board \(board) 2>&1 & a=$!
        runuser -u scrumbo -- \(binary) add "Bo's story" --board \(board) 2>&1 & b=$!
        wait $a; echo "ana $?"; wait $b; echo "bo $?"
        """,
      ])
      #expect(both.output.contains("ana 0") && both.output.contains("bo 0"), "round \(round): \(both.output)")
    }
  }
}
