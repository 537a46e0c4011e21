import ScrumCore

/// What narrows the backlog: text typed after `/`, and facets from the filter menu (`f`).
public struct BacklogFilter: Equatable, Sendable {
  public var text = ""
  public var epic: String?
  public var label: String?
  public var assignee: String?
  public var type: StoryType?
  /// true: ready stories only; false: not ready only.
  public var ready: Bool?
  public var blockedOnly = false

  public init() {}

  public var isActive: Bool {
    !text.isEmpty || epic != nil || label != nil || assignee != nil || type != nil || ready != nil || blockedOnly
  }

  /// Whether a story passes. Text matches the key, title, description or a label, ignoring case.
  func matches(_ story: Story, key: String) -> Bool {
    if let epic, story.epic != epic { return false }
    if let label, !story.labels.contains(label) { return false }
    if let assignee, story.assignee != assignee { return false }
    if let type, story.type != type { return false }
    if let ready, story.isReady != ready { return false }
    if blockedOnly, story.blocked == nil { return false }
    guard !text.isEmpty else { return true }
    return key.localizedCaseInsensitiveContains(text) || story.title.localizedCaseInsensitiveContains(text)
      || story.description.localizedCaseInsensitiveContains(text)
      || story.labels.contains { $0.localizedCaseInsensitiveContains(text) }
  }

  /// How the header shows the filter in force.
  func summary(on board: Board) -> String {
    var parts: [String] = []
    if !text.isEmpty { parts.append("/\(text)") }
    if let epic { parts.append("epic: \(board.epic(epic)?.title ?? epic)") }
    if let label { parts.append("#\(label)") }
    if let assignee { parts.append("@\(assignee)") }
    if let type { parts.append("type: \(type.rawValue)") }
    if let ready { parts.append(ready ? "ready" : "not ready") }
    if blockedOnly { parts.append("blocked") }
    return parts.joined(separator: " ")
  }
}
