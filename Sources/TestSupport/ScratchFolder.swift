import Foundation

/// A fresh folder of a test's own under the system's temporary folder.
public struct ScratchFolder: Sendable {
  public let url: URL

  public init(_ purpose: String) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("scrum-\(purpose)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// The path of `name` in the folder; a board file by default.
  public func path(_ name: String = "board.db") -> String { url.appendingPathComponent(name).path }
}
