import TermUI

/// The help text, generated from the keymap: every bound command, grouped by where it
/// applies, the group of `first` (where the user is) on top. A key that would do nothing now
/// is dimmed, with the reason under it.
struct HelpText {
  let lines: [StyledLine]

  /// `width`: the text's width, which sets the keys' column (narrower on a narrow screen).
  init(state: AppState, first: Scope, filter: String, width: Int = 72) {
    self.init(keymap: state.keymap, first: first, filter: filter, width: width) { state.whyNot($1, in: $0) }
  }

  init(
    keymap: Keymap, first: Scope = .global, filter: String = "", width: Int = 72,
    whyNot: (Scope, Command) -> String? = { _, _ in nil }
  ) {
    let keyWidth = min(18, max(6, width / 3))
    var lines: [StyledLine] = []
    var lastScope: Scope?
    let words = filter.lowercased().split(separator: " ").map(String.init)
    // Every word somewhere in the line or its pane's name: "card" finds the board's moves.
    let entries = words.isEmpty ? keymap.documented : keymap.documented.filter { entry in
      let text = (entry.scope.title + " " + entry.keys.map(\.description).joined(separator: " ") + " "
        + entry.command.help(in: entry.scope) + " " + entry.command.rawValue).lowercased()
      return words.allSatisfy { text.contains($0) }
    }
    for entry in entries.filter({ $0.scope == first }) + entries.filter({ $0.scope != first }) {
      if entry.scope != lastScope {
        if lastScope != nil { lines.append([]) }
        lines.append([Span(entry.scope.title, Style(.accent, bold: true))])
        lastScope = entry.scope
      }
      let keys = entry.keys.map(\.description).joined(separator: " ")
      guard let reason = whyNot(entry.scope, entry.command) else {
        lines.append([Span("  " + TextWidth.pad(keys, to: keyWidth - 1) + " ", Style(.key, bold: true)), Span(entry.command.help(in: entry.scope))])
        continue
      }
      lines.append([Span("  " + TextWidth.pad(keys, to: keyWidth - 1) + " ", Style(.dim)), Span(entry.command.help(in: entry.scope), Style(.dim))])
      lines.append([Span("  " + String(repeating: " ", count: keyWidth) + "not now: " + reason, Style(.warning))])
    }
    if lines.isEmpty { lines = [[Span("No key does \"\(filter)\"", Style(.dim))]] }
    self.lines = lines
  }
}

/// `?`: a box over the pane listing every key.
struct HelpOverlay {
  let state: AppState
  let help: HelpState

  func draw(into grid: inout Grid, layout: Layout) {
    let box = layout.helpBox
    // Blank the rows behind the box edge to edge, so no half-covered row shows at its sides.
    grid.fill(Rect(x: 0, y: box.y, width: grid.width, height: box.height))
    let filterKey = state.keyName(.filterText, in: .help)
    let closeKey = state.keyName(.close, in: .help)
    let title =
      help.filter.isEmpty
      ? "Keys · \(filterKey) filters · \(closeKey) closes" : "Keys for \"\(help.filter)\" · \(closeKey) shows all"
    grid.drawBox(box, title: title, style: Style(.accent))
    let text = HelpText(state: state, first: help.first, filter: help.filter, width: layout.helpText.width)
    let scroll = help.scroll
    let area = layout.helpText
    for (offset, line) in text.lines.dropFirst(scroll).prefix(area.height).enumerated() {
      grid.put(line, at: Point(area.x, area.y + offset), limit: area.width)
    }
    if text.lines.count > area.height {
      let marker = " \(min(text.lines.count, scroll + area.height))/\(text.lines.count) "
      grid.put(marker, at: Point(box.maxX - TextWidth.of(marker) - 2, box.maxY - 1), style: Style(.accent))
    }
  }
}
