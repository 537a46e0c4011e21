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
  func matches(_ story: Story, key: @autoclosure () -> String, text matcher: TextMatcher? = nil) -> Bool {
    if let epic, story.epic != epic { return false }
    if let label, !story.labels.contains(label) { return false }
    if let assignee, story.assignee != assignee { return false }
    if let type, story.type != type { return false }
    if let ready, story.isReady != ready { return false }
    if blockedOnly, story.blocked == nil { return false }
    guard !text.isEmpty else { return true }
    let matcher = matcher ?? TextMatcher(text)
    // The key last: making its text costs an allocation, and the title usually decides.
    return matcher.found(in: story.title) || matcher.found(in: story.description)
      || story.labels.contains { matcher.found(in: $0) } || matcher.found(in: key())
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

/// Case-insensitive substring search, fast where it matters: an ASCII query (the usual case)
/// is compared byte by byte over the UTF-8 text with ASCII case folding and no allocation;
/// any other query falls back to Foundation's locale-aware comparison.
struct TextMatcher {
  private let query: String
  private let folded: [UInt8]?

  init(_ query: String) {
    self.query = query
    folded = query.utf8.allSatisfy { $0 < 0x80 } ? query.utf8.map(TextMatcher.fold) : nil
  }

  private static func fold(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
  }

  func found(in text: String) -> Bool {
    guard let folded else { return text.localizedCaseInsensitiveContains(query) }
    guard let first = folded.first else { return true }
    var text = text
    return text.withUTF8 { bytes in
      let count = bytes.count
      let length = folded.count
      guard count >= length else { return false }
      var start = 0
      while start <= count - length {
        if TextMatcher.fold(bytes[start]) == first {
          var offset = 1
          while offset < length, TextMatcher.fold(bytes[start + offset]) == folded[offset] { offset += 1 }
          if offset == length { return true }
        }
        start += 1
      }
      return false
    }
  }
}
