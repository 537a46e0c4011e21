import Foundation
import Glibc

/// A private tmux server running one program in a window of a fixed size, driven like a user
/// would: keys in, screen text out. Each test gets its own socket, so tests run in parallel.
public final class TmuxSession {
  public let folder: URL
  private let socket: String
  private let target: String
  /// A second window of another session's server: stopping it leaves the server running.
  private let sharesServer: Bool

  /// Whether tests that need tmux can run; under CI=true a missing tmux is a failure, not a skip.
  public static var isAvailable: Bool { Subprocess.exists("tmux") }

  /// Starts `command` (a shell command line) in a `width`x`height` window. The command's exit
  /// status shows as `__EXIT_<status>__` on the screen when it ends.
  public init(width: Int = 80, height: Int = 24, command: String, environment: [String: String] = [:]) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrum-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    socket = folder.appendingPathComponent("tmux.sock").path
    target = "e2e"
    sharesServer = false
    let line = TmuxSession.commandLine(command, environment: environment, folder: folder)
    let result = try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", target, line])
    guard result.status == 0 else { throw TmuxError.failed("new-session: \(result.errorOutput)") }
  }

  /// Another window of `session`'s tmux server, running `command`: two people's screens side by
  /// side on one host, as at a standup over SSH.
  public init(windowOf session: TmuxSession, named name: String, command: String, environment: [String: String] = [:])
    throws
  {
    folder = session.folder
    socket = session.socket
    target = "e2e:\(name)"
    sharesServer = true
    let line = TmuxSession.commandLine(command, environment: environment, folder: folder)
    let result = try tmux(["new-window", "-d", "-t", "e2e", "-n", name, line])
    guard result.status == 0 else { throw TmuxError.failed("new-window: \(result.errorOutput)") }
  }

  /// The shell line a window runs: a clean environment, the command, then its exit status.
  private static func commandLine(_ command: String, environment: [String: String], folder: URL) -> String {
    // The developer's own config.toml stays out of the tests (a test that wants one says so),
    // and so does a NO_COLOR that the test runner itself may set.
    var settings = [
      "TERM=xterm-256color", "LANG=C.UTF-8", "XDG_CONFIG_HOME=\(folder.path)/config", "SCRUM_CONFIG=", "NO_COLOR=",
    ]
    settings += environment.map { "\($0.key)=\(TmuxSession.quote($0.value))" }
    return "env \(settings.joined(separator: " ")) \(command); echo \"__EXIT_$?__\"; exec sleep 100000"
  }

  deinit { stop() }

  /// Ends the tmux server and everything in it, and removes the session's folder (a window of
  /// another session's server closes only itself).
  public func stop() {
    if sharesServer {
      _ = try? tmux(["kill-window", "-t", target])
      return
    }
    _ = try? tmux(["kill-server"])
    try? FileManager.default.removeItem(at: folder)
  }

  /// Sends keys by tmux's names (`j`, `Enter`, `Escape`, `Up`, `C-c`).
  public func press(_ keys: String...) throws {
    try tmux(["send-keys", "-t", target] + keys)
  }

  /// Types text literally.
  public func type(_ text: String) throws {
    try tmux(["send-keys", "-t", target, "-l", text])
  }

  /// Sends bytes as a terminal would (a mouse report, say), unparsed by tmux's key names.
  public func sendBytes(_ text: String) throws {
    try tmux(["send-keys", "-t", target, "-H"] + Array(text.utf8).map { String(format: "%02x", $0) })
  }

  /// A left click at a cell (0-based), as an xterm reports it in SGR mode.
  public func click(x: Int, y: Int) throws {
    try sendBytes("\u{1B}[<0;\(x + 1);\(y + 1)M\u{1B}[<0;\(x + 1);\(y + 1)m")
  }

  /// One notch of the wheel over a cell.
  public func wheel(down: Bool, x: Int, y: Int) throws {
    try sendBytes("\u{1B}[<\(down ? 65 : 64);\(x + 1);\(y + 1)M")
  }

  public func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
  }

  /// The screen as text, one line per row.
  public func screen() throws -> String {
    try tmux(["capture-pane", "-p", "-t", target]).output
  }

  /// The screen with its colours and attributes as escape sequences (`capture-pane -e`).
  public func styledScreen() throws -> String {
    try tmux(["capture-pane", "-p", "-e", "-t", target]).output
  }

  /// A tmux format value for the pane, e.g. `#{alternate_on}`.
  public func paneValue(_ format: String) throws -> String {
    try tmux(["display-message", "-p", "-t", target, format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Polls the screen every 20 ms until `condition` holds; returns the screen, or throws with
  /// the last screen when `timeout` seconds pass. Never a fixed sleep.
  @discardableResult
  public func waitFor(
    _ description: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    var changedSinceMatch = 0
    while Date() < deadline {
      last = try screen()
      usleep(20_000)
      guard condition(last) else { continue }
      // A capture can catch a frame half written: the screen is taken once it holds still
      // for a moment, so that what a test asserts next is the whole frame (a screen that
      // keeps changing, such as a running clock, is taken after a few tries).
      let again = try screen()
      if again == last || changedSinceMatch >= 5 { return condition(again) ? again : last }
      changedSinceMatch += 1
    }
    throw TmuxError.timedOut(description, screen: last)
  }

  /// Waits for text to appear on the screen.
  @discardableResult
  public func waitFor(text: String, timeout: TimeInterval = 15) throws -> String {
    try waitFor("\"\(text)\" on screen", timeout: timeout) { $0.contains(text) }
  }

  /// Waits for the program to end and returns its exit status.
  public func waitForExit(timeout: TimeInterval = 15) throws -> Int32 {
    // After a kill -9 the cursor is wherever the last frame left it: the marker may wrap.
    let unwrapped = { (screen: String) in screen.replacingOccurrences(of: "\n", with: "") }
    let screen = unwrapped(
      try waitFor("the program to exit", timeout: timeout) { unwrapped($0).range(of: #"__EXIT_\d+__"#, options: .regularExpression) != nil })
    guard let range = screen.range(of: #"__EXIT_(\d+)__"#, options: .regularExpression) else {
      throw TmuxError.failed("no exit status on screen")
    }
    let digits = screen[range].dropFirst(7).dropLast(2)
    return Int32(digits) ?? -1
  }

  @discardableResult
  private func tmux(_ arguments: [String]) throws -> Subprocess.Result {
    try Subprocess.run(["tmux", "-S", socket, "-f", "/dev/null"] + arguments)
  }

  private static func quote(_ value: String) -> String {
    "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

public enum TmuxError: Error, CustomStringConvertible {
  case failed(String)
  case timedOut(String, screen: String)

  public var description: String {
    switch self {
    case .failed(let message): return "tmux: \(message)"
    case .timedOut(let what, let screen): return "timed out waiting for \(what); the screen was:\n\(screen)"
    }
  }
}

/// The built `scrum` binary beside the running test bundle (the test target depends on it), or
/// the one `$SCRUM_TEST_BINARY` names: the end-to-end tests run against the release build that
/// is installed and benchmarked that way (see scripts/test-release).
public func scrumBinaryPath() -> String {
  if let chosen = ProcessInfo.processInfo.environment["SCRUM_TEST_BINARY"], !chosen.isEmpty {
    // Absolute, since the tests start it from temporary folders.
    return chosen.hasPrefix("/") ? chosen : FileManager.default.currentDirectoryPath + "/" + chosen
  }
  let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
  return executable.deletingLastPathComponent().appendingPathComponent("scrum").path
}
