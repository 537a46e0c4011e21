import ScrumCore

func reduceDetail(_ state: inout AppState, _ command: Command) -> [Effect] {
  guard var detail = state.detail else {
    state.pane = .backlog
    return []
  }
  let page = max(1, Layout(size: state.size).detailBody.height - 1)
  switch command {
  case .moveDown: detail.scroll += 1
  case .moveUp: detail.scroll -= 1
  case .pageDown: detail.scroll += page
  case .pageUp: detail.scroll -= page
  case .first: detail.scroll = 0
  case .last: detail.scroll = Int.max / 2
  case .close, .back:
    state.detail = nil
    state.pane = .backlog
    keepSelectionInView(&state)
    return []
  default:
    return []
  }
  state.detail = detail
  clampDetailScroll(&state)
  return []
}

/// Keeps the detail's scroll within its text, at the current width and height.
func clampDetailScroll(_ state: inout AppState) {
  guard var detail = state.detail, let story = state.board.story(detail.story) else { return }
  let area = Layout(size: state.size).detailBody
  let lineCount = DetailText(board: state.board, story: story, width: area.width, now: state.now).lines.count
  detail.scroll = min(max(0, detail.scroll), max(0, lineCount - area.height))
  state.detail = detail
}
