import Foundation
import ScrumCore
import TermUI

/// N, S and C on the sprint board: create, start and close sprints.
func reduceSprintLifecycle(_ state: inout AppState, _ command: Command) -> [Effect] {
  let board = state.board
  switch command {
  case .newSprint:
    var draft = SprintDraft()
    draft.sprint.name = suggestedSprintName(board)
    state.prompt = Prompt(purpose: .newSprint(draft), label: "New sprint name: ", editor: LineEditor(draft.sprint.name))
  case .startSprint:
    // With a sprint active or none planned, the reducer said why (AppState.whyNot).
    let planned = board.sprints.filter { $0.state == .planned }
    guard board.activeSprint == nil, !planned.isEmpty else { return [] }
    state.picker = Picker(
      purpose: .startSprint, title: "Start which sprint?",
      options: planned.map { sprint in
        let notReady = board.stories(inSprint: sprint.name).filter { !$0.isReady }.count
        let warning = notReady == 0 ? "" : " · \(notReady) not ready"
        return Picker.Option(label: "\(sprint.name)\(warning)", value: .sprint(sprint.name))
      })
  case .closeSprint:
    guard let active = board.activeSprint else { return [] }
    let done = board.columns.last?.id
    let open = board.stories(inSprint: active.name).filter { $0.status != done }.count
    var options = [Picker.Option(label: "\(open) unfinished to the top of the backlog", value: .carryOver(.backlog))]
    if let next = board.sprints.first(where: { $0.state == .planned }) {
      options.append(Picker.Option(label: "\(open) unfinished into \(next.name)", value: .carryOver(.next)))
    }
    options.append(Picker.Option(label: "Cancel", value: .answer(false)))
    state.picker = Picker(purpose: .closeSprint, title: "Close \(active.name)", options: options)
  default:
    break
  }
  return []
}

/// Takes one answer of the new-sprint prompts and asks the next; the last one creates it.
func continueNewSprint(_ state: inout AppState, _ draft: SprintDraft, answer: String) -> [Effect] {
  var draft = draft
  let text = answer.trimmingWhitespace()
  switch draft.step {
  case .name:
    guard !text.isEmpty else { return [] }
    guard state.board.sprint(named: text) == nil else {
      state.flash = .error("A sprint named \(text) already exists")
      return []
    }
    draft.sprint.name = text
    draft.step = .goal
    state.prompt = Prompt(purpose: .newSprint(draft), label: "Sprint goal: ", editor: LineEditor())
  case .goal:
    draft.sprint.goal = text
    draft.step = .start
    let start = suggestedStart(state)
    state.prompt = Prompt(purpose: .newSprint(draft), label: "Starts (YYYY-MM-DD): ", editor: LineEditor(start.description))
  case .start:
    guard let day = Day(text) else {
      state.flash = .error("\"\(text)\" is not a date YYYY-MM-DD")
      state.prompt = Prompt(purpose: .newSprint(draft), label: "Starts (YYYY-MM-DD): ", editor: LineEditor(text))
      return []
    }
    draft.sprint.start = day
    draft.step = .end
    let end = Day(date: day.date.addingTimeInterval(13 * 86_400))
    state.prompt = Prompt(purpose: .newSprint(draft), label: "Ends (YYYY-MM-DD): ", editor: LineEditor(end.description))
  case .end:
    guard let day = Day(text), day >= (draft.sprint.start ?? day) else {
      state.flash = .error("The end must be a date YYYY-MM-DD, not before the start")
      state.prompt = Prompt(purpose: .newSprint(draft), label: "Ends (YYYY-MM-DD): ", editor: LineEditor(text))
      return []
    }
    draft.sprint.end = day
    draft.step = .capacity
    let suggestion = Velocity(board: state.board, now: state.now).average.map { Points.format($0.rounded()) } ?? ""
    let label = suggestion.isEmpty ? "Capacity in points (empty: none): " : "Capacity (average velocity \(suggestion)): "
    state.prompt = Prompt(purpose: .newSprint(draft), label: label, editor: LineEditor(suggestion))
  case .capacity:
    if text.isEmpty {
      draft.sprint.capacity = nil
    } else {
      guard let capacity = Double(text), capacity >= 0 else {
        state.flash = .error("Capacity is a number of points")
        state.prompt = Prompt(purpose: .newSprint(draft), label: "Capacity: ", editor: LineEditor(text))
        return []
      }
      draft.sprint.capacity = capacity
    }
    let sprint = draft.sprint
    let effects = perform(&state) { _ in .sprintAdded(sprint) }
    if !effects.isEmpty { state.flash = .info("Created \(sprint.name): plan stories into it with s in the backlog") }
    return effects
  }
  return []
}

/// Starts a sprint chosen in the picker.
func startSprint(_ state: inout AppState, named name: String) -> [Effect] {
  guard var sprint = state.board.sprint(named: name) else { return [] }
  sprint.state = .active
  if sprint.start == nil { sprint.start = Day(date: state.now) }
  let started = sprint
  let effects = perform(&state) { _ in .sprintUpdated(started) }
  let notReady = state.board.stories(inSprint: name).filter { !$0.isReady }.map { state.board.key(of: $0.id) }
  if !effects.isEmpty {
    state.flash = notReady.isEmpty
      ? .info("Started \(name)") : .error("Started \(name); not ready: \(notReady.joined(separator: ", "))")
    keepCardInView(&state)
  }
  return effects
}

func closeSprint(_ state: inout AppState, carryOver: Board.CarryOver) -> [Effect] {
  let now = state.now
  let name = state.board.activeSprint?.name ?? ""
  let effects = perform(&state) { board in
    var copy = board
    return try copy.closeActiveSprint(carryOver: carryOver, at: now)
  }
  if !effects.isEmpty { state.flash = .info("Closed \(name)") }
  keepCardInView(&state)
  return effects
}

private func suggestedSprintName(_ board: Board) -> String {
  // "Sprint 14" after "Sprint 13".
  let numbers = board.sprints.compactMap { sprint -> Int? in
    guard let last = sprint.name.split(separator: " ").last else { return nil }
    return Int(last)
  }
  return "Sprint \((numbers.max() ?? 0) + 1)"
}

private func suggestedStart(_ state: AppState) -> Day {
  let latestEnd = state.board.sprints.compactMap(\.end).max()
  if let latestEnd { return Day(date: latestEnd.date.addingTimeInterval(86_400)) }
  return Day(date: state.now)
}
