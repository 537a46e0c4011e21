import Foundation
import BoardApp
import ScrumCore
import TOMLKit
import TermUI

/// Reads `config.toml`. A file that is not TOML gives its parser's line and problem and all
/// defaults; a setting that is wrong (an unknown command, key, colour or section) is reported
/// with its line and keeps its default, while the rest of the file applies.
public enum ConfigParser {
  static let sections = ["mouse", "standup", "team", "new-board", "theme", "keys"]

  public static func parse(_ text: String) -> LoadedConfig {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      return LoadedConfig(
        config: Config(), problems: [ConfigProblem(line: error.source.begin.line, "\(error.description); nothing in the file applies")],
        path: nil)
    } catch {
      return LoadedConfig(config: Config(), problems: [ConfigProblem(line: nil, "\(error)")], path: nil)
    }
    var reader = Reader(lines: SourceLines(text))
    var config = Config()
    reader.read(table, into: &config)
    let problems = reader.problems.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
      .map(\.element)
    return LoadedConfig(config: config, problems: problems, path: nil)
  }

  /// Walks the parsed table, setting what is right and noting what is not.
  struct Reader {
    let lines: SourceLines
    var problems: [ConfigProblem] = []

    mutating func problem(_ section: String, _ key: String?, _ message: String) {
      problems.append(ConfigProblem(line: lines.line(of: key, in: section), message))
    }

    mutating func read(_ table: TOMLTable, into config: inout Config) {
      for (key, value) in table {
        switch key {
        case "mouse":
          if let on = value.bool { config.terminal.mouse = on } else { problem("", key, "mouse: expected true or false") }
        case "standup": if let section = section(value, key) { readStandup(section, into: &config) }
        case "team": if let section = section(value, key) { readTeam(section, into: &config) }
        case "new-board": if let section = section(value, key) { readNewBoard(section, into: &config) }
        case "theme": if let section = section(value, key) { readTheme(section, into: &config) }
        case "keys": if let section = section(value, key) { readKeys(section, into: &config) }
        default:
          problem(
            "", key, "unknown setting \"\(key)\" (there are: mouse, [standup], [team], [new-board], [theme], [keys.PANE])")
        }
      }
    }

    private mutating func section(_ value: TOMLValueConvertible, _ name: String) -> TOMLTable? {
      guard let table = value.table else {
        problem("", name, "\(name) must be a section ([\(name)])")
        return nil
      }
      return table
    }

    mutating func readStandup(_ table: TOMLTable, into config: inout Config) {
      for (key, value) in table {
        guard key == "timebox" else {
          problem("standup", key, "unknown setting \"\(key)\" in [standup] (there is: timebox)")
          continue
        }
        guard let seconds = value.int, (10...3600).contains(seconds) else {
          problem("standup", key, "timebox: expected seconds per person, 10 to 3600")
          continue
        }
        config.standupTimebox = Double(seconds)
      }
    }

    mutating func readTeam(_ table: TOMLTable, into config: inout Config) {
      for (user, value) in table {
        guard let name = value.string?.trimmingWhitespace(), !name.isEmpty else {
          problem("team", user, "\(user): expected the team member's name as text")
          continue
        }
        config.members[user] = name
      }
    }

    mutating func readNewBoard(_ table: TOMLTable, into config: inout Config) {
      for (key, value) in table {
        guard key == "columns" else {
          problem("new-board", key, "unknown setting \"\(key)\" in [new-board] (there is: columns)")
          continue
        }
        guard let array = value.array else {
          problem("new-board", key, "columns: expected a list such as [{ title = \"To Do\" }, { title = \"Doing\", wip = 3 }]")
          continue
        }
        var columns: [Column] = []
        var valid = true
        for (index, entry) in array.enumerated() {
          switch column(entry, number: index + 1) {
          case .success(let column):
            if columns.contains(where: { $0.id == column.id }) {
              problem("new-board", key, "columns: \"\(column.id)\" appears twice")
              valid = false
            }
            columns.append(column)
          case .failure(let message):
            problem("new-board", key, message)
            valid = false
          }
        }
        if valid, columns.count < 2 {
          problem("new-board", key, "columns: a board needs at least two (one to start in, one for done)")
          valid = false
        }
        if valid { config.newBoardColumns = columns }
      }
    }

    private func column(_ entry: TOMLValueConvertible, number: Int) -> Result<Column, ColumnMessage> {
      let prefix = "columns: column \(number)"
      if let title = entry.string { return column(title: title, id: nil, wip: nil, prefix: prefix) }
      guard let table = entry.table else {
        return .failure(ColumnMessage("\(prefix): expected { title = \"…\", wip = N } or a title"))
      }
      for key in table.keys where !["title", "id", "wip"].contains(key) {
        return .failure(ColumnMessage("\(prefix): unknown field \"\(key)\" (there are: title, id, wip)"))
      }
      guard let title = table["title"]?.string else { return .failure(ColumnMessage("\(prefix): needs a title")) }
      var wip: Int?
      if let value = table["wip"] {
        guard let limit = value.int, limit > 0 else {
          return .failure(ColumnMessage("\(prefix): wip must be a whole number above 0 (leave it out for no limit)"))
        }
        wip = limit
      }
      if let value = table["id"], value.string == nil { return .failure(ColumnMessage("\(prefix): id must be text")) }
      return column(title: title, id: table["id"]?.string, wip: wip, prefix: prefix)
    }

    private func column(title: String, id: String?, wip: Int?, prefix: String) -> Result<Column, ColumnMessage> {
      let title = title.trimmingWhitespace()
      guard !title.isEmpty else { return .failure(ColumnMessage("\(prefix): the title is empty")) }
      let id = id ?? Column.id(forTitle: title)
      guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
        return .failure(ColumnMessage("\(prefix): id \"\(id)\" must be ASCII letters, digits and dashes"))
      }
      return .success(Column(id: id, title: title, wipLimit: wip))
    }

    mutating func readTheme(_ table: TOMLTable, into config: inout Config) {
      for (key, value) in table {
        if key == "colours" || key == "colors" {
          let text = value.string?.lowercased() ?? ""
          if text == "auto" {
            config.terminal.colourDepth = nil
          } else if let depth = ColourDepth(rawValue: text == "24bit" ? "truecolor" : text) {
            config.terminal.colourDepth = depth
          } else {
            problem("theme", key, "\(key): expected auto, mono, 8, 16, 256 or truecolor")
          }
          continue
        }
        if key == "epics" {
          readEpicColours(value, key, into: &config)
          continue
        }
        guard let role = Theme.roleNames.first(where: { $0.name == key })?.role else {
          let names = (["colours", "epics"] + Theme.roleNames.map(\.name)).joined(separator: ", ")
          problem("theme", key, "unknown theme setting \"\(key)\" (there are: \(names))")
          continue
        }
        guard let text = value.string else {
          problem("theme", key, "\(key): expected a look such as \"bold white on blue\"")
          continue
        }
        switch Look.parse(text) {
        case .success(let look): config.terminal.theme.looks[role] = look
        case .failure(let error): problem("theme", key, "\(key): \(error.message)")
        }
      }
    }

    private mutating func readEpicColours(_ value: TOMLValueConvertible, _ key: String, into config: inout Config) {
      guard let array = value.array, !array.isEmpty else {
        problem("theme", key, "epics: expected a list of colours such as [\"magenta\", \"#ff8800\"]")
        return
      }
      var colours: [ThemeColour] = []
      for entry in array {
        guard let name = entry.string, let colour = ThemeColour(name: name) else {
          problem("theme", key, "epics: \"\(entry.string ?? entry.debugDescription)\" is not a colour")
          return
        }
        colours.append(colour)
      }
      config.terminal.theme.epics = colours
    }

    mutating func readKeys(_ table: TOMLTable, into config: inout Config) {
      var overrides: [(scope: Scope, command: Command, keys: [Key])] = []
      for (scopeName, value) in table {
        guard let scope = Scope(rawValue: scopeName) else {
          let names = Scope.allCases.map(\.rawValue).joined(separator: ", ")
          problem("keys", scopeName, "unknown pane [keys.\(scopeName)] (there are: \(names))")
          continue
        }
        guard let bindings = value.table else {
          problem("keys", scopeName, "keys.\(scopeName) must be a section ([keys.\(scopeName)])")
          continue
        }
        let section = "keys.\(scopeName)"
        for (commandName, keysValue) in bindings {
          guard let command = Command(rawValue: commandName) else {
            problem(section, commandName, "unknown command \"\(commandName)\"\(suggestion(for: commandName, in: scope))")
            continue
          }
          guard Command.applies(command, in: scope) else {
            let scopes = Scope.allCases.filter { Command.applies(command, in: $0) }.map(\.rawValue)
            problem(
              section, commandName,
              "\(commandName) does nothing in [\(section)] (it works in: \(scopes.joined(separator: ", ")))")
            continue
          }
          let names: [String]
          if let single = keysValue.string {
            names = [single]
          } else if let array = keysValue.array, array.allSatisfy({ $0.string != nil }) {
            names = array.compactMap(\.string)
          } else {
            problem(section, commandName, "\(commandName): expected a key name or a list of them, such as [\"j\", \"Down\"]")
            continue
          }
          var keys: [Key] = []
          var valid = true
          for name in names {
            switch Key.parse(name) {
            case .success(let key): keys.append(key)
            case .failure(let error):
              problem(section, commandName, "\(commandName): \(error.message)")
              valid = false
            }
          }
          if valid { overrides.append((scope, command, keys)) }
        }
      }
      guard !overrides.isEmpty else { return }
      config.keymap = Keymap(Command.defaultBindings, overriddenBy: overrides)
      // A key moved to one command may have been another's only key there: say so.
      for entry in Command.defaultBindings
      where !overrides.contains(where: { $0.scope == entry.scope && $0.command == entry.command })
        && config.keymap.keys(for: entry.command, in: entry.scope).isEmpty
      {
        let taker = overrides.first { $0.scope == entry.scope && !Set($0.keys).isDisjoint(with: entry.keys) }
        problem(
          "keys.\(entry.scope.rawValue)", taker?.command.rawValue,
          "\(entry.command.rawValue) has no key left in [keys.\(entry.scope.rawValue)]: "
            + "\(taker?.command.rawValue ?? "another command") took \(entry.keys.map(\.configName).joined(separator: ", "))")
      }
    }

    /// " (did you mean move-down?)" for a near miss of a command name.
    private func suggestion(for name: String, in scope: Scope) -> String {
      let close = Command.allCases.filter { Command.applies($0, in: scope) }
        .map { ($0, editDistance($0.rawValue, name)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }
      return close.map { " (did you mean \($0.0.rawValue)?)" } ?? " (scrum config --print-default lists them)"
    }
  }
}

struct ColumnMessage: Error {
  let text: String
  init(_ text: String) { self.text = text }
}

extension ConfigParser.Reader {
  mutating func problem(_ section: String, _ key: String?, _ message: ColumnMessage) {
    problem(section, key, message.text)
  }
}

/// Levenshtein distance, for "did you mean".
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a), b = Array(b)
  var previous = Array(0...b.count)
  for i in 1...max(1, a.count) where !a.isEmpty {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in 1...max(1, b.count) where !b.isEmpty {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.count]
}

extension Column {
  /// A column id from its title: "In Progress" → "in-progress".
  static func id(forTitle title: String) -> String {
    var id = ""
    for character in title.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber) {
        id.append(character)
      } else if !id.isEmpty, id.last != "-" {
        id.append("-")
      }
    }
    while id.last == "-" { id.removeLast() }
    return id
  }
}
