import Foundation
import ScrumCore
import TermUI

func reduceDetail(_ state: inout AppState, _ command: Command) -> [Effect] {
  guard var detail = state.detail, let story = state.board.story(detail.story) else {
    state.detail = nil
    state.pane = .backlog
    return []
  }
  let text = detailText(state, story)
  let order = text.order
  let index = order.firstIndex(of: detail.cursor) ?? 0
  let page = max(1, Layout(state).detailBody.height - 1)
  let id = story.id
  let now = state.now

  func moveCursor(to position: Int) {
    guard !order.isEmpty else { return }
    detail.cursor = order[min(max(0, position), order.count - 1)]
  }

  switch command {
  case .moveDown: moveCursor(to: index + 1)
  case .moveUp: moveCursor(to: index - 1)
  case .pageDown:
    detail.scroll += page
    moveCursor(to: order.firstIndex { (text.lineRange(of: $0)?.lowerBound ?? 0) >= detail.scroll } ?? order.count - 1)
  case .pageUp:
    detail.scroll = max(0, detail.scroll - page)
    moveCursor(to: order.firstIndex { (text.lineRange(of: $0)?.lowerBound ?? 0) >= detail.scroll } ?? 0)
  case .first:
    moveCursor(to: 0)
    detail.scroll = 0
  case .last:
    moveCursor(to: order.count - 1)
    detail.scroll = Int.max / 2
  case .nextSection, .previousSection:
    let forward = command == .nextSection
    let section = detail.cursor.section
    let candidates = forward ? Array(order[index...]) : Array(order[...index].reversed())
    if let next = candidates.first(where: { forward ? $0.section > section : $0.section < section }) {
      // Back: to the first item of the previous section.
      detail.cursor = forward ? next : (order.first { $0.section == next.section } ?? next)
    } else {
      detail.cursor = forward ? order.first ?? .title : order.last ?? .title
    }
  case .close, .back:
    state.detail = nil
    state.pane = state.detailReturn
    if state.pane == .board { keepCardInView(&state) } else { keepSelectionInView(&state) }
    return []
  case .toggleDone:
    switch detail.cursor {
    case .criterion(let line):
      guard var criterion = story.acceptanceCriteria[safe: line] else { return [] }
      criterion.done.toggle()
      return perform(&state) { _ in .criterionSet(id, index: line, criterion, updatedAt: now) }
    case .task(let line):
      guard var task = story.tasks[safe: line] else { return [] }
      task.done.toggle()
      return perform(&state) { _ in .taskSet(id, index: line, task, updatedAt: now) }
    default:
      return []
    }
  case .addCriterion:
    state.prompt = Prompt(purpose: .addCriterion(id), label: "New criterion: ", editor: LineEditor())
  case .addTask:
    state.prompt = Prompt(purpose: .addTask(id), label: "New task (\"… @name\" assigns): ", editor: LineEditor())
  case .setBlocked:
    state.prompt = Prompt(
      purpose: .blocked(id), label: "Impediment (empty clears): ", editor: LineEditor(story.blocked ?? ""))
  case .setPoints:
    state.detail = detail
    return reduceBacklogEdit(&state, .setPoints, targets: [id])
  case .editInEditor:
    return [.editInEditor(id, document: EditorDocument.text(of: story, on: state.board), error: nil)]
  case .editLine:
    state.detail = detail
    return editItem(&state, story, detail.cursor)
  case .deleteLine:
    let what: String
    switch detail.cursor {
    case .criterion(let line): what = "criterion \(line + 1)"
    case .task(let line): what = "task \(line + 1)"
    default:
      return []
    }
    state.prompt = Prompt(
      purpose: .confirmDeleteLine(id, detail.cursor), label: "Delete \(what)? (y/n) ", editor: LineEditor())
  case .lineDown, .lineUp:
    return reorderLine(&state, story, detail.cursor, down: command == .lineDown)
  default:
    return []
  }
  state.detail = detail
  keepDetailCursorInView(&state)
  return []
}


func detailText(_ state: AppState, _ story: Story) -> DetailText {
  DetailText(board: state.board, story: story, width: Layout(state).detailBody.width, now: state.now)
}

/// `e` on the selected item: a prompt for text, a picker for a value from a list.
private func editItem(_ state: inout AppState, _ story: Story, _ item: DetailItem) -> [Effect] {
  let id = story.id
  let board = state.board
  switch item {
  case .title:
    state.prompt = Prompt(purpose: .editTitle(id), label: "Title: ", editor: LineEditor(story.title))
  case .type:
    state.picker = Picker(
      purpose: .type(id), title: "Type",
      options: StoryType.allCases.map { Picker.Option(label: $0.rawValue, value: .type($0)) },
      selection: StoryType.allCases.firstIndex(of: story.type) ?? 0)
  case .status:
    state.picker = Picker(
      purpose: .status(id), title: "Status",
      options: board.columns.map { Picker.Option(label: $0.title, value: .status($0.id)) },
      selection: board.columns.firstIndex { $0.id == story.status } ?? 0)
  case .points:
    return reduceBacklogEdit(&state, .setPoints, targets: [id])
  case .epic:
    return reduceBacklogEdit(&state, .setEpic, targets: [id])
  case .labels:
    return reduceBacklogEdit(&state, .setLabels, targets: [id])
  case .assignee:
    return reduceBacklogEdit(&state, .setAssignee, targets: [id])
  case .sprint:
    let open = board.sprints.filter { $0.state != .closed }
    let options = [Picker.Option(label: "product backlog", value: .sprint(nil))]
      + open.map { Picker.Option(label: "\($0.name) (\($0.state.rawValue))", value: .sprint($0.name)) }
    state.picker = Picker(
      purpose: .sprint(id), title: "Sprint", options: options,
      selection: options.firstIndex { $0.value == .sprint(story.sprint) } ?? 0)
  case .blocked:
    state.prompt = Prompt(
      purpose: .blocked(id), label: "Impediment (empty clears): ", editor: LineEditor(story.blocked ?? ""))
  case .description:
    return [.editInEditor(id, document: EditorDocument.text(of: story, on: board), error: nil)]
  case .criterion(let line):
    guard let criterion = story.acceptanceCriteria[safe: line] else { return [] }
    state.prompt = Prompt(purpose: .editCriterion(id, line), label: "Criterion: ", editor: LineEditor(criterion.text))
  case .task(let line):
    guard let task = story.tasks[safe: line] else { return [] }
    let text = task.title + (task.assignee.map { " @" + $0 } ?? "")
    state.prompt = Prompt(purpose: .editTask(id, line), label: "Task: ", editor: LineEditor(text))
  }
  return []
}

/// J/K on a criterion or task: swaps it with its neighbour; the cursor follows it.
private func reorderLine(_ state: inout AppState, _ story: Story, _ item: DetailItem, down: Bool) -> [Effect] {
  let now = state.now
  let step = down ? 1 : -1
  switch item {
  case .criterion(let line):
    var criteria = story.acceptanceCriteria
    guard criteria.indices.contains(line + step) else { return [] }
    criteria.swapAt(line, line + step)
    state.detail?.cursor = .criterion(line + step)
    return perform(&state) { _ in .criteriaReplaced(story.id, criteria, updatedAt: now) }
  case .task(let line):
    var tasks = story.tasks
    guard tasks.indices.contains(line + step) else { return [] }
    tasks.swapAt(line, line + step)
    state.detail?.cursor = .task(line + step)
    return perform(&state) { _ in .tasksReplaced(story.id, tasks, updatedAt: now) }
  default:
    return []
  }
}

/// Scrolls the detail so that all of the cursor's lines show.
func keepDetailCursorInView(_ state: inout AppState) {
  guard var detail = state.detail, let story = state.board.story(detail.story) else { return }
  let text = detailText(state, story)
  let height = Layout(state).detailBody.height
  if !text.order.contains(detail.cursor) {
    // The line went away (undo, another process): the nearest one before it in the same or
    // an earlier section.
    detail.cursor = text.order.last { $0.section <= detail.cursor.section } ?? text.order.first ?? .title
  }
  if let range = text.lineRange(of: detail.cursor) {
    if range.upperBound >= detail.scroll + height { detail.scroll = range.upperBound - height + 1 }
    if range.lowerBound < detail.scroll { detail.scroll = range.lowerBound }
  }
  detail.scroll = min(max(0, detail.scroll), max(0, text.lines.count - height))
  state.detail = detail
}
