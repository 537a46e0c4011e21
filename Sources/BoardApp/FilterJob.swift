import ScrumCore

/// A text filter over a large product backlog, worked out a slice at a time: a keystroke
/// looks only as far as it takes to fill the screen, and the rest is looked at while the user
/// pauses, so typing into the filter of 100,000 stories answers as fast as into that of 100.
/// The sprints' sections (a few dozen stories) are filtered whole at once; the backlog's
/// matches only ever grow at its end, so the screen never jumps as they come in.
struct FilterJob: Equatable, Sendable {
  static func == (lhs: FilterJob, rhs: FilterJob) -> Bool {
    lhs.filter == rhs.filter && lhs.next == rhs.next && lhs.matches == rhs.matches
      && lhs.candidates.count == rhs.candidates.count
  }

  /// From this many backlog stories to look at, a filter is worked out in slices.
  static let threshold = 2_000
  /// Stories a keystroke looks at before the frame is drawn (about a millisecond).
  static let keystrokeBudget = 1_500
  /// Matches that fill any screen: once found, the keystroke's frame can be drawn.
  static let screenful = 150
  /// Stories looked at per slice while the user pauses.
  static let sliceSize = 5_000

  let filter: BacklogFilter
  /// The backlog stories that may match, in rank order, and how far they have been looked at.
  private let candidates: [StoryID]
  private(set) var next = 0
  /// The backlog's matches so far, in rank order.
  private(set) var matches: [StoryID] = []

  init(filter: BacklogFilter, candidates: [StoryID]) {
    self.filter = filter
    self.candidates = candidates
  }

  var isDone: Bool { next >= candidates.count }

  /// How far it has looked, 0 to 100.
  var percentDone: Int { candidates.isEmpty ? 100 : next * 100 / candidates.count }

  /// What a longer query can still match: the matches so far and what is not looked at yet.
  var stillPossible: [StoryID] { matches + candidates[next...] }

  /// Looks at up to `limit` more stories, stopping early once `enough` matches are found
  /// beyond `through` (a story that must be looked at first: the one the user is on).
  mutating func run(board: Board, limit: Int, enough: Int = .max, through: StoryID? = nil) {
    let matcher = TextMatcher(filter.text)
    let end = next + min(limit, candidates.count - next)
    var passed = through == nil
    var wanted = enough
    while next < end, !passed || matches.count < wanted {
      let id = candidates[next]
      next += 1
      if let story = board.story(id), filter.matches(story, key: board.key(of: id), text: matcher) {
        matches.append(id)
      }
      if !passed, id == through {
        passed = true
        wanted = matches.count + enough
      }
    }
  }
}
