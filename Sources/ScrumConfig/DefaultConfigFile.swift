import Foundation
import BoardApp
import ScrumCore
import TermUI

extension Config {
  /// A commented `config.toml` holding every default, generated from the command table and the
  /// standard theme so it never drifts from what the board does.
  public static func defaultFileText() -> String {
    var text = """
      # scrum configuration: $XDG_CONFIG_HOME/scrum/config.toml (else ~/.config/scrum/config.toml).
      # Every setting is optional and shows its default here. `scrum config --check` reports problems;
      # the board says on its status line when a setting was not understood, and keeps its default.

      # Click selects a story, card or column, a double-click opens it, the wheel scrolls.
      # tmux passes it on in the active pane (in any pane with `set -g mouse on`); in most
      # terminals Shift bypasses it, for selecting text.
      mouse = true

      [standup]
      # Seconds each person speaks before their clock shows in the warning colour.
      timebox = 120

      [team]
      # $USER to the team member's name as stories use it (for "only my cards", m on the board).
      # alice = "Alice Liddell"

      [new-board]
      # The columns `scrum init` gives a new board, left to right: the first is where stories
      # start, the last is done. wip = the most cards at once (leave it out for no limit); id = the
      # name stories and exports use for the column (made from the title when left out).

      """
    let columns = Column.defaults.map { column in
      // The id only where the title would give another (stories store it as their status).
      let id = Column.id(forTitle: column.title) == column.id ? "" : ", id = \"\(column.id)\""
      return "  { title = \"\(column.title)\"\(id)" + (column.wipLimit.map { ", wip = \($0)" } ?? "") + " },"
    }
    text += "columns = [\n" + columns.joined(separator: "\n") + "\n]\n\n"
    text += """
      [theme]
      # colours: auto (as many as the terminal offers), mono (bold, reverse and underline only;
      # also with NO_COLOR set), 8, 16, 256, or truecolor (with a direct-colour TERM such as
      # xterm-direct). A theme's colours are matched to the nearest the terminal has.
      colours = "auto"
      # Each role: [bold] [underline] [reverse] [dim] [FOREGROUND] [on BACKGROUND], where a colour
      # is default (the terminal's own), black red green yellow blue magenta cyan white,
      # bright-NAME, 0-255, or #rrggbb.

      """
    for (name, role) in Theme.roleNames {
      text += "\(name) = \"\(Theme.standard.looks[role]?.description ?? "default")\"\n"
    }
    text += "# Epics take these colours in turn.\n"
    text += "epics = [" + Theme.standard.epics.map { "\"\($0.name)\"" }.joined(separator: ", ") + "]\n"
    text += """

      # Keys, per pane, by command: one key or a list; [] unbinds. A pane's keys come before the
      # [keys.global] ones. Key names: a character (j, #, ?), Space, Enter, Esc, Tab, Shift-Tab,
      # Backspace, Delete, Up, Down, Left, Right, PgUp, PgDn, Home, End, F1-F24, Ctrl-A-Ctrl-Z.

      """
    let keymap = Keymap.defaults
    for scope in Scope.allCases {
      let entries = keymap.documented.filter { $0.scope == scope }
      guard !entries.isEmpty else { continue }
      text += "\n[keys.\(scope.rawValue)]\n"
      for entry in entries {
        let keys = entry.keys.map { "\"\($0.configName.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"" }
        let value = keys.count == 1 ? keys[0] : "[" + keys.joined(separator: ", ") + "]"
        text += "\(entry.command.rawValue) = \(value)  # \(entry.command.help(in: scope))\n"
      }
    }
    return text
  }
}
