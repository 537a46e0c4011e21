import ScrumCore
import TermUI

/// The footer's short list of the most useful keys in a scope, named by the keys actually bound.
enum KeyHints {
  struct Hint: Equatable {
    let keys: String
    let label: String
    /// Left out first when the line is too narrow for every hint.
    var extra = false
  }

  private static let table: [Scope: [([Command], String)]] = [
    .backlog: [
      ([.moveDown, .moveUp], "move"), ([.rankDown, .rankUp], "rank"), ([.addStory], "add"), ([.editTitle], "edit"),
      ([.setPoints], "pts"), ([.toggleSprint], "sprint"), ([.filterText], "filter"), ([.openDetail], "open"),
      ([.help], "help"), ([.back], "quit"),
    ],
    .board: [
      ([.columnLeft, .moveDown, .moveUp, .columnRight], "move"), ([.moveCardLeft, .moveCardRight], "move card"),
      ([.openDetail], "open"), ([.setBlocked], "blocked"), ([.startStandup], "standup"), ([.toggleSwimlanes], "lanes"),
      ([.help], "help"), ([.back], "quit"),
    ],
    .reports: [
      ([.previousReport, .nextReport], "report"), ([.previousSprint, .nextSprint], "sprint"),
      ([.toggleChartGlyphs], "ascii"), ([.help], "help"), ([.back], "quit"),
    ],
    .standup: [
      ([.nextCard, .previousCard], "next/prev"), ([.togglePersonByPerson], "by person"),
      ([.moveCardLeft, .moveCardRight], "move card"), ([.help], "help"), ([.close], "end"),
    ],
    .picker: [([.moveDown, .moveUp], "move"), ([.toggleMark], "tick"), ([.choose], "choose"), ([.close], "cancel")],
    .detail: [
      ([.moveDown, .moveUp], "move"), ([.nextSection], "section"), ([.toggleDone], "tick"), ([.addCriterion], "criterion"),
      ([.addTask], "task"), ([.editLine], "edit"), ([.setBlocked], "blocked"), ([.help], "help"), ([.close], "back"),
    ],
    .help: [([.moveDown, .moveUp], "scroll"), ([.close], "close")],
    .who: [([.takeLead], "lead"), ([.follow], "follow"), ([.close], "close")],
    .poker: [([.previousValue, .nextValue], "card"), ([.vote], "vote"), ([.reveal], "reveal"), ([.close], "end/hide")],
  ]

  static func hints(for scope: Scope, keymap: Keymap, applies: ([Command]) -> Bool = { _ in true }) -> [Hint] {
    var hints = (table[scope] ?? []).filter { applies($0.0) }.compactMap { commands, label -> Hint? in
      let keys = commands.compactMap { command -> String? in
        let bound = keymap.keys(for: command, in: scope)
        let fallback = bound.isEmpty ? keymap.keys(for: command, in: .global) : bound
        return fallback.first?.description
      }
      return keys.isEmpty ? nil : Hint(keys: keys.concatenated(separator: "/"), label: label)
    }
    // Not a command: any character but the picker's own keys jumps to the option it starts.
    if scope == .picker { hints.append(Hint(keys: "type", label: "to jump", extra: true)) }
    return hints
  }
}
