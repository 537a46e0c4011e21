import ScrumCore

func reducePicker(_ state: inout AppState, _ command: Command) -> [Effect] {
  guard var picker = state.picker else { return [] }
  // A key that is not typing starts the typed prefix over.
  picker.typed = ""
  switch command {
  case .moveDown: picker.move(by: 1)
  case .moveUp: picker.move(by: -1)
  case .first: picker.move(by: -picker.options.count)
  case .last: picker.move(by: picker.options.count)
  case .toggleMark:
    guard picker.multipleChoice, picker.options.indices.contains(picker.selection) else { break }
    picker.options[picker.selection].checked.toggle()
    picker.move(by: 1)
  case .close, .back:
    state.picker = nil
    return []
  case .choose:
    state.picker = nil
    return choose(&state, picker)
  default:
    break
  }
  state.picker = picker
  return []
}

private func choose(_ state: inout AppState, _ picker: Picker) -> [Effect] {
  guard picker.options.indices.contains(picker.selection) else { return [] }
  let value = picker.options[picker.selection].value
  switch (picker.purpose, value) {
  case (.points(let ids), .points(let points)):
    return editAll(&state, ids) { _ in [.points(points)] }
  case (.epic(let ids), .epic(let epic)):
    return editAll(&state, ids) { _ in [.epic(epic)] }
  case (.filter, .facet(let facet)):
    apply(facet, to: &state.filter)
    filterChanged(&state)
    return []
  case (.startSprint, .sprint(let name?)):
    return startSprint(&state, named: name)
  case (.closeSprint, .carryOver(let carryOver)):
    return closeSprint(&state, carryOver: carryOver)
  case (.type(let id), .type(let type)):
    return editAll(&state, [id]) { _ in [.type(type)] }
  case (.sprint(let id), .sprint(let sprint)):
    return editAll(&state, [id]) { _ in [.sprint(sprint)] }
  case (.status(let id), .status(let status)):
    return moveStatus(&state, id, to: status)
  case (.confirmDone(let id, let status), .answer(let yes)):
    guard yes else {
      state.flash = .info("Not moved")
      return []
    }
    return moveStatus(&state, id, to: status, confirmed: true)
  case (.splitCriteria(let id, let title), _):
    let taken = Set(picker.options.filter(\.checked).compactMap { option -> Int? in
      if case .criterion(let index) = option.value { return index }
      return nil
    })
    return split(&state, id, title: title, taking: taken)
  default:
    return []
  }
}

/// Moves a story to a status column. Into the last column (done) with acceptance criteria
/// still open, or with a Definition of Done to honour, it first asks, listing what is open.
/// (The board is read from the state where needed, never held in a copy across the move.)
func moveStatus(_ state: inout AppState, _ id: StoryID, to status: String, confirmed: Bool = false) -> [Effect] {
  guard let story = state.board.story(id), story.status != status else { return [] }
  let open = story.acceptanceCriteria.filter { !$0.done }
  let definitionOfDone = state.board.definitionOfDone
  if !confirmed, status == state.board.columns.last?.id, !open.isEmpty || !definitionOfDone.isEmpty {
    let doneTitle = state.board.column(status)?.title ?? status
    var options: [Picker.Option] = []
    if !open.isEmpty {
      options.append(Picker.Option(label: "Acceptance criteria still open:", value: .heading))
      options += open.map { Picker.Option(label: "  [ ] \($0.text)", value: .heading) }
    }
    if !definitionOfDone.isEmpty {
      options.append(Picker.Option(label: "Definition of Done, does it hold?", value: .heading))
      options += definitionOfDone.map { Picker.Option(label: "  - \($0)", value: .heading) }
    }
    options.append(Picker.Option(label: "Yes, move \(state.board.key(of: id)) to \(doneTitle)", value: .answer(true)))
    options.append(Picker.Option(label: "No, keep it where it is", value: .answer(false)))
    state.picker = Picker(
      purpose: .confirmDone(id, status: status), title: "Move to \(doneTitle)?", options: options,
      selection: options.count - 1)
    return []
  }
  let now = state.now
  return perform(&state) { _ in .storyMoved(id, to: status, at: now) }
}

/// Choosing a facet that is already in force lifts it; choosing another replaces it.
private func apply(_ facet: FilterFacet, to filter: inout BacklogFilter) {
  switch facet {
  case .clearAll: filter = BacklogFilter()
  case .epic(let key): filter.epic = filter.epic == key ? nil : key
  case .label(let label): filter.label = filter.label == label ? nil : label
  case .assignee(let name): filter.assignee = filter.assignee == name ? nil : name
  case .type(let type): filter.type = filter.type == type ? nil : type
  case .ready(let ready): filter.ready = filter.ready == ready ? nil : ready
  case .blocked: filter.blockedOnly.toggle()
  }
}

/// Splits a story; the new part is selected.
func split(_ state: inout AppState, _ id: StoryID, title: String, taking criteria: Set<Int>) -> [Effect] {
  let now = state.now
  var part: StoryID?
  let effects = perform(&state) { board in
    let (newID, change) = try board.planSplit(id, newTitle: title, taking: criteria, at: now)
    part = newID
    return change
  }
  if let part {
    state.backlog.selection = part
    keepSelectionInView(&state)
    state.flash = .info("Split \(state.board.key(of: id)): \(state.board.key(of: part)) is the new part")
  }
  return effects
}
