import ScrumCore
import TermUI

extension AppState {
  /// What the wheel does here: the commands that move down or up in the current scope.
  func wheelCommand(down: Bool) -> Command? {
    switch scope {
    case .standup: return down ? .nextCard : .previousCard
    case .global: return nil
    default: return down ? .moveDown : .moveUp
    }
  }
}

/// A click selects the story, card or column under it; a double click opens it. Clicks do
/// nothing while a prompt, a list to choose from, help, the who list or a poker round is in
/// front (keys finish those). A click of one's own, like a key, ends following the lead.
func reduceClick(_ state: inout AppState, at point: Point, double: Bool) -> [Effect] {
  guard state.prompt == nil, state.picker == nil, state.help == nil, !state.together.showsWho, !state.showsPoker
  else { return [] }
  stopFollowing(&state)
  let layout = Layout(state)
  switch state.pane {
  case .backlog:
    return clickBacklog(&state, at: point, in: layout.backlogList, open: double)
  case .detail where layout.showsDetailBeside && layout.listArea.contains(point):
    // Beside an open story, a click in the list shows that story instead.
    state.pane = .backlog
    state.detail = nil
    return clickBacklog(&state, at: point, in: layout.backlogList, open: true)
  case .board where state.standup == nil:
    return clickSprintBoard(&state, at: point, open: double)
  default:
    return []
  }
}

private func clickBacklog(_ state: inout AppState, at point: Point, in list: Rect, open: Bool) -> [Effect] {
  guard list.contains(point) else { return [] }
  let index = state.backlog.scroll + point.y - list.y
  let rows = state.backlogRows.rows
  guard rows.indices.contains(index), case .story(let id) = rows[index] else { return [] }
  state.backlog.selection = id
  return open ? reduceBacklog(&state, .openDetail) : []
}

private func clickSprintBoard(_ state: inout AppState, at point: Point, open: Bool) -> [Effect] {
  let layout = SprintBoardLayout(state)
  let model = SprintBoardModel(board: state.board, view: state.sprintBoard, user: state.user)
  guard model.sprint != nil, point.y >= layout.columnHeads.y, point.y < layout.cards.maxY else { return [] }
  let fit = SprintBoardModel.columnFit(count: model.columns.count, width: layout.cards.width)
  let slot = point.x / (fit.width + 1)
  let column = state.sprintBoard.firstColumn + slot
  // The rule between two columns belongs to neither.
  guard slot < fit.visible, point.x % (fit.width + 1) < fit.width, model.columns.indices.contains(column) else {
    return []
  }
  state.sprintBoard.column = column
  let line = point.y - layout.cards.y + state.sprintBoard.scroll
  let card = model.cards[column].first { id in
    guard let top = model.top(of: id, board: state.board) else { return false }
    return line >= top && line < top + SprintBoardModel.cardHeight
  }
  guard point.y >= layout.cards.y, let card else {
    // A column's heading or its empty space: the column, on its first card.
    state.sprintBoard.selection = model.cards[column].first
    return []
  }
  state.sprintBoard.selection = card
  return open ? reduceSprintBoard(&state, .openDetail) : []
}
