import TermUI

/// Turns a key into a command: the scope's own bindings first, then the global ones (as tig's
/// keymaps fall back to the generic one).
public struct Keymap: Equatable, Sendable {
  private var bindings: [Scope: [Key: Command]]
  /// Each command's keys per scope, in the order the table lists them (the first is the one
  /// hints show).
  private var listed: [Scope: [Command: [Key]]]

  public init(_ table: [(scope: Scope, command: Command, keys: [Key])] = Command.defaultBindings) {
    // Sized up front: a growing dictionary rehashes all it holds, which was most of the time
    // building the default table took (at every start).
    var keysPerScope: [Scope: Int] = [:]
    for entry in table { keysPerScope[entry.scope, default: 0] += entry.keys.count }
    var bindings: [Scope: [Key: Command]] = Dictionary(minimumCapacity: keysPerScope.count)
    var listed: [Scope: [Command: [Key]]] = Dictionary(minimumCapacity: keysPerScope.count)
    for (scope, count) in keysPerScope {
      bindings[scope] = Dictionary(minimumCapacity: count)
      listed[scope] = Dictionary(minimumCapacity: count)
    }
    for entry in table {
      for key in entry.keys { bindings[entry.scope, default: [:]][key] = entry.command }
      listed[entry.scope, default: [:]][entry.command, default: []] += entry.keys
    }
    self.bindings = bindings
    self.listed = listed
  }

  /// The default table, made once: a session's configuration, options and state each start
  /// from it (0.15 ms a table, at every start).
  public static let defaults = Keymap(Command.defaultBindings)

  public func command(for key: Key, in scope: Scope) -> Command? {
    bindings[scope]?[key] ?? bindings[.global]?[key]
  }

  /// The keys bound to `command` in `scope`, in the order the table lists them.
  public func keys(for command: Command, in scope: Scope) -> [Key] {
    // Only keys still bound to this command (a later entry may have taken one).
    (listed[scope]?[command] ?? []).filter { bindings[scope]?[$0] == command }
  }

  /// Every (scope, command, keys) with at least one key, in table order, for the help overlay.
  public var documented: [(scope: Scope, command: Command, keys: [Key])] {
    var rows: [(scope: Scope, command: Command, keys: [Key])] = []
    for scope in Scope.allCases {
      for command in Command.allCases {
        let keys = self.keys(for: command, in: scope)
        if !keys.isEmpty { rows.append((scope, command, keys)) }
      }
    }
    return rows
  }
}

extension Keymap {
  /// The table with a user's bindings laid over it: each (scope, command) given replaces that
  /// command's keys there (an empty list unbinds it); a key taken from another command in the
  /// same scope leaves that command.
  public init(
    _ table: [(scope: Scope, command: Command, keys: [Key])],
    overriddenBy overrides: [(scope: Scope, command: Command, keys: [Key])]
  ) {
    let kept = table.filter { entry in !overrides.contains { $0.scope == entry.scope && $0.command == entry.command } }
    self.init(kept + overrides)
  }
}

extension Command {
  /// Whether the command does something when bound in `scope`: what the default table binds
  /// there, and the global commands (handled before any pane's own).
  public static func applies(_ command: Command, in scope: Scope) -> Bool {
    defaultBindings.contains { ($0.scope == scope || $0.scope == .global && scope != .help && scope != .picker) && $0.command == command }
  }
}
