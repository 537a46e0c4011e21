import Foundation
import ScrumCore

/// The sprint board's view state. The selection is a story, so live changes never move the
/// cursor to another card.
public struct SprintBoardState: Equatable, Sendable {
  public var selection: StoryID?
  /// The column the cursor is in (kept when the column is empty).
  public var column = 0
  /// Lines scrolled off the top of the card area.
  public var scroll = 0
  /// The first column shown when the terminal is too narrow for all of them.
  public var firstColumn = 0
  public var swimlanes = false
  public var mineOnly = false
  public init() {}
}

/// Standup mode: one focused card at a time, walked right to left.
public struct StandupState: Equatable, Sendable {
  public var order: [StoryID]
  public var index = 0
  public var byPerson = false
  /// When the current speaker's turn began.
  public var speakerSince: Date
  /// Past the last card: the summary shows.
  public var finished = false
}

/// Which cards go where on the sprint board: derived from the board and the view state, for
/// the reducer and the view alike.
struct SprintBoardModel {
  let sprint: Sprint?
  let columns: [Column]
  /// Cards per column, in the order j/k walks them (by lane, then rank).
  let cards: [[StoryID]]
  /// Assignees in lane order (nil: unassigned), when swimlanes are on.
  let lanes: [String?]

  static let cardHeight = 5
  static let minimumColumnWidth = 16

  init(board: Board, view: SprintBoardState, user: String) {
    sprint = board.activeSprint
    columns = board.columns
    var stories = sprint.map { board.stories(inSprint: $0.name) } ?? []
    if view.mineOnly { stories = stories.filter { $0.assignee == user } }
    if view.swimlanes {
      var seen: [String?] = []
      for story in stories where !seen.contains(story.assignee) { seen.append(story.assignee) }
      // People in name order, the unassigned last.
      lanes = seen.compactMap { $0 }.sorted().map { Optional($0) } + (seen.contains(nil) ? [nil] : [])
    } else {
      lanes = []
    }
    let lanes = self.lanes
    cards = board.columns.map { column in
      let inColumn = stories.filter { $0.status == column.id }
      guard !lanes.isEmpty else { return inColumn.map(\.id) }
      return lanes.flatMap { lane in inColumn.filter { $0.assignee == lane }.map(\.id) }
    }
  }

  func column(of id: StoryID) -> Int? { cards.firstIndex { $0.contains(id) } }

  /// Lines each lane takes (a heading, then its tallest column of cards).
  func laneHeights(board: Board) -> [Int] {
    lanes.map { lane in
      let tallest = cards.map { ids in ids.filter { board.story($0)?.assignee == lane }.count }.max() ?? 0
      return 1 + max(1, tallest) * SprintBoardModel.cardHeight
    }
  }

  /// The first line of a card within the card area.
  func top(of id: StoryID, board: Board) -> Int? {
    guard let column = column(of: id), let index = cards[column].firstIndex(of: id) else { return nil }
    guard !lanes.isEmpty else { return index * SprintBoardModel.cardHeight }
    let assignee = board.story(id)?.assignee
    guard let lane = lanes.firstIndex(where: { $0 == assignee }) else { return nil }
    let before = laneHeights(board: board).prefix(lane).reduce(0, +)
    let inLane = cards[column].filter { board.story($0)?.assignee == assignee }.firstIndex(of: id) ?? 0
    return before + 1 + inLane * SprintBoardModel.cardHeight
  }

  /// How many columns fit side by side at a width, and how wide each is.
  static func columnFit(count: Int, width: Int) -> (visible: Int, width: Int) {
    guard count > 0 else { return (0, width) }
    let all = (width - (count - 1)) / count
    if all >= minimumColumnWidth { return (count, all) }
    let visible = max(1, (width + 1) / (minimumColumnWidth + 1))
    return (visible, (width - (visible - 1)) / visible)
  }

  /// The standup walk: right to left, closest to done first (done itself is not discussed),
  /// each column by rank; person by person, each person's cards right to left.
  func standupOrder(board: Board, byPerson: Bool) -> [StoryID] {
    let walked = cards.dropLast().reversed().flatMap { ids in
      ids.sorted { (board.story($0)?.rank ?? Rank.between(nil, nil)) < (board.story($1)?.rank ?? Rank.between(nil, nil)) }
    }
    guard byPerson else { return walked }
    var people: [String?] = []
    for id in walked where !people.contains(board.story(id)?.assignee) { people.append(board.story(id)?.assignee) }
    return people.flatMap { person in walked.filter { board.story($0)?.assignee == person } }
  }
}
