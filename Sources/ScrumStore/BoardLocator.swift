import Foundation
import Glibc
import ScrumCore

/// Finds the board file, first match wins: `--board PATH`, then `$SCRUM_BOARD`, then the nearest
/// `.scrum/board.db` in the working folder or above it (as git finds `.git`), then
/// `$XDG_DATA_HOME/scrum/board.db` (default `~/.local/share/scrum/board.db`).
///
/// Paths are worked out as text and looked up with `access`: this runs before every board's
/// first frame, where Foundation's first file manager, URL and NSString cost 0.1–0.2 ms.
public struct BoardLocator: Sendable {
  public var environment: [String: String]
  public var workingDirectory: String
  public var fileExists: @Sendable (String) -> Bool

  public init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    workingDirectory: String = BoardLocator.currentDirectory(),
    fileExists: @escaping @Sendable (String) -> Bool = { access($0, F_OK) == 0 }
  ) {
    self.environment = environment
    self.workingDirectory = workingDirectory
    self.fileExists = fileExists
  }

  public func boardPath(explicit: String?) -> String {
    if let explicit, !explicit.isEmpty { return absolute(explicit) }
    if let fromEnvironment = environment["SCRUM_BOARD"], !fromEnvironment.isEmpty { return absolute(fromEnvironment) }
    var folder = BoardLocator.normalized(workingDirectory)
    while true {
      let candidate = BoardLocator.joined(folder, ".scrum/board.db")
      if fileExists(candidate) { return candidate }
      guard folder != "/" else { break }
      folder = BoardLocator.folder(containing: folder)
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
    return BoardLocator.joined(BoardLocator.normalized(workingDirectory), ".scrum/board.db")
  }

  /// The process's working folder (as the kernel names it: absolute, without `.` or `..`).
  public static func currentDirectory() -> String {
    guard let path = getcwd(nil, 0) else { return "/" }
    defer { free(path) }
    return String(cString: path)
  }

  private func dataFolder() -> String {
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/scrum" }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.local/share/scrum"
  }

  /// `path` made absolute against the working folder, `~` expanded, `.` and `..` resolved.
  private func absolute(_ path: String) -> String {
    let expanded = expandingTilde(path)
    if expanded.hasPrefix("/") { return BoardLocator.normalized(expanded) }
    return BoardLocator.normalized(workingDirectory + "/" + expanded)
  }

  /// `~` and `~/…` from `$HOME`; `~user/…` is left to Foundation, which looks the user up.
  private func expandingTilde(_ path: String) -> String {
    guard path.hasPrefix("~") else { return path }
    if path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty {
      return home + path.dropFirst()
    }
    return (path as NSString).expandingTildeInPath
  }

  /// An absolute path without empty, `.` and `..` components (`..` at the root stays there).
  static func normalized(_ path: String) -> String {
    var kept: [Substring] = []
    for component in path.split(separator: "/") where component != "." {
      if component == ".." {
        _ = kept.popLast()
      } else {
        kept.append(component)
      }
    }
    return "/" + kept.map(String.init).concatenated(separator: "/")
  }

  static func joined(_ folder: String, _ relative: String) -> String {
    folder == "/" ? "/" + relative : folder + "/" + relative
  }

  /// The folder `path` is in, worked out as text: `.` for a bare name, `/` for what is at the
  /// root. (For a board file's folder too: NSString's first use costs start-up time.)
  static func folder(containing path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}
