import ScrumCore
import TermUI

func reducePrompt(_ state: inout AppState, _ key: Key) -> [Effect] {
  guard var prompt = state.prompt else { return [] }
  switch prompt.editor.handle(key) {
  case .edited, .ignored:
    state.prompt = prompt
    return []
  case .cancelled:
    state.prompt = nil
    return []
  case .submitted:
    state.prompt = nil
    switch prompt.purpose {
    case .newStoryTitle(let after):
      return addStory(&state, title: prompt.editor.text, after: after)
    }
  }
}

private func addStory(_ state: inout AppState, title: String, after: StoryID?) -> [Effect] {
  guard !title.trimmingWhitespace().isEmpty else {
    state.flash = .info("Nothing added: the title was empty")
    return []
  }
  let now = state.now
  var added: StoryID?
  let effects = perform(&state) { board in
    let (id, change) = try board.addStory(title: title, after: after, at: now)
    added = id
    return change
  }
  if let added {
    state.backlog.selection = added
    keepSelectionInView(&state)
    state.flash = .info("Added \(state.board.key(of: added))")
  }
  return effects
}
