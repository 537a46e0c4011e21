import Foundation
import ScrumCore

func startStandup(_ state: inout AppState) {
  let model = SprintBoardModel(board: state.board, view: state.sprintBoard, user: state.user)
  guard model.sprint != nil else { return }
  let order = model.standupOrder(board: state.board, byPerson: false)
  state.standup = StandupState(order: order, speakerSince: state.now, finished: order.isEmpty)
  if let first = order.first { followCard(&state, first) }
}

func reduceStandup(_ state: inout AppState, _ command: Command) -> [Effect] {
  guard var standup = state.standup else { return [] }
  switch command {
  case .nextCard, .previousCard:
    // (Here, not for every command: a copy of the board still held when a card move below
    // changes the state's board would have all of it copied.)
    let board = state.board
    let order = standup.order
    let speaker: (Int) -> String? = { index in
      order.indices.contains(index) ? board.story(order[index])?.assignee : nil
    }
    let before = standup.finished ? standup.order.count : standup.index
    let after = before + (command == .nextCard ? 1 : -1)
    guard after >= 0 else { return [] }
    standup.finished = after >= standup.order.count
    standup.index = min(after, max(0, standup.order.count - 1))
    // A new speaker's timebox starts when the walk reaches their first card.
    if !standup.finished, speaker(standup.index) != speaker(before) { standup.speakerSince = state.now }
  case .togglePersonByPerson:
    standup.byPerson.toggle()
    let current = state.currentCard
    let model = SprintBoardModel(board: state.board, view: state.sprintBoard, user: state.user)
    standup.order = model.standupOrder(board: state.board, byPerson: standup.byPerson)
    standup.index = current.flatMap { standup.order.firstIndex(of: $0) } ?? 0
    state.flash = .info(standup.byPerson ? "Person by person" : "Card by card, right to left")
  case .close, .back:
    state.standup = nil
    state.flash = .info("Standup ended")
    return []
  case .moveCardLeft, .moveCardRight, .setBlocked, .openDetail:
    state.standup = standup
    return reduceSprintBoard(&state, command)
  default:
    return []
  }
  state.standup = standup
  if let card = state.currentCard, !standup.finished { followCard(&state, card) }
  return []
}

/// What the standup summary lists.
struct StandupSummary {
  let blocked: [Story]
  /// Cards in the same column for more than `staleDays`.
  let stale: [Story]
  /// Cards that moved in the last day.
  let moved: [Story]
  static let staleDays = 3

  init(board: Board, order: [StoryID], now: Date) {
    let stories = order.compactMap { board.story($0) }
    let sprintStories = board.activeSprint.map { board.stories(inSprint: $0.name) } ?? stories
    blocked = stories.filter { $0.blocked != nil }
    stale = stories.filter { $0.daysInStatus(at: now) > StandupSummary.staleDays }
    moved = sprintStories.filter { story in story.history.contains { now.timeIntervalSince($0.at) < 86_400 } }
  }
}
