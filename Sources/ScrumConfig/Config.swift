import BoardApp
import Foundation
import ScrumCore
import TermUI

/// What a user set in `config.toml`, with the defaults filled in for everything they did not.
public struct Config: Equatable, Sendable {
  /// The whole key table: the defaults with the file's bindings laid over them.
  public var keymap = Keymap.defaults
  public var terminal = TerminalSettings()
  /// The columns `scrum init` gives a new board.
  public var newBoardColumns = Column.defaults
  /// Seconds per person at the standup.
  public var standupTimebox: TimeInterval = 120
  /// `$USER` to the team member's name as stories use it.
  public var members: [String: String] = [:]

  public init() {}

  /// The team member at this keyboard: the name `$USER` maps to, else `$USER` itself.
  public func member(forUser user: String) -> String { members[user] ?? user }
}

/// Something wrong in the file: where, and what. The rest of the file still applies; the
/// setting in question keeps its default.
public struct ConfigProblem: Equatable, Sendable, CustomStringConvertible {
  /// 1-based, when the problem can be placed.
  public let line: Int?
  public let message: String

  public init(line: Int?, _ message: String) {
    self.line = line
    self.message = message
  }

  public var description: String { line.map { "line \($0): \(message)" } ?? message }
}

/// A configuration as read: the settings that applied and the problems found.
public struct LoadedConfig: Sendable {
  public var config: Config
  public var problems: [ConfigProblem]
  /// The file read, if there was one.
  public var path: String?

  /// One line for a status line or stderr: the first problem and how many more.
  public var summary: String? {
    guard let first = problems.first else { return nil }
    let more = problems.count > 1 ? " (and \(problems.count - 1) more: scrum config --check)" : ""
    return "\(path ?? "config"): \(first); using the default for it\(more)"
  }
}
