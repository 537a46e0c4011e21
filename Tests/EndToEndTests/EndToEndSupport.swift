import Foundation
import Glibc
import TestSupport
import Testing

/// Under CI=true these tests run even when tmux is missing, and fail: they never skip silently.
let tmuxOrCI = TmuxSession.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"

/// A temporary folder with a board path and the real binary, for one test.
struct Workspace {
  let folder: URL
  let binary = scrumBinaryPath()

  init() throws {
    folder = try ScratchFolder("e2e-ws").url
  }

  var board: String { folder.appendingPathComponent("board.db").path }
  var pidFile: String { folder.appendingPathComponent("pid").path }

  /// A shell command that records the program's PID, then becomes the program.
  func command(_ arguments: String) -> String {
    "sh -c 'echo $$ > \(pidFile); exec \(binary) \(arguments)'"
  }

  /// The PID the command recorded.
  func pid() throws -> pid_t {
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
        let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return pid
      }
      usleep(20_000)
    }
    throw TmuxError.failed("the program did not record its PID")
  }

  /// The sample board opened in tmux with a shell script standing in for `$EDITOR` (its body
  /// edits the file named by "$1"), on the first full frame.
  func demoWithEditor(_ body: String) throws -> TmuxSession {
    let editor = folder.appendingPathComponent("editor.sh").path
    // Written through a descriptor closed on exec: a process another test spawns meanwhile
    // would otherwise inherit it open for writing, and running the script then fails with
    // "text file busy" (seen once in CI: the editor "failed or was not found").
    let descriptor = open(editor, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard descriptor >= 0 else { throw TmuxError.failed("cannot write the editor script \(editor)") }
    let script = Array(("#!/bin/sh\n" + body + "\n").utf8)
    let written = script.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    guard written == script.count else { throw TmuxError.failed("cannot write the editor script \(editor)") }
    chmod(editor, 0o755)
    let tmux = try TmuxSession(command: "\(binary) demo --board \(board)", environment: ["EDITOR": editor, "VISUAL": ""])
    try tmux.waitFor("the first full frame") { $0.contains("› SB-1 ") && $0.contains("quit") }
    return tmux
  }

  /// `scrum export --format json`, parsed.
  func export() throws -> [String: Any] {
    let result = try Subprocess.run([binary, "export", "--format", "json", "--board", board])
    guard result.status == 0 else { throw TmuxError.failed("export failed: \(result.errorOutput)") }
    guard let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] else {
      throw TmuxError.failed("export is not a JSON object")
    }
    return object
  }

  func stories() throws -> [[String: Any]] { try export()["stories"] as? [[String: Any]] ?? [] }

  func remove() { try? FileManager.default.removeItem(at: folder) }
}

extension String {
  var screenLines: [String] { split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

  /// The row of the screen whose text holds `needle`.
  func row(containing needle: String) -> Int? { screenLines.firstIndex { $0.contains(needle) } }
}
