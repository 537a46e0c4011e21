import TermUI

/// Turns a key into a command: the scope's own bindings first, then the global ones (as tig's
/// keymaps fall back to the generic one).
public struct Keymap: Equatable, Sendable {
  /// Each scope's bindings, by `Scope.slot`: a scope's raw value is a string, which a
  /// dictionary would hash at every key press and 600 times building the default table.
  private var bindings: [[Key: Command]]
  /// Each command's keys per scope (by slot), in the order the table lists them (the first is
  /// the one hints show).
  private var listed: [[Command: [Key]]]

  public init(_ table: [(scope: Scope, command: Command, keys: [Key])] = Command.defaultBindings) {
    // Sized up front: a growing dictionary rehashes all it holds, which was most of the time
    // building the default table took (at every start).
    var keysPerScope = [Int](repeating: 0, count: Scope.allCases.count)
    for entry in table { keysPerScope[entry.scope.slot] += entry.keys.count }
    var bindings = keysPerScope.map { [Key: Command](minimumCapacity: $0) }
    var listed = keysPerScope.map { [Command: [Key]](minimumCapacity: $0) }
    for entry in table {
      let slot = entry.scope.slot
      for key in entry.keys { bindings[slot][key] = entry.command }
      listed[slot][entry.command, default: []] += entry.keys
    }
    self.bindings = bindings
    self.listed = listed
  }

  /// The default table, made once: a session's configuration, options and state each start
  /// from it (0.15 ms a table, at every start).
  public static let defaults = Keymap(Command.defaultBindings)

  public func command(for key: Key, in scope: Scope) -> Command? {
    bindings[scope.slot][key] ?? bindings[Scope.global.slot][key]
  }

  /// The command a key has in the scope itself, not counting the global keys.
  public func ownCommand(for key: Key, in scope: Scope) -> Command? { bindings[scope.slot][key] }

  /// The keys bound to `command` in `scope`, in the order the table lists them.
  public func keys(for command: Command, in scope: Scope) -> [Key] {
    // Only keys still bound to this command (a later entry may have taken one).
    (listed[scope.slot][command] ?? []).filter { bindings[scope.slot][$0] == command }
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
