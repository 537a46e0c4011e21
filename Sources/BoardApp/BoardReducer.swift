import Foundation
import ScrumCore
import TermUI

func reduceSprintBoard(_ state: inout AppState, _ command: Command) -> [Effect] {
  let model = SprintBoardModel(board: state.board, view: state.sprintBoard, user: state.user)
  var view = state.sprintBoard
  let column = min(max(0, view.column), max(0, model.columns.count - 1))
  let cards = model.cards.indices.contains(column) ? model.cards[column] : []
  let index = view.selection.flatMap { cards.firstIndex(of: $0) }

  func select(column target: Int, row: Int?) {
    guard model.columns.indices.contains(target) else { return }
    view.column = target
    let ids = model.cards[target]
    view.selection = ids.isEmpty ? nil : ids[min(max(0, row ?? 0), ids.count - 1)]
  }

  switch command {
  case .moveDown: select(column: column, row: (index ?? -1) + 1)
  case .moveUp: select(column: column, row: (index ?? 1) - 1)
  case .first: select(column: column, row: 0)
  case .last: select(column: column, row: cards.count - 1)
  case .columnLeft: select(column: column - 1, row: index)
  case .columnRight: select(column: column + 1, row: index)
  case .moveCardLeft, .moveCardRight:
    state.sprintBoard = view
    return moveCard(&state, right: command == .moveCardRight)
  case .openDetail:
    guard let id = view.selection else { return [] }
    state.sprintBoard = view
    openDetail(&state, id, from: .board)
    return []
  case .setBlocked:
    guard let id = view.selection, let story = state.board.story(id) else { return [] }
    state.prompt = Prompt(purpose: .blocked(id), label: "Impediment (empty clears): ", editor: LineEditor(story.blocked ?? ""))
  case .setPoints:
    guard let id = view.selection else { return [] }
    return reduceBacklogEdit(&state, .setPoints, targets: [id])
  case .toggleSwimlanes:
    view.swimlanes.toggle()
    state.flash = .info(view.swimlanes ? "Swimlanes by assignee" : "No swimlanes")
  case .toggleMine:
    view.mineOnly.toggle()
    state.flash = .info(view.mineOnly ? "Only cards of \(state.user.isEmpty ? "nobody" : state.user)" : "Everyone's cards")
  case .close:
    if view.mineOnly {
      view.mineOnly = false
    } else {
      state.flash = .info("Nothing to close here: q quits (everything is already saved)")
    }
  case .back:
    return [.quit]
  case .newSprint, .startSprint, .closeSprint:
    return reduceSprintLifecycle(&state, command)
  case .startStandup:
    state.sprintBoard = view
    startStandup(&state)
    return []
  default:
    return []
  }
  state.sprintBoard = view
  keepCardInView(&state)
  return []
}

/// H/L: the card moves a column (recorded in its history); the cursor goes with it.
private func moveCard(_ state: inout AppState, right: Bool) -> [Effect] {
  guard let id = state.currentCard, let story = state.board.story(id),
    let column = state.board.columns.firstIndex(where: { $0.id == story.status })
  else { return [] }
  let target = column + (right ? 1 : -1)
  guard state.board.columns.indices.contains(target) else {
    state.flash = .info(right ? "Already in the last column" : "Already in the first column")
    return []
  }
  let effects = moveStatus(&state, id, to: state.board.columns[target].id)
  followCard(&state, id)
  return effects
}

/// After a card moved (here or elsewhere), the cursor's column is the card's.
func followCard(_ state: inout AppState, _ id: StoryID) {
  let model = SprintBoardModel(board: state.board, view: state.sprintBoard, user: state.user)
  if let column = model.column(of: id) {
    state.sprintBoard.column = column
    state.sprintBoard.selection = id
  }
  keepCardInView(&state)
}

/// Opens a story's detail; Esc comes back to `pane`.
func openDetail(_ state: inout AppState, _ id: StoryID, from pane: Pane) {
  state.detail = DetailState(story: id)
  state.detailReturn = pane
  state.pane = .detail
}

extension AppState {
  /// The card the board's keys act on: the standup's focused card, else the selection.
  var currentCard: StoryID? {
    if let standup, !standup.finished, standup.order.indices.contains(standup.index) {
      return standup.order[standup.index]
    }
    return sprintBoard.selection
  }
}

/// Scrolls the card area so the selected card shows, and pages columns on narrow terminals.
func keepCardInView(_ state: inout AppState) {
  let model = SprintBoardModel(board: state.board, view: state.sprintBoard, user: state.user)
  var view = state.sprintBoard
  if let selection = view.selection, model.column(of: selection) == nil { view.selection = nil }
  if view.selection == nil, model.cards.indices.contains(view.column) { view.selection = model.cards[view.column].first }
  let area = SprintBoardLayout(state).cards
  let fit = SprintBoardModel.columnFit(count: model.columns.count, width: area.width)
  if view.column < view.firstColumn { view.firstColumn = view.column }
  if view.column >= view.firstColumn + fit.visible { view.firstColumn = view.column - fit.visible + 1 }
  view.firstColumn = min(max(0, view.firstColumn), max(0, model.columns.count - fit.visible))
  if let selection = view.selection, let top = model.top(of: selection, board: state.board) {
    if top < view.scroll { view.scroll = max(0, top - (model.lanes.isEmpty ? 0 : 1)) }
    if top + SprintBoardModel.cardHeight > view.scroll + area.height {
      view.scroll = top + SprintBoardModel.cardHeight - area.height
    }
  } else {
    view.scroll = 0
  }
  view.scroll = max(0, view.scroll)
  state.sprintBoard = view
}

/// Where the board's parts go.
struct SprintBoardLayout {
  let header: Rect
  let columnHeads: Rect
  let cards: Rect
  /// The standup panel at the bottom, while a standup runs.
  let standup: Rect?

  init(_ state: AppState) {
    let body = Layout(state).body
    let (header, rest) = body.splitTop(1)
    let (heads, below) = rest.splitTop(1)
    if state.standup != nil, below.height > 8 {
      let (cards, panel) = below.splitBottom(4)
      self.init(header: header, columnHeads: heads, cards: cards, standup: panel)
    } else {
      self.init(header: header, columnHeads: heads, cards: below, standup: nil)
    }
  }

  private init(header: Rect, columnHeads: Rect, cards: Rect, standup: Rect?) {
    self.header = header
    self.columnHeads = columnHeads
    self.cards = cards
    self.standup = standup
  }
}
