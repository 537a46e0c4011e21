import Foundation
import GRDB
import ScrumCore
import TestSupport
import Testing

@testable import ScrumStore

/// The first look reads a board's first screen through a bare SQLite connection before GRDB
/// opens the file: it must read exactly what the repository reads, and step aside (nil) for
/// anything the usual open has to judge.
@Suite struct FirstLookTests {
  let folder: ScratchFolder

  init() throws { folder = try ScratchFolder("first-look") }

  func path(_ name: String = "board.db") -> String { folder.path(name) }

  @Test func aLargeBoardsFirstLookIsItsTopAsTheRepositoryReadsIt() throws {
    var board = SampleBoard.make(now: Fixtures.now, extraStories: 600)
    _ = try board.edit(StoryID(41), [.blocked("Waiting"), .points(Points(13))], at: Fixtures.now)
    let repository = try BoardRepository.create(at: path(), board: board)
    let look = try #require(FirstLook.read(path: path(), backlogLimit: 30, wholeBelow: 500))
    defer { look.close() }
    let expected = try #require(try repository.loadPreview(backlogLimit: 30, minimumStories: 500))
    let preview = try #require(look.preview)
    #expect(preview.board == expected.board)
    #expect(preview.backlogTotals == expected.backlogTotals)
    #expect(preview.board.storyCount < board.storyCount)
    #expect(look.takeWholeBoard() == nil)
    repository.close()
  }

  @Test func aSmallBoardIsReadWholeWithItsRevision() throws {
    var board = Fixtures.sampleBoard()
    let repository = try BoardRepository.create(at: path(), board: board)
    try repository.apply(try board.rank(StoryID(20), .before(StoryID(9)), at: Fixtures.now))
    let look = try #require(FirstLook.read(path: path(), backlogLimit: 30, wholeBelow: 500))
    defer { look.close() }
    let whole = try #require(look.takeWholeBoard())
    #expect(whole.board == board)
    #expect(whole.revision == (try repository.revision()))
    // Handed over once: the caller's copy is the only one.
    #expect(look.preview == nil)
    #expect(look.takeWholeBoard() == nil)
    repository.close()
  }

  @Test func aBoardNumberedToTheThresholdIsLargeAndOneNumberShortIsSmall() throws {
    let board = Fixtures.sampleBoard()
    let numbered = board.nextStoryNumber - 1
    _ = try BoardRepository.create(at: path(), board: board)
    let atThreshold = try #require(FirstLook.read(path: path(), backlogLimit: 5, wholeBelow: numbered))
    #expect(atThreshold.takeWholeBoard() == nil)
    atThreshold.close()
    let below = try #require(FirstLook.read(path: path(), backlogLimit: 5, wholeBelow: numbered + 1))
    #expect(below.takeWholeBoard() != nil)
    below.close()
  }

  @Test func aBoardWhoseStoriesWereDeletedIsStillPreviewedAndShowsOnlyWhatIsLeft() throws {
    var board = Fixtures.sampleBoard()
    let numbered = board.nextStoryNumber - 1
    let kept = board.stories.prefix(3).map(\.id)
    for story in board.stories where !kept.contains(story.id) { try board.apply(.storyDeleted(story.id)) }
    _ = try BoardRepository.create(at: path(), board: board)
    let look = try #require(FirstLook.read(path: path(), backlogLimit: 30, wholeBelow: numbered))
    #expect(look.takeWholeBoard() == nil)
    #expect(look.preview?.board.stories.map(\.id).sorted() == kept.sorted())
    look.close()
  }

  @Test func aMissingOrForeignFileIsLeftToTheUsualOpenUntouched() throws {
    #expect(FirstLook.read(path: path("missing.db"), backlogLimit: 30, wholeBelow: 500) == nil)
    #expect(!FileManager.default.fileExists(atPath: path("missing.db")))

    let text = Data("not a database at all\n".utf8)
    try text.write(to: URL(fileURLWithPath: path("notes.db")))
    #expect(FirstLook.read(path: path("notes.db"), backlogLimit: 30, wholeBelow: 500) == nil)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path("notes.db"))) == text)

    let foreign = try DatabaseQueue(path: path("foreign.db"))
    try foreign.write { try $0.execute(sql: "CREATE TABLE recipe (name TEXT)") }
    try foreign.close()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path("foreign.db")))
    #expect(FirstLook.read(path: path("foreign.db"), backlogLimit: 30, wholeBelow: 500) == nil)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path("foreign.db"))) == bytes)
  }

  @Test(arguments: ["DELETE FROM grdb_migrations WHERE rowid = (SELECT max(rowid) FROM grdb_migrations)",
                    "INSERT INTO grdb_migrations (identifier) VALUES ('v99 from a newer scrum')"])
  func aBoardOfAnotherSchemaIsLeftToTheUsualOpen(change: String) throws {
    _ = try BoardRepository.create(at: path(), board: Fixtures.tinyBoard())
    let queue = try DatabaseQueue(path: path())
    try queue.write { try $0.execute(sql: change) }
    try queue.close()
    #expect(FirstLook.read(path: path(), backlogLimit: 30, wholeBelow: 500) == nil)
  }
}
