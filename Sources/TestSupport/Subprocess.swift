import Foundation
import Glibc

/// Runs programs for end-to-end tests with posix_spawn. Foundation's `Process` hangs on
/// `tmux new-session` (the forked server inherits a descriptor it waits on), and test threads
/// block signals that tmux must not inherit; so every descriptor from 3 up is closed in the
/// child, and the signal mask and handlers are reset.
public enum Subprocess {
  public struct Result: Sendable {
    public let status: Int32
    public let output: String
    public let errorOutput: String
  }

  /// Runs `arguments` (the first is looked up in PATH) and waits for it.
  /// `stdinPath` names the file to use as standard input (default /dev/null).
  @discardableResult
  public static func run(
    _ arguments: [String], environment: [String: String]? = nil, stdinPath: String = "/dev/null"
  ) throws -> Result {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outPath = folder.appendingPathComponent("out").path
    let errPath = folder.appendingPathComponent("err").path

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    markInheritedDescriptorsCloseOnExec()

    var attributes = spawnAttributes(ownProcessGroup: false)
    defer { posix_spawnattr_destroy(&attributes) }

    let environmentList = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    var pid: pid_t = 0
    let status = withCStrings(arguments) { argv in
      withCStrings(environmentList) { envp in
        posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
      }
    }
    guard status == 0 else { throw SubprocessError.spawnFailed(arguments[0], String(cString: strerror(status))) }
    var waitStatus: Int32 = 0
    while waitpid(pid, &waitStatus, 0) < 0, errno == EINTR {}
    let exitStatus: Int32 =
      (waitStatus & 0x7f) == 0 ? (waitStatus >> 8) & 0xff : 128 + (waitStatus & 0x7f)
    let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let errorOutput = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    return Result(status: exitStatus, output: output, errorOutput: errorOutput)
  }

  /// Starts a shell command in its own process group and returns at once with its PID (which
  /// is also the group's id, for killing everything it started).
  public static func spawnShell(_ command: String) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    markInheritedDescriptorsCloseOnExec()
    var attributes = spawnAttributes(ownProcessGroup: true)
    defer { posix_spawnattr_destroy(&attributes) }
    let arguments = ["/bin/sh", "-c", command]
    let environmentList = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
    var pid: pid_t = 0
    let status = withCStrings(arguments) { argv in
      withCStrings(environmentList) { envp in posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp) }
    }
    guard status == 0 else { throw SubprocessError.spawnFailed("/bin/sh", String(cString: strerror(status))) }
    return pid
  }

  /// Waits for a process started by `spawnShell`; returns its exit status (128+signal if killed).
  @discardableResult
  public static func wait(_ pid: pid_t) -> Int32 {
    var waitStatus: Int32 = 0
    while waitpid(pid, &waitStatus, 0) < 0, errno == EINTR {}
    return (waitStatus & 0x7f) == 0 ? (waitStatus >> 8) & 0xff : 128 + (waitStatus & 0x7f)
  }

  /// Whether a program is on PATH.
  public static func exists(_ program: String) -> Bool {
    (try? run(["sh", "-c", "command -v \(program)"]).status) == 0
  }

  /// Spawn attributes that clear the signal mask and reset every handler in the child (test
  /// threads block signals that tmux and the board rely on), optionally in a new process group.
  private static func spawnAttributes(ownProcessGroup: Bool) -> posix_spawnattr_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
    if ownProcessGroup {
      posix_spawnattr_setpgroup(&attributes, 0)
      flags |= POSIX_SPAWN_SETPGROUP
    }
    posix_spawnattr_setflags(&attributes, Int16(flags))
    return attributes
  }

  /// Sets close-on-exec on every open descriptor from 3 up, so no child inherits one.
  /// (glibc's addclosefrom_np is not visible to Swift here; this is the same effect.)
  private static func markInheritedDescriptorsCloseOnExec() {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
    for name in names {
      guard let descriptor = Int32(name), descriptor >= 3 else { continue }
      let flags = fcntl(descriptor, F_GETFD)
      if flags >= 0 { _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC) }
    }
  }

  private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
  }
}

public enum SubprocessError: Error, CustomStringConvertible {
  case spawnFailed(String, String)
  public var description: String {
    switch self {
    case .spawnFailed(let program, let reason): return "cannot run \(program): \(reason)"
    }
  }
}
