import Foundation
import GRDB
import Glibc
import ScrumCore
import ScrumStore
import TestSupport
import Testing

/// A small filesystem to fill up, where the machine lets a test mount one.
final class SmallDisk {
  let path: String
  static let canMount: Bool = {
    guard let disk = try? SmallDisk() else { return false }
    disk.unmount()
    return true
  }()

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("scrum-full-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    let result = try Subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", path])
    guard result.status == 0 else {
      try? FileManager.default.removeItem(atPath: path)
      throw TmuxError.failed("cannot mount a tmpfs: \(result.errorOutput)")
    }
  }

  /// Fills what is left of the disk.
  func fill() throws {
    try Subprocess.run(["sh", "-c", "dd if=/dev/zero of=\(path)/filler bs=4k 2>/dev/null; sync"])
  }

  func unmount() {
    _ = try? Subprocess.run(["umount", path])
    try? FileManager.default.removeItem(atPath: path)
  }
}

@Suite(.enabled(if: tmuxOrCI)) struct BrokenEnvironmentTests {
  @Test(.enabled(if: SmallDisk.canMount)) func aFullDiskRefusesTheChangeClearlyAndDamagesNothing() throws {
    let disk = try SmallDisk()
    defer { disk.unmount() }
    let board = disk.path + "/board.db"
    try BoardRepository.create(at: board, board: Fixtures.sampleBoard()).close()
    let binary = scrumBinaryPath()
    let tmux = try TmuxSession(width: 200, height: 30, command: "\(binary) --board \(board)")
    defer { tmux.stop() }
    try tmux.waitFor("the backlog") { $0.contains("Product backlog") && $0.contains("q quit") }
    try disk.fill()
    // A story big enough not to fit in what little is left.
    let added = try Subprocess.run([binary, "add", String(repeating: "Long title ", count: 2_000), "--board", board])
    #expect(added.status == 1)
    #expect(added.errorOutput.contains("is full; nothing was saved"), "\(added.errorOutput)")
    try tmux.press("a")
    try tmux.type(String(repeating: "Bigger than the disk ", count: 200))
    try tmux.press("Enter")
    // 4,200 typed characters take a while on a loaded 2-core machine.
    try tmux.waitFor(text: "is full; nothing was saved", timeout: 60)
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)
    try FileManager.default.removeItem(atPath: disk.path + "/filler")
    let queue = try DatabaseQueue(path: board)
    #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM story") } == 35)
    try queue.close()
  }

  @Test func aBoardFileDeletedWhileOpenIsSaidSoAndNothingIsSavedIntoTheVoid() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try BoardRepository.create(at: workspace.board, board: Fixtures.sampleBoard()).close()
    let tmux = try TmuxSession(width: 160, height: 30, command: "\(workspace.binary) --board \(workspace.board)")
    defer { tmux.stop() }
    try tmux.waitFor("the backlog") { $0.contains("Product backlog") && $0.contains("q quit") }
    try FileManager.default.removeItem(atPath: workspace.board)
    try tmux.waitFor(text: "was deleted or replaced while open", timeout: 3)
    try tmux.press("J")
    try tmux.waitFor(text: "was deleted or replaced while open")
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)
    #expect(try tmux.paneValue("#{alternate_on}") == "0")
  }

  @Test func aMissingEditorChangesNothingAndTheBoardCarriesOn() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let tmux = try TmuxSession(
      width: 120, height: 30, command: "\(workspace.binary) demo --board \(workspace.board)",
      environment: ["EDITOR": "/no/such/editor", "VISUAL": ""])
    defer { tmux.stop() }
    try tmux.waitFor("the backlog") { $0.contains("Product backlog") && $0.contains("q quit") }
    try tmux.press("E")
    try tmux.waitFor(text: "failed or was not found; nothing changed")
    #expect(try tmux.screen().contains("› SB-1 "))
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)
  }

  @Test func aDroppedConnectionKeepsTheLastChangeAndEndsCleanly() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let tmux = try TmuxSession(command: workspace.command("demo --board \(workspace.board)"))
    defer { tmux.stop() }
    try tmux.waitFor("the backlog") { $0.contains("Product backlog") && $0.contains("q quit") }
    try tmux.press("G", "a")
    try tmux.type("Typed just before the line dropped")
    try tmux.press("Enter")
    try tmux.waitFor(text: "Added SB-36")
    kill(try workspace.pid(), SIGHUP)
    #expect(try tmux.waitForExit() == 0)
    #expect(try tmux.paneValue("#{alternate_on}") == "0")
    #expect(try workspace.stories().contains { $0["title"] as? String == "Typed just before the line dropped" })
  }

  @Test func ctrlZStopsTheBoardAndFgBringsItBack() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let tmux = try TmuxSession(command: "bash --norc --noprofile -i")
    defer { tmux.stop() }
    try tmux.type("\(workspace.binary) demo --board \(workspace.board)")
    try tmux.press("Enter")
    try tmux.waitFor("the backlog") { $0.contains("Product backlog") && $0.contains("q quit") }
    try tmux.press("C-z")
    try tmux.waitFor(text: "Stopped")
    #expect(try tmux.paneValue("#{alternate_on}") == "0")
    try tmux.type("fg")
    try tmux.press("Enter")
    try tmux.waitFor("the board again") { $0.contains("Product backlog") && $0.contains("› SB-1") }
    #expect(try tmux.paneValue("#{alternate_on}") == "1")
    try tmux.press("q")
    try tmux.waitFor("the shell") { !$0.contains("Product backlog") }
  }
}

/// Permissions taken away under an open board: run as `nobody`, since root ignores them.
@Suite(.enabled(if: tmuxOrCI)) struct PermissionsTakenAwayTests {
  @Test func aFolderAndWALMadeReadOnlyWhileOpenLoseNothing() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let folder = workspace.folder.appendingPathComponent("team").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let board = folder + "/board.db"
    try BoardRepository.create(at: board, board: Fixtures.sampleBoard()).close()
    #expect(try Subprocess.run(["chown", "-R", "nobody:nogroup", workspace.folder.path]).status == 0)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: workspace.folder.path)
    let asNobody = "setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/tmp"
    let tmux = try TmuxSession(width: 160, height: 30, command: "\(asNobody) \(workspace.binary) --board \(board)")
    defer { tmux.stop() }
    try tmux.waitFor("the backlog") { $0.contains("Product backlog") && $0.contains("q quit") }
    // Take write permission away from the folder and the write-ahead log while it is open.
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
    if FileManager.default.fileExists(atPath: board + "-wal") {
      try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: board + "-wal")
    }
    try tmux.press("J")
    // Either the open files still take the change, or it is refused with a message: never
    // a crash or a garbled screen.
    let screen = try tmux.waitFor("the move or a message") { $0.contains("› SB-1") && ($0.range(of: "SB-2 ")?.lowerBound ?? $0.endIndex) < ($0.range(of: "› SB-1")?.lowerBound ?? $0.startIndex) || $0.contains("read-only") }
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)
    #expect(try tmux.paneValue("#{alternate_on}") == "0")
    // A new writer is told at once, and changes nothing.
    let refused = try Subprocess.run(["sh", "-c", "\(asNobody) \(workspace.binary) add Refused --board \(board)"])
    #expect(refused.status == 1)
    #expect(refused.errorOutput.contains("read-only"), "\(refused.errorOutput)")
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
    let stored = try BoardRepository.open(at: board, readOnly: true).load()
    let order = stored.stories(inSprint: "Sprint 14").prefix(2).map(\.id.number)
    if screen.contains("read-only") {
      #expect(order == [1, 2])
    } else {
      #expect(order == [2, 1], "the move shown on screen must be on disk")
    }
    #expect(!stored.stories.contains { $0.title == "Refused" })
  }
}
