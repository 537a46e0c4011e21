import ScrumCore

/// A facet of the filter menu.
public enum FilterFacet: Equatable, Sendable {
  case epic(String), label(String), assignee(String), type(StoryType), ready(Bool), blocked, clearAll
}

/// A short list to choose from, over the pane: points, an epic, a filter facet, or (with
/// several choices) the criteria that go to the split-off story.
public struct Picker: Equatable, Sendable {
  public enum Purpose: Equatable, Sendable {
    case points([StoryID])
    case epic([StoryID])
    case filter
    case splitCriteria(StoryID, title: String)
    case type(StoryID)
    case status(StoryID)
    case sprint(StoryID)
    /// Moving to the last column with work still open: confirm, having seen what is open.
    case confirmDone(StoryID, status: String)
    case startSprint
    case closeSprint
  }

  public enum Value: Equatable, Sendable {
    case points(Points?)
    case epic(String?)
    case facet(FilterFacet)
    case criterion(Int)
    case type(StoryType)
    case status(String)
    case sprint(String?)
    /// Yes or no, for a confirmation.
    case answer(Bool)
    case carryOver(Board.CarryOver)
    /// A heading between groups; never selected.
    case heading
  }

  public struct Option: Equatable, Sendable {
    public var label: String
    public var value: Value
    public var checked: Bool = false
  }

  public var purpose: Purpose
  public var title: String
  public var options: [Option]
  public var selection: Int
  /// Space ticks several options, Enter takes them all.
  public var multipleChoice: Bool
  public var scroll: Int = 0
  /// What has been typed since the last key that was not typing: the selection is on the first
  /// option that starts with it.
  public var typed = ""

  init(purpose: Purpose, title: String, options: [Option], selection: Int = 0, multipleChoice: Bool = false) {
    self.purpose = purpose
    self.title = title
    self.options = options
    self.multipleChoice = multipleChoice
    self.selection = options.indices.contains(selection) && options[selection].value != .heading
      ? selection : (options.firstIndex { $0.value != .heading } ?? 0)
  }

  /// Types one more character of an option's start: the selection goes to the first option
  /// that starts with all that was typed (`1`, `3` picks 13 points), or, if none does, with
  /// this character alone (a new start); with neither, nothing moves. Case is ignored.
  mutating func jump(typing character: Character) {
    let text = typed + String(character)
    for start in [text, String(character)] {
      let index = options.firstIndex { option in
        option.value != .heading && option.label.lowercased().hasPrefix(start.lowercased())
      }
      if let index {
        selection = index
        typed = start
        return
      }
    }
    typed = ""
  }

  /// Moves the selection by `step` options, skipping headings.
  mutating func move(by step: Int) {
    var index = selection
    for _ in 0..<abs(step) {
      var next = index + (step > 0 ? 1 : -1)
      while options.indices.contains(next), options[next].value == .heading { next += step > 0 ? 1 : -1 }
      guard options.indices.contains(next) else { break }
      index = next
    }
    selection = index
  }
}
