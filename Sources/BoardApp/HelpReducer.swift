import TermUI

func reduceHelp(_ state: inout AppState, _ command: Command) -> [Effect] {
  guard var help = state.help else { return [] }
  let layout = Layout(state)
  let lineCount = HelpText(state: state, first: help.first, filter: help.filter).lines.count
  let maxScroll = max(0, lineCount - layout.helpText.height)
  switch command {
  case .moveDown: help.scroll += 1
  case .moveUp: help.scroll -= 1
  case .pageDown: help.scroll += max(1, layout.helpText.height - 1)
  case .pageUp: help.scroll -= max(1, layout.helpText.height - 1)
  case .first: help.scroll = 0
  case .last: help.scroll = maxScroll
  case .filterText:
    state.prompt = Prompt(purpose: .helpFilter, label: "Keys for: ", editor: LineEditor(help.filter))
    return []
  case .close where !help.filter.isEmpty:
    help.filter = ""
    help.scroll = 0
  case .close, .help, .back:
    state.help = nil
    return []
  default: return []
  }
  help.scroll = min(max(0, help.scroll), maxScroll)
  state.help = help
  return []
}
