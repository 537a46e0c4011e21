import ScrumCore

/// One line on the status line for a change just made, such as "SB-12 moved to In Progress",
/// so that a user who pressed a key in passing sees what it did (and that `u` undoes it).
/// Rank moves say nothing: the row itself moves.
func feedback(for change: BoardChange, on board: Board) -> String? {
  switch change {
  case .storyMoved(let id, let status, _):
    return "\(board.key(of: id)) moved to \(board.column(status)?.title ?? status)"
  case .storyEdited(let id, let fields, _):
    guard fields.count == 1, let field = fields.first else { return "\(board.key(of: id)) changed" }
    let key = board.key(of: id)
    switch field {
    case .title: return "\(key) renamed"
    case .description: return "\(key): description saved"
    case .type(let type): return "\(key) is a \(type.rawValue)"
    case .points(let points): return points.map { "\(key): \($0) points" } ?? "\(key): estimate cleared"
    case .assignee(let name): return name.map { "\(key) assigned to @\($0)" } ?? "\(key) unassigned"
    case .blocked(let text): return text == nil ? "\(key) no longer blocked" : "\(key) flagged as blocked"
    case .epic(let epic): return epic.map { "\(key) in epic \(board.epic($0)?.title ?? $0)" } ?? "\(key): no epic"
    case .labels(let labels): return labels.isEmpty ? "\(key): no labels" : "\(key) labelled \(labels.joined(separator: ", "))"
    case .sprint(let sprint): return sprint.map { "\(key) planned into \($0)" } ?? "\(key) back in the product backlog"
    }
  case .storyDeleted(let id):
    return "Deleted \(board.key(of: id))"
  case .criterionSet(let id, _, let criterion, _):
    return "\(board.key(of: id)): criterion \(criterion.done ? "met" : "open again")"
  case .taskSet(let id, _, let task, _):
    return "\(board.key(of: id)): task \(task.done ? "done" : "open again")"
  case .criteriaReplaced(let id, _, _):
    return "\(board.key(of: id)): acceptance criteria saved"
  case .tasksReplaced(let id, _, _):
    return "\(board.key(of: id)): tasks saved"
  case .storyAdded, .storyRanked, .sprintAdded, .sprintRemoved, .sprintUpdated, .epicAdded, .epicRemoved,
    .workingDaysSet, .batch:
    // Added stories, sprints and many at once say it where they are made.
    return nil
  }
}
