import CCrashGuard
import CNcurses

/// Gives the terminal back even when the process dies of a fatal signal, where no Swift cleanup
/// can run. The handler is async-signal-safe C (CCrashGuard); this side collects what it writes.
enum CrashGuard {
  /// Before ncurses changes anything: remember the terminal modes to restore.
  static func saveModes() { _ = crash_guard_save_modes() }

  /// After ncurses has started: this terminal's own exit strings (attributes off, cursor shown,
  /// keypad off, leave the alternate screen), then arm the handlers.
  static func arm() {
    var sequence: [CChar] = []
    for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
      guard let value = cn_string_capability(capability) else { continue }
      sequence += Array(String(cString: value).utf8CString.dropLast())
    }
    crash_guard_arm(sequence, sequence.count)
  }

  /// After a normal endwin: nothing left to restore.
  static func disarm() { crash_guard_disarm() }
}
