import Foundation

/// Finds the board file, first match wins: `--board PATH`, then `$SCRUM_BOARD`, then the nearest
/// `.scrum/board.db` in the working folder or above it (as git finds `.git`), then
/// `$XDG_DATA_HOME/scrum/board.db` (default `~/.local/share/scrum/board.db`).
public struct BoardLocator: Sendable {
  public var environment: [String: String]
  public var workingDirectory: String
  public var fileExists: @Sendable (String) -> Bool

  public init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    workingDirectory: String = FileManager.default.currentDirectoryPath,
    fileExists: @escaping @Sendable (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
  ) {
    self.environment = environment
    self.workingDirectory = workingDirectory
    self.fileExists = fileExists
  }

  public func boardPath(explicit: String?) -> String {
    if let explicit, !explicit.isEmpty { return absolute(explicit) }
    if let fromEnvironment = environment["SCRUM_BOARD"], !fromEnvironment.isEmpty { return absolute(fromEnvironment) }
    var folder = URL(fileURLWithPath: workingDirectory).standardizedFileURL
    while true {
      let candidate = folder.appendingPathComponent(".scrum/board.db").path
      if fileExists(candidate) { return candidate }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { break }
      folder = parent
    }
    return dataFolder() + "/board.db"
  }

  /// Where `scrum demo` keeps its sample board unless told otherwise: beside the default board,
  /// so that trying the demo never writes into a real one.
  public func demoPath(explicit: String?) -> String {
    if let explicit, !explicit.isEmpty { return absolute(explicit) }
    return dataFolder() + "/demo.db"
  }

  /// `scrum init` creates `.scrum/board.db` in the working folder, as `git init` does.
  public func initPath(explicit: String?) -> String {
    if let explicit, !explicit.isEmpty { return absolute(explicit) }
    return URL(fileURLWithPath: workingDirectory).appendingPathComponent(".scrum/board.db").path
  }

  private func dataFolder() -> String {
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/scrum" }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.local/share/scrum"
  }

  private func absolute(_ path: String) -> String {
    let expanded = (path as NSString).expandingTildeInPath
    if expanded.hasPrefix("/") { return expanded }
    return URL(fileURLWithPath: workingDirectory).appendingPathComponent(expanded).standardizedFileURL.path
  }
}
