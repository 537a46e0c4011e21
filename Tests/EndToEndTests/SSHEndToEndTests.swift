import Foundation
import Glibc
import ScrumStore
import TestSupport
import Testing

/// A private sshd on 127.0.0.1 with throwaway host and user keys, for the standup case: the
/// board over a real SSH connection, as each team member runs it.
final class LoopbackSSH {
  let folder: URL
  let port: Int
  private let pid: pid_t

  static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") && Subprocess.exists("ssh") }

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrum-ssh-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.path
    for key in ["host_key", "user_key"] {
      let made = try Subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "\(path)/\(key)"])
      guard made.status == 0 else { throw TmuxError.failed("ssh-keygen: \(made.errorOutput)") }
    }
    try FileManager.default.copyItem(atPath: "\(path)/user_key.pub", toPath: "\(path)/authorized_keys")
    // As root, sshd wants its privilege-separation folder.
    try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
    var lastError = ""
    for _ in 0..<5 {
      let port = Int.random(in: 20_000...60_000)
      let config = """
        ListenAddress 127.0.0.1
        Port \(port)
        HostKey \(path)/host_key
        PidFile \(path)/sshd.pid
        AuthorizedKeysFile \(path)/authorized_keys
        StrictModes no
        UsePAM no
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PermitRootLogin prohibit-password
        AcceptEnv LANG LC_*
        """
      try config.write(toFile: "\(path)/sshd_config", atomically: true, encoding: .utf8)
      let started = try Subprocess.spawnShell("exec /usr/sbin/sshd -D -e -f \(path)/sshd_config 2> \(path)/sshd.log")
      // Ready when a command runs over it.
      let deadline = Date().addingTimeInterval(10)
      while Date() < deadline {
        let probe = try Subprocess.run(LoopbackSSH.clientArguments(folder: path, port: port) + ["true"])
        if probe.status == 0 {
          self.port = port
          self.pid = started
          return
        }
        lastError = probe.errorOutput
        var status: Int32 = 0
        if waitpid(started, &status, WNOHANG) == started { break }  // sshd died: another port
        usleep(100_000)
      }
      kill(-started, SIGTERM)
      Subprocess.wait(started)
      lastError += (try? String(contentsOfFile: "\(path)/sshd.log", encoding: .utf8)) ?? ""
    }
    throw TmuxError.failed("sshd did not start: \(lastError)")
  }

  deinit {
    kill(-pid, SIGTERM)
    Subprocess.wait(pid)
    try? FileManager.default.removeItem(at: folder)
  }

  static func clientArguments(folder: String, port: Int) -> [String] {
    [
      "ssh", "-F", "/dev/null", "-i", "\(folder)/user_key", "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
      "-o", "UserKnownHostsFile=\(folder)/known_hosts", "-o", "StrictHostKeyChecking=accept-new", "-p", "\(port)",
      "\(ProcessInfo.processInfo.environment["USER"] ?? "root")@127.0.0.1",
    ]
  }

  /// A shell command line that runs `remote` over SSH with a terminal.
  func command(_ remote: String) -> String {
    (["ssh", "-t"] + LoopbackSSH.clientArguments(folder: folder.path, port: port).dropFirst() + ["'\(remote)'"])
      .joined(separator: " ")
  }
}

@Suite(.enabled(if: (LoopbackSSH.isAvailable && TmuxSession.isAvailable) || ProcessInfo.processInfo.environment["CI"] == "true"))
struct StandupOverSSHTests {
  @Test func aCardMovedOverSSHShowsOnAnotherScreenAndIsSaved() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try BoardRepository.create(at: workspace.board, board: Fixtures.sampleBoard()).close()
    let ssh = try LoopbackSSH()

    let remote = try TmuxSession(command: ssh.command("\(workspace.binary) board --board \(workspace.board)"))
    defer { remote.stop() }
    let local = try TmuxSession(command: "\(workspace.binary) board --board \(workspace.board)")
    defer { local.stop() }
    for screen in [remote, local] {
      try screen.waitFor("the board") { $0.contains("In Progress") && $0.contains("SB-6") && $0.contains("q quit") }
    }
    // The cursor starts on SB-6, first card of To Do; L moves it to In Progress.
    func column(of key: String, in screen: String) -> Int? {
      guard let line = screen.screenLines.first(where: { $0.contains(key + " ") }), let range = line.range(of: key) else { return nil }
      return line.distance(from: line.startIndex, to: range.lowerBound)
    }
    #expect(try column(of: "SB-6", in: local.screen()) ?? 99 < 5)
    try remote.press("L")
    try remote.waitFor("SB-6 in In Progress over SSH") { (column(of: "SB-6", in: $0) ?? 0) > 15 }
    try local.waitFor("SB-6 moved on the other screen within 2 s", timeout: 2) { (column(of: "SB-6", in: $0) ?? 0) > 15 }

    try remote.press("q")
    #expect(try remote.waitForExit() == 0)
    try local.press("q")
    #expect(try local.waitForExit() == 0)
    let story = try #require(try workspace.stories().first { $0["key"] as? String == "SB-6" })
    #expect(story["status"] as? String == "in-progress")
  }
}
