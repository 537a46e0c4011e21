import ScrumCore
import TermUI

func reducePrompt(_ state: inout AppState, _ key: Key) -> [Effect] {
  guard var prompt = state.prompt else { return [] }
  if case .confirmDeleteLine(let id, let item) = prompt.purpose {
    state.prompt = nil
    guard key == .character("y") || key == .character("Y") else {
      state.flash = .info("Nothing deleted")
      return []
    }
    return deleteLine(&state, id, item)
  }
  if case .confirmDelete(let ids) = prompt.purpose {
    // A yes/no question takes one key.
    state.prompt = nil
    guard key == .character("y") || key == .character("Y") else {
      state.flash = .info("Nothing deleted")
      return []
    }
    return delete(&state, ids)
  }
  switch prompt.editor.handle(key) {
  case .edited, .ignored:
    state.prompt = prompt
    if case .helpFilter = prompt.purpose {
      state.help?.filter = prompt.editor.text
      state.help?.scroll = 0
    }
    if case .filterText = prompt.purpose {
      // The list narrows as the user types.
      state.filter.text = prompt.editor.text
      filterChanged(&state)
    }
    return []
  case .cancelled:
    state.prompt = nil
    if case .helpFilter = prompt.purpose { state.help?.filter = "" }
    if case .filterText = prompt.purpose {
      state.filter.text = ""
      filterChanged(&state)
    }
    return []
  case .submitted:
    state.prompt = nil
    let text = prompt.editor.text
    switch prompt.purpose {
    case .newStoryTitle(let after):
      return addStory(&state, title: text, after: after)
    case .editTitle(let id):
      return editAll(&state, [id]) { _ in [.title(text)] }
    case .labels(let ids):
      return editAll(&state, ids) { story in [.labels(LabelEdit(text).applied(to: story.labels))] }
    case .assignee(let ids):
      let name = text.trimmingWhitespace()
      return editAll(&state, ids) { _ in [.assignee(name.isEmpty ? nil : name)] }
    case .splitTitle(let id):
      guard let story = state.board.story(id) else { return [] }
      if story.acceptanceCriteria.isEmpty { return split(&state, id, title: text, taking: []) }
      state.picker = Picker(
        purpose: .splitCriteria(id, title: text), title: "Criteria for the new story (Space ticks, Enter splits)",
        options: story.acceptanceCriteria.enumerated().map { Picker.Option(label: $1.text, value: .criterion($0)) },
        multipleChoice: true)
      return []
    case .filterText:
      state.filter.text = text
      filterChanged(&state)
      return []
    case .confirmDelete, .confirmDeleteLine, .helpFilter:
      return []
    case .addCriterion(let id):
      guard let story = state.board.story(id), !text.trimmingWhitespace().isEmpty else { return [] }
      let now = state.now
      state.detail?.cursor = .criterion(story.acceptanceCriteria.count)
      let effects = perform(&state) { _ in
        .criteriaReplaced(id, story.acceptanceCriteria + [Criterion(text.trimmingWhitespace())], updatedAt: now)
      }
      keepDetailCursorInView(&state)
      return effects
    case .addTask(let id):
      guard let story = state.board.story(id), !text.trimmingWhitespace().isEmpty else { return [] }
      let now = state.now
      state.detail?.cursor = .task(story.tasks.count)
      let effects = perform(&state) { _ in .tasksReplaced(id, story.tasks + [taskFrom(text)], updatedAt: now) }
      keepDetailCursorInView(&state)
      return effects
    case .editCriterion(let id, let line):
      guard let criterion = state.board.story(id)?.acceptanceCriteria[safe: line] else { return [] }
      let clean = text.trimmingWhitespace()
      guard !clean.isEmpty else { return [] }
      let now = state.now
      return perform(&state) { _ in .criterionSet(id, index: line, Criterion(clean, done: criterion.done), updatedAt: now) }
    case .editTask(let id, let line):
      guard let task = state.board.story(id)?.tasks[safe: line], !text.trimmingWhitespace().isEmpty else { return [] }
      var edited = taskFrom(text)
      edited.done = task.done
      let now = state.now
      return perform(&state) { _ in .taskSet(id, index: line, edited, updatedAt: now) }
    case .newSprint(let draft):
      return continueNewSprint(&state, draft, answer: text)
    case .blocked(let id):
      let clean = text.trimmingWhitespace()
      return editAll(&state, [id]) { _ in [.blocked(clean.isEmpty ? nil : clean)] }
    }
  }
}

/// A task from "text @name": a trailing @word assigns it.
private func taskFrom(_ text: String) -> StoryTask {
  let clean = text.trimmingWhitespace()
  if let at = clean.range(of: " @", options: .backwards), !clean[at.upperBound...].contains(" "),
    !clean[at.upperBound...].isEmpty
  {
    return StoryTask(String(clean[..<at.lowerBound]), assignee: String(clean[at.upperBound...]))
  }
  return StoryTask(clean)
}

/// Deletes a criterion or task; the cursor stays at the same place in the list.
private func deleteLine(_ state: inout AppState, _ id: StoryID, _ item: DetailItem) -> [Effect] {
  guard let story = state.board.story(id) else { return [] }
  let now = state.now
  let effects: [Effect]
  switch item {
  case .criterion(let line):
    guard story.acceptanceCriteria.indices.contains(line) else { return [] }
    var criteria = story.acceptanceCriteria
    criteria.remove(at: line)
    effects = perform(&state) { _ in .criteriaReplaced(id, criteria, updatedAt: now) }
  case .task(let line):
    guard story.tasks.indices.contains(line) else { return [] }
    var tasks = story.tasks
    tasks.remove(at: line)
    effects = perform(&state) { _ in .tasksReplaced(id, tasks, updatedAt: now) }
  default:
    return []
  }
  keepDetailCursorInView(&state)
  return effects
}

/// What the labels prompt asks: `+x` adds, `-x` removes; a plain list replaces them all.
struct LabelEdit {
  var adds: [String] = []
  var removes: [String] = []
  var replacement: [String]?

  init(_ text: String) {
    let words = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init).filter { !$0.isEmpty }
    if words.contains(where: { $0.hasPrefix("+") || $0.hasPrefix("-") }) {
      for word in words {
        if word.hasPrefix("-") { removes.append(String(word.dropFirst())) } else {
          adds.append(word.hasPrefix("+") ? String(word.dropFirst()) : word)
        }
      }
    } else {
      replacement = words
    }
  }

  func applied(to labels: [String]) -> [String] {
    if let replacement { return unique(replacement) }
    return unique(labels.filter { !removes.contains($0) } + adds.filter { !$0.isEmpty })
  }

  private func unique(_ labels: [String]) -> [String] {
    var seen: Set<String> = []
    return labels.filter { seen.insert($0).inserted }
  }
}

/// Deletes stories as one step; the selection moves to the next story still there.
private func delete(_ state: inout AppState, _ ids: [StoryID]) -> [Effect] {
  let rowsBefore = state.backlogRows
  let gone = Set(ids)
  let effects = perform(&state) { board in
    let changes = ids.map { BoardChange.storyDeleted($0) }
    return changes.count == 1 ? changes[0] : .batch(changes)
  }
  guard !effects.isEmpty else { return [] }
  state.marked.subtract(gone)
  if let selection = state.backlog.selection, gone.contains(selection), let position = rowsBefore.position(of: selection) {
    state.backlog.selection = rowsBefore.storyIDs[position...].first { !gone.contains($0) }
      ?? rowsBefore.storyIDs[..<position].last { !gone.contains($0) }
  }
  keepSelectionInView(&state)
  state.flash = .info(ids.count == 1 ? "Deleted \(state.board.key(of: ids[0])) (u undoes)" : "Deleted \(ids.count) stories (u undoes)")
  return effects
}

private func addStory(_ state: inout AppState, title: String, after: StoryID?) -> [Effect] {
  guard !title.trimmingWhitespace().isEmpty else {
    state.flash = .info("Nothing added: the title was empty")
    return []
  }
  let now = state.now
  var added: StoryID?
  let effects = perform(&state) { board in
    let (id, change) = try board.planAddStory(title: title, after: after, at: now)
    added = id
    return change
  }
  if let added {
    var note = ""
    if state.backlogRows.position(of: added) == nil {
      // The filter would hide the new story: show it rather than lose sight of it.
      state.filter = BacklogFilter()
      note = " (filter cleared to show it)"
    }
    state.backlog.selection = added
    keepSelectionInView(&state)
    state.flash = .info("Added \(state.board.key(of: added))\(note)")
  }
  return effects
}
