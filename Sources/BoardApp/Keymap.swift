import TermUI

/// Turns a key into a command: the scope's own bindings first, then the global ones (as tig's
/// keymaps fall back to the generic one).
public struct Keymap: Equatable, Sendable {
  private var bindings: [Scope: [Key: Command]]

  public init(_ table: [(scope: Scope, command: Command, keys: [Key])] = Command.defaultBindings) {
    var bindings: [Scope: [Key: Command]] = [:]
    for entry in table {
      for key in entry.keys { bindings[entry.scope, default: [:]][key] = entry.command }
    }
    self.bindings = bindings
  }

  public func command(for key: Key, in scope: Scope) -> Command? {
    bindings[scope]?[key] ?? bindings[.global]?[key]
  }

  /// The keys bound to `command` in `scope`, in a stable order for help and hints.
  public func keys(for command: Command, in scope: Scope) -> [Key] {
    let bound = (bindings[scope] ?? [:]).filter { $0.value == command }.map(\.key)
    return bound.sorted { (rank($0), $0.description) < (rank($1), $1.description) }
  }

  /// Letters before arrows and named keys, so hints read "j/↓" rather than "↓/j".
  private func rank(_ key: Key) -> Int {
    switch key {
    case .character: return 0
    case .control: return 2
    default: return 1
    }
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
