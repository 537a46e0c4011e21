import ScrumCore
import TermUI

func reduceBacklog(_ state: inout AppState, _ command: Command) -> [Effect] {
  // Before any copy of the rows is taken: a rank move shifts them in place, and a copy still
  // held then would have each of their arrays copied whole (most of a rank move's time at
  // 100,000 stories).
  switch command {
  case .rankDown, .rankUp: return rank(&state, down: command == .rankDown)
  case .rankTop, .rankBottom: return rankToEdge(&state, top: command == .rankTop)
  default: break
  }
  let rows = state.backlogRows
  let ids = rows.storyIDs
  let current = state.backlog.selection.flatMap { rows.position(of: $0) }
  let page = max(1, Layout(state).backlogList.height - 1)

  func select(_ index: Int) {
    guard !ids.isEmpty else { return }
    state.backlog.selection = ids[min(max(0, index), ids.count - 1)]
  }

  switch command {
  case .moveDown: select((current ?? -1) + 1)
  case .moveUp: select((current ?? 1) - 1)
  case .pageDown: select((current ?? 0) + page)
  case .pageUp: select((current ?? 0) - page)
  case .first:
    select(0)
    state.backlog.scroll = 0
  case .last: select(ids.count - 1)
  case .openDetail:
    guard let selection = state.backlog.selection else { return [] }
    openDetail(&state, selection, from: .backlog)
    return []
  case .addStory:
    state.prompt = Prompt(
      purpose: .newStoryTitle(after: state.backlog.selection), label: "New story title: ", editor: LineEditor())
    return []
  case .nextMatch, .previousMatch:
    guard state.filter.isActive else { return [] }
    // Every story shown matches: move to the next one, wrapping around.
    guard !ids.isEmpty else { return [] }
    let step = command == .nextMatch ? 1 : -1
    select(((current ?? -step) + step + ids.count) % ids.count)
  case .toggleForecast:
    state.showForecast.toggle()
    if !state.showForecast {
      state.flash = .info("Forecast off")
    } else if let forecast = state.forecast {
      state.flash = .info(
        "Forecast at \(format(forecast.velocity.rounded(toPlaces: 1))) pts a sprint (recent velocity): "
          + "→ marks the sprint each story is likely to land in")
    } else {
      state.showForecast = false
      state.flash = .info("No forecast yet: it needs a closed sprint that finished work")
    }
    return []
  case .back:
    return [.quit]
  case .close:
    if !state.marked.isEmpty || state.filter.isActive {
      state.marked.removeAll()
      state.filter = BacklogFilter()
      filterChanged(&state)
      state.flash = .info("Marks and filter cleared")
    } else {
      // Nothing is open here; say how to leave rather than quit on a stray Esc.
      state.flash = .info("Nothing to close here: q quits (everything is already saved)")
    }
    return []
  case .help, .quit, .undo, .redo, .choose:
    return []
  default:
    return reduceBacklogEdit(&state, command)
  }
  keepSelectionInView(&state)
  return []
}

/// Moves the selected story one place within its section (sprint or backlog); the selection
/// moves with it. Writes the story's rank alone.
private func rank(_ state: inout AppState, down: Bool) -> [Effect] {
  guard let selection = state.backlog.selection else { return [] }
  // The neighbour is read in a function of its own, so that no copy of the rows' arrays is
  // still held when the move shifts them in place.
  guard let neighbour = neighbourInSection(state.backlogRows, of: selection, down: down) else {
    if state.backlogRows.position(of: selection) != nil {
      state.flash = .info(down ? "Already at the bottom of its list" : "Already at the top of its list")
    }
    return []
  }
  let placement: Board.Placement = down ? .after(neighbour) : .before(neighbour)
  let now = state.now
  let effects = perform(&state) { board in try board.planRank(selection, placement, at: now) }
  keepSelectionInView(&state)
  return effects
}

/// Moves the selected story to the top or bottom of its list (sprint or backlog).
private func rankToEdge(_ state: inout AppState, top: Bool) -> [Effect] {
  guard let selection = state.backlog.selection else { return [] }
  guard let edge = edgeOfSection(state.backlogRows, of: selection, top: top), edge != selection else {
    state.flash = .info(top ? "Already at the top of its list" : "Already at the bottom of its list")
    return []
  }
  let now = state.now
  let effects = perform(&state) { board in try board.planRank(selection, top ? .before(edge) : .after(edge), at: now) }
  keepSelectionInView(&state)
  return effects
}

/// The story next to `id` in its section (sprint or backlog), below or above it; nil at an end
/// or when `id` is not shown.
private func neighbourInSection(_ rows: BacklogRows, of id: StoryID, down: Bool) -> StoryID? {
  let section = rows.section(of: id)
  guard let index = section.firstIndex(of: id) else { return nil }
  let neighbour = down ? index + 1 : index - 1
  return section.indices.contains(neighbour) ? section[neighbour] : nil
}

/// The first or last story of the section `id` is in.
private func edgeOfSection(_ rows: BacklogRows, of id: StoryID, top: Bool) -> StoryID? {
  let section = rows.section(of: id)
  return top ? section.first : section.last
}

/// Scrolls the backlog just enough to show the selected story; shows the section heading too
/// when the selection is the first story.
func keepSelectionInView(_ state: inout AppState) {
  let rows = state.backlogRows
  let height = Layout(state).backlogList.height
  guard height > 0 else { return }
  let maxScroll = max(0, rows.rows.count - height)
  var scroll = min(max(0, state.backlog.scroll), maxScroll)
  if let selection = state.backlog.selection, let row = rows.rowIndex(of: selection) {
    if row < scroll { scroll = row }
    if row >= scroll + height { scroll = row - height + 1 }
    // The first story of a section brings its heading into view.
    if row == scroll, row > 0, height > 1, !rows.rows[row - 1].isStory { scroll = row - 1 }
  }
  state.backlog.scroll = min(max(0, scroll), maxScroll)
}
