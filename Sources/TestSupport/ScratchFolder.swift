import Foundation
import Synchronization

/// A fresh folder of a test's own under the system's temporary folder, removed when the test
/// process exits: a suite that holds one cannot tell when its last test is done with it, and a
/// folder left behind by every test of every run fills the temporary folder (thousands were
/// found there after a day of runs).
public struct ScratchFolder: Sendable {
  public let url: URL

  public init(_ purpose: String) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("scrum-\(purpose)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    ScratchFolder.removeAtExit(url)
  }

  /// The path of `name` in the folder; a board file by default.
  public func path(_ name: String = "board.db") -> String { url.appendingPathComponent(name).path }

  /// Has `url` removed when the process exits normally.
  private static func removeAtExit(_ url: URL) {
    _ = sweepAtExit
    foldersToSweep.withLock { $0.append(url) }
  }

  /// Registered once, on first use.
  private static let sweepAtExit: Void = { atexit { ScratchFolder.sweep() } }()

  private static func sweep() {
    for url in foldersToSweep.withLock({ $0 }) { try? FileManager.default.removeItem(at: url) }
  }
}

private let foldersToSweep = Mutex<[URL]>([])
