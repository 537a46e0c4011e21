import Glibc
import Synchronization

/// The last SIGINT, SIGTERM or SIGHUP received, or 0. Written by the signal handler (an atomic
/// store is async-signal-safe), read by the key loop, which then leaves through the normal path
/// that restores the terminal.
let pendingSignal = Atomic<Int32>(0)

enum Signals {
  static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Installs the handlers, and unblocks the signals a full-screen program relies on: a parent
  /// (a test runner's thread, a tmux started from one) may hand down a blocked mask, and then
  /// resizes and hang-ups never arrive.
  static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { signal in pendingSignal.store(signal, ordering: .relaxed) }
    sigemptyset(&action.sa_mask)
    // No SA_RESTART: a blocked read returns at once with EINTR.
    action.sa_flags = 0
    for signal in handled { sigaction(signal, &action, nil) }
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    for signal in [SIGWINCH, SIGHUP, SIGTERM, SIGINT, SIGTSTP, SIGCONT] { sigaddset(&unblocked, signal) }
    pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
  }

  static func ignoreInterrupts() {
    Glibc.signal(SIGINT, SIG_IGN)
    Glibc.signal(SIGQUIT, SIG_IGN)
  }

  static func restoreDefaults() {
    for signal in handled + [SIGQUIT] { Glibc.signal(signal, SIG_DFL) }
  }

  /// The pending signal, cleared; nil if none.
  static func take() -> Int32? {
    let signal = pendingSignal.exchange(0, ordering: .relaxed)
    return signal == 0 ? nil : signal
  }
}
