import Foundation
import GRDB
import ScrumCore
import TestSupport
import Testing

@testable import ScrumStore

/// The backlog's totals the board file's triggers keep for a large board's first screen must be
/// the ones the board itself adds up, whoever changed it.
@Suite struct BacklogTotalsTests {
  let path: String

  init() throws { path = try ScratchFolder("totals").path() }

  /// What the domain says: every product backlog story, ready as `Story.isReady` decides.
  func domainTotals(_ board: Board) -> StoryTotals {
    var totals = StoryTotals()
    for story in board.stories(inSprint: nil) { totals.add(story) }
    return totals
  }

  @Test func theTitleWhiteSpaceIsUnicodes() {
    let whiteSpace = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter(\.properties.isWhitespace).map(\.value)
    #expect(Schema.whitespaceScalars == whiteSpace)
  }

  @Test func theTotalsFollowEveryKindOfChange() throws {
    var board = Fixtures.sampleBoard()
    let repository = try BoardRepository.create(at: path, board: board)
    defer { repository.close() }
    func change(_ make: (inout Board) throws -> BoardChange, at location: SourceLocation = #_sourceLocation) throws {
      try repository.apply(try make(&board))
      #expect(try repository.backlogTotals() == domainTotals(board), sourceLocation: location)
    }
    let backlog = board.stories(inSprint: nil)
    let readyOne = try #require(backlog.first { $0.isReady })
    #expect(try repository.backlogTotals() == domainTotals(board))
    #expect(domainTotals(board).readyPoints > 0)

    try change { try $0.edit(readyOne.id, [.points(nil)], at: Fixtures.now) }
    try change { try $0.edit(readyOne.id, [.points(Points(8))], at: Fixtures.now) }
    let criteria = readyOne.acceptanceCriteria
    try change { board in
      let change = BoardChange.criteriaReplaced(readyOne.id, [], updatedAt: Fixtures.now)
      try board.apply(change)
      return change
    }
    try change { try $0.addCriterion("Works offline", to: readyOne.id, at: Fixtures.now) }
    try change { board in
      let change = BoardChange.criteriaReplaced(readyOne.id, criteria, updatedAt: Fixtures.now)
      try board.apply(change)
      return change
    }
    let sprint = try #require(board.sprints.first?.name)
    try change { try $0.edit(readyOne.id, [.sprint(sprint)], at: Fixtures.now) }
    try change { try $0.edit(readyOne.id, [.sprint(nil)], at: Fixtures.now) }
    try change { try $0.delete(readyOne.id) }
    try change { board in
      let (id, added) = try board.addStory(title: "Offline mode", after: nil, at: Fixtures.now)
      try repository.apply(added)
      try repository.apply(try board.addCriterion("Loads without a network", to: id, at: Fixtures.now))
      return try board.edit(id, [.points(Points(3))], at: Fixtures.now)
    }
  }

  /// The sqlite3 shell changes the file behind scrum's back: the triggers keep the count, and
  /// a title of nothing but Unicode white space is not ready in SQL either.
  @Test func changesMadeOutsideScrumAreCountedToo() throws {
    let board = Fixtures.sampleBoard()
    try BoardRepository.create(at: path, board: board).close()
    let story = try #require(board.stories(inSprint: nil).first { $0.isReady })
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(sql: "UPDATE story SET title = char(12288, 9, 160) WHERE number = ?", arguments: [story.id.number])
      let other = try #require(board.stories(inSprint: nil).first { !$0.acceptanceCriteria.isEmpty && $0.id != story.id })
      try db.execute(sql: "DELETE FROM criterion WHERE storyNumber = ?", arguments: [other.id.number])
      let bare = try #require(board.stories(inSprint: nil).first { $0.acceptanceCriteria.isEmpty && $0.points != nil })
      try db.execute(
        sql: "INSERT INTO criterion (storyNumber, position, text, done) VALUES (?, 0, 'Counted', 0)",
        arguments: [bare.id.number])
    }
    try queue.close()
    let repository = try BoardRepository.open(at: path)
    defer { repository.close() }
    let stored = try repository.load()
    #expect(stored.story(story.id)?.isReady == false)
    #expect(try repository.backlogTotals() == domainTotals(stored))
    #expect(domainTotals(stored) != domainTotals(board))
  }

  /// A board written before v8 gets its criteria counted as it opens.
  @Test func aBoardFromBeforeTheCountIsCountedAsItOpens() throws {
    let board = Fixtures.sampleBoard()
    try BoardRepository.create(at: path, board: board).close()
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(
        sql: """
          DROP TRIGGER criterion_counted; DROP TRIGGER criterion_uncounted; DROP TRIGGER criterion_moved;
          DROP TRIGGER story_into_backlog_totals; DROP TRIGGER story_out_of_backlog_totals;
          DROP TRIGGER story_changed_in_backlog_totals; DROP TABLE backlogTotals;
          ALTER TABLE story DROP COLUMN criteria;
          DELETE FROM grdb_migrations WHERE identifier = 'v8-backlog-totals';
          """)
    }
    try queue.close()
    let repository = try BoardRepository.open(at: path)
    defer { repository.close() }
    #expect(try repository.load() == board)
    #expect(try repository.backlogTotals() == domainTotals(board))
  }
}
