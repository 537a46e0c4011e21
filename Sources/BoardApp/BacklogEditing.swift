import Foundation
import ScrumCore
import TermUI

/// The backlog's editing commands: each works on the marked stories, or the selected one.
func reduceBacklogEdit(_ state: inout AppState, _ command: Command, targets given: [StoryID]? = nil) -> [Effect] {
  let targets = given ?? state.targets
  guard !targets.isEmpty || command == .filterText || command == .filterMenu else { return [] }
  let now = state.now
  switch command {
  case .editTitle:
    guard let id = state.backlog.selection, let story = state.board.story(id) else { return [] }
    state.prompt = Prompt(purpose: .editTitle(id), label: "Title: ", editor: LineEditor(story.title))
  case .editInEditor:
    guard let id = state.backlog.selection, let story = state.board.story(id) else { return [] }
    return [.editInEditor(id, document: EditorDocument.text(of: story, on: state.board), error: nil)]
  case .setPoints:
    let current = targets.count == 1 ? state.board.story(targets[0])?.points : nil
    let options = [Picker.Option(label: "no estimate", value: .points(nil))]
      + Points.scale.map { Picker.Option(label: $0.description, value: .points($0)) }
    let selected = options.firstIndex { $0.value == .points(current) } ?? 0
    state.picker = Picker(purpose: .points(targets), title: pointsTitle(targets.count), options: options, selection: selected)
  case .setEpic:
    var options = [Picker.Option(label: "no epic", value: .epic(nil))]
    options += state.board.epics.map { Picker.Option(label: "\($0.title) (\($0.key))", value: .epic($0.key)) }
    let current = targets.count == 1 ? state.board.story(targets[0])?.epic : nil
    let selected = options.firstIndex { $0.value == .epic(current) } ?? 0
    state.picker = Picker(
      purpose: .epic(targets), title: targets.count == 1 ? "Epic" : "Epic for \(targets.count) stories", options: options,
      selection: selected)
  case .setLabels:
    let current = targets.count == 1 ? state.board.story(targets[0])?.labels.joined(separator: ", ") ?? "" : ""
    let label = targets.count == 1 ? "Labels (+add -remove, or a list): " : "Labels for \(targets.count) (+add -remove): "
    state.prompt = Prompt(purpose: .labels(targets), label: label, editor: LineEditor(current))
  case .setAssignee:
    let current = targets.count == 1 ? state.board.story(targets[0])?.assignee ?? "" : ""
    let team = state.board.members.isEmpty ? "" : " (\(state.board.members.joined(separator: ", ")))"
    state.prompt = Prompt(purpose: .assignee(targets), label: "Assignee\(team): ", editor: LineEditor(current))
  case .toggleSprint:
    return toggleSprint(&state, targets, at: now)
  case .splitStory:
    guard let id = state.backlog.selection, let story = state.board.story(id) else { return [] }
    state.prompt = Prompt(
      purpose: .splitTitle(id), label: "Split \(state.board.key(of: id)), new story: ",
      editor: LineEditor(story.title + " (part 2)"))
  case .deleteStory:
    let what = targets.count == 1 ? state.board.key(of: targets[0]) : "\(targets.count) stories"
    state.prompt = Prompt(purpose: .confirmDelete(targets), label: "Delete \(what)? (y/n) ", editor: LineEditor())
  case .toggleMark:
    guard let id = state.backlog.selection else { return [] }
    if state.marked.remove(id) == nil { state.marked.insert(id) }
    state.markAnchor = id
    // Marking moves on, so Space Space Space marks a run.
    return reduceBacklog(&state, .moveDown)
  case .markRange:
    guard let id = state.backlog.selection, let here = state.backlogRows.position(of: id) else { return [] }
    let anchor = state.markAnchor.flatMap { state.backlogRows.position(of: $0) } ?? here
    for position in min(anchor, here)...max(anchor, here) { state.marked.insert(state.backlogRows.storyIDs[position]) }
    state.markAnchor = id
  case .filterText:
    state.prompt = Prompt(
      purpose: .filterText(previous: state.filter.text), label: "Filter: ", editor: LineEditor(state.filter.text))
  case .filterMenu:
    state.picker = filterMenu(state)
  default:
    break
  }
  return []
}

private func pointsTitle(_ count: Int) -> String { count == 1 ? "Points" : "Points for \(count) stories" }

/// Sets fields of several stories as one step (one transaction, one undo).
func editAll(_ state: inout AppState, _ ids: [StoryID], _ fields: (Story) -> [StoryField]) -> [Effect] {
  let now = state.now
  let effects = perform(&state) { board in
    let changes = try ids.map { id in BoardChange.storyEdited(id, fields(try board.existing(id)), updatedAt: now) }
    return changes.count == 1 ? changes[0] : .batch(changes)
  }
  if !effects.isEmpty, ids.count > 1 { state.flash = .info("Changed \(ids.count) stories") }
  return effects
}

private func toggleSprint(_ state: inout AppState, _ ids: [StoryID], at now: Date) -> [Effect] {
  guard let sprint = state.board.sprints.first(where: { $0.state == .planned }) ?? state.board.activeSprint else {
    return []
  }
  let effects = editAll(&state, ids) { story in [.sprint(story.sprint == nil ? sprint.name : nil)] }
  keepSelectionInView(&state)
  return effects
}

private func filterMenu(_ state: AppState) -> Picker {
  let board = state.board
  let filter = state.filter
  var options: [Picker.Option] = [Picker.Option(label: "Clear every filter", value: .facet(.clearAll))]
  func heading(_ text: String) { options.append(Picker.Option(label: text, value: .heading)) }
  heading("Epic")
  options += board.epics.map {
    Picker.Option(label: $0.title, value: .facet(.epic($0.key)), checked: filter.epic == $0.key)
  }
  let labels = Set(board.stories.flatMap(\.labels)).sorted()
  if !labels.isEmpty {
    heading("Label")
    options += labels.map { Picker.Option(label: "#\($0)", value: .facet(.label($0)), checked: filter.label == $0) }
  }
  let assignees = Set(board.stories.compactMap(\.assignee)).union(board.members).sorted()
  if !assignees.isEmpty {
    heading("Assignee")
    options += assignees.map { Picker.Option(label: "@\($0)", value: .facet(.assignee($0)), checked: filter.assignee == $0) }
  }
  heading("Type")
  options += StoryType.allCases.map {
    Picker.Option(label: $0.rawValue, value: .facet(.type($0)), checked: filter.type == $0)
  }
  heading("Readiness")
  options.append(Picker.Option(label: "ready", value: .facet(.ready(true)), checked: filter.ready == true))
  options.append(Picker.Option(label: "not ready", value: .facet(.ready(false)), checked: filter.ready == false))
  options.append(Picker.Option(label: "blocked", value: .facet(.blocked), checked: filter.blockedOnly))
  return Picker(purpose: .filter, title: "Filter", options: options)
}

/// After the filter changed: the selection stays if still shown, else goes to the first story.
func filterChanged(_ state: inout AppState) {
  if let selection = state.backlog.selection, state.backlogRows.position(of: selection) != nil {
    keepSelectionInView(&state)
    return
  }
  state.backlog.selection = state.backlogRows.storyIDs.first
  state.backlog.scroll = 0
  keepSelectionInView(&state)
}
