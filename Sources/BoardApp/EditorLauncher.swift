import Foundation
import Glibc

/// Opens a file in the user's editor and waits; true if the editor exited cleanly.
public typealias EditorLauncher = (String) -> Bool

/// `$VISUAL`, else `$EDITOR`, else `vi`, run through the shell (so `EDITOR="code --wait"` works)
/// with the terminal as its standard input and output.
public func launchEditor(_ path: String) -> Bool {
  let environment = ProcessInfo.processInfo.environment
  let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
  let arguments = ["/bin/sh", "-c", "\(editor) \"$1\"", "sh", path]
  var pointers = arguments.map { strdup($0) }
  pointers.append(nil)
  defer { for pointer in pointers { free(pointer) } }
  var pid: pid_t = 0
  guard posix_spawn(&pid, "/bin/sh", nil, nil, pointers, environ) == 0 else { return false }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0, errno == EINTR {}
  return (status & 0x7f) == 0 && (status >> 8) & 0xff == 0
}
