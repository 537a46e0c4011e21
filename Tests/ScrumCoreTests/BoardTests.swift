import Foundation
import Testing

@testable import ScrumCore

@Suite struct BoardTests {
  let now = Date(timeIntervalSince1970: 1_795_773_600)

  func board() -> Board {
    let ranks = Rank.evenlySpaced(count: 4)
    return Board(
      name: "Test", prefix: "TB", sprints: [Sprint(name: "S1", state: .active)],
      stories: [
        Story(id: StoryID(1), title: "One", status: "todo", rank: ranks[0], sprint: "S1", createdAt: now),
        Story(id: StoryID(2), title: "Two", status: "todo", rank: ranks[1], createdAt: now),
        Story(id: StoryID(3), title: "Three", status: "todo", rank: ranks[2], createdAt: now),
        Story(id: StoryID(7), title: "Seven", status: "todo", rank: ranks[3], createdAt: now),
      ])
  }

  @Test func rowFactsTakeSixteenBytesAStoryNumber() {
    // A board keeps one for every story number, allocated and cleared as it opens.
    #expect(MemoryLayout<RowFacts>.stride == 16)
  }

  @Test func storiesComeInRankOrder() {
    #expect(board().stories.map(\.title) == ["One", "Two", "Three", "Seven"])
    #expect(board().stories(inSprint: nil).map(\.title) == ["Two", "Three", "Seven"])
    #expect(board().stories(inSprint: "S1").map(\.title) == ["One"])
  }

  @Test func addedStoryGoesRightAfterItsNeighbourWithANewKey() throws {
    var board = board()
    let (id, change) = try board.addStory(title: "  New one ", after: StoryID(2), at: now)
    #expect(id == StoryID(8))
    #expect(board.key(of: id) == "TB-8")
    #expect(board.stories(inSprint: nil).map(\.title) == ["Two", "New one", "Three", "Seven"])
    guard case .storyAdded(let story) = change else {
      Issue.record("expected storyAdded, got \(change)")
      return
    }
    #expect(story.title == "New one")
    #expect(story.status == "todo")
    #expect(story.createdAt == now)
  }

  @Test func addedStoryJoinsTheSprintOfItsNeighbour() throws {
    var board = board()
    let (id, _) = try board.addStory(title: "Sprint work", after: StoryID(1), at: now)
    #expect(board.story(id)?.sprint == "S1")
    #expect(board.stories(inSprint: "S1").map(\.title) == ["One", "Sprint work"])
  }

  @Test func keysAreNeverReused() throws {
    var board = board()
    let (first, _) = try board.addStory(title: "A", after: nil, at: now)
    let (second, _) = try board.addStory(title: "B", after: nil, at: now)
    #expect(first.number == 8 && second.number == 9)
    let reloaded = Board(name: "Test", prefix: "TB", stories: board.stories, nextStoryNumber: 20)
    #expect(reloaded.nextStoryNumber == 20)
  }

  @Test func emptyTitleIsRefused() {
    var board = board()
    #expect(throws: BoardError.emptyTitle) { try board.addStory(title: "   ", after: nil, at: now) }
    #expect(board.storyCount == 4)
  }

  @Test func rankingMovesOneStoryAndReportsOnlyItsNewRank() throws {
    var board = board()
    let before = board.stories
    let change = try board.rank(StoryID(7), .before(StoryID(2)), at: now)
    #expect(board.stories.map(\.title) == ["One", "Seven", "Two", "Three"])
    guard case .storyRanked(let id, let rank, let updatedAt) = change else {
      Issue.record("expected storyRanked, got \(change)")
      return
    }
    #expect(id == StoryID(7))
    #expect(board.story(id)?.rank == rank)
    #expect(updatedAt == now)
    // Every other story is untouched.
    for story in before where story.id != id { #expect(board.story(story.id) == story) }
  }

  /// A rank move shifts the story within the ranking it keeps (rather than taking it out and
  /// putting it back): after any run of moves, the ranking is the stories sorted by rank, and
  /// each move lands where it was asked to.
  @Test func manyRankMovesKeepTheRankingSorted() throws {
    var board = SampleBoard.make(now: now, extraStories: 300)
    var random = SeededGenerator(seed: 11)
    var ids = board.stories.map(\.id)
    for step in 0..<400 {
      let id = ids[Int.random(in: 0..<ids.count, using: &random)]
      let anchor = ids[Int.random(in: 0..<ids.count, using: &random)]
      if id == anchor {
        _ = try board.rankToEnd(id, top: step % 2 == 0, at: now)
        #expect(board.stories.map(\.id)[step % 2 == 0 ? 0 : ids.count - 1] == id)
      } else {
        let before = step % 3 != 0
        _ = try board.rank(id, before ? .before(anchor) : .after(anchor), at: now)
        let order = board.stories.map(\.id)
        let (place, anchorPlace) = (order.firstIndex(of: id), order.firstIndex(of: anchor))
        #expect(place.map { $0 + (before ? 1 : -1) } == anchorPlace, "step \(step)")
      }
      ids = board.stories.map(\.id)
      let sorted = board.stories.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.id < $1.id }.map(\.id)
      #expect(ids == sorted, "step \(step)")
      if ids != sorted { return }
    }
  }

  @Test func rankingAfterTheLastStoryPutsItAtTheEnd() throws {
    var board = board()
    _ = try board.rank(StoryID(1), .after(StoryID(7)), at: now)
    #expect(board.stories.map(\.title) == ["Two", "Three", "Seven", "One"])
  }

  @Test func rankingAgainstItselfOrAnUnknownStoryFails() {
    var board = board()
    #expect(throws: BoardError.cannotRankAgainstItself) { try board.rank(StoryID(2), .before(StoryID(2)), at: now) }
    #expect(throws: BoardError.unknownStory(StoryID(99))) { try board.rank(StoryID(99), .before(StoryID(2)), at: now) }
    #expect(board.stories.map(\.title) == ["One", "Two", "Three", "Seven"])
  }

  @Test func readinessNeedsTitleEstimateAndACriterion() {
    var story = Story(id: StoryID(1), title: "Login", status: "todo", rank: Rank.between(nil, nil), createdAt: now)
    #expect(!story.isReady)
    story.points = Points(3)
    #expect(!story.isReady)
    story.acceptanceCriteria = [Criterion("Works")]
    #expect(story.isReady)
    story.title = "  "
    #expect(!story.isReady)
  }

  @Test func pointsFollowTheScale() {
    #expect(Points(parsing: "5")?.description == "5")
    #expect(Points(parsing: "0.5")?.description == "0.5")
    #expect(Points(parsing: "½")?.value == 0.5)
    #expect(Points(parsing: "4") == nil)
    #expect(Points(parsing: "many") == nil)
  }

  @Test func daysParseAndPrint() {
    #expect(Day("2026-11-30")?.description == "2026-11-30")
    #expect(Day("2026-13-01") == nil)
    #expect(Day("26-11-30") == nil)
    #expect(Day(date: now).description == "2026-11-27")
  }

  @Test func sampleBoardIsARealisticProduct() {
    let board = SampleBoard.make(now: now)
    #expect(board.storyCount >= 25)
    #expect(board.epics.count == 3)
    #expect(board.activeSprint != nil)
    let sprintStatuses = Set(board.stories(inSprint: board.activeSprint?.name).map(\.status))
    #expect(sprintStatuses.count >= 3)
    #expect(board.stories.contains { !$0.acceptanceCriteria.isEmpty && $0.points != nil && !$0.labels.isEmpty })
    #expect(board.stories.contains { $0.assignee != nil })
    #expect(Set(board.stories.map(\.id)).count == board.storyCount)
  }
}
