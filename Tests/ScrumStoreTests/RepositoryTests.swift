import Foundation
import GRDB
import ScrumCore
import TestSupport
import Testing

@testable import ScrumStore

@Suite struct RepositoryTests {
  let folder: ScratchFolder

  init() throws { folder = try ScratchFolder("store") }

  func path(_ name: String = "board.db") -> String { folder.path(name) }

  @Test func aCreatedBoardLoadsBackTheSame() throws {
    let board = Fixtures.sampleBoard()
    _ = try BoardRepository.create(at: path(), board: board)
    let loaded = try BoardRepository.open(at: path()).load()
    #expect(loaded == board)
  }

  @Test func changesAreWrittenThroughAndSurviveReopening() throws {
    var board = Fixtures.sampleBoard()
    let repository = try BoardRepository.create(at: path(), board: board)
    let (id, added) = try board.addStory(title: "Export the backlog to CSV", after: StoryID(10), at: Fixtures.now)
    try repository.apply(added)
    let ranked = try board.rank(StoryID(20), .before(StoryID(9)), at: Fixtures.now)
    try repository.apply(ranked)
    let reopened = try BoardRepository.open(at: path()).load()
    #expect(reopened == board)
    #expect(reopened.story(id)?.title == "Export the backlog to CSV")
    #expect(reopened.nextStoryNumber == id.number + 1)
  }

  @Test func aRankChangeWritesOnlyThatStory() throws {
    var board = Fixtures.sampleBoard()
    let repository = try BoardRepository.create(at: path(), board: board)
    let pool = try DatabaseQueue(path: path())
    let before = try pool.read { try Row.fetchAll($0, sql: "SELECT * FROM story ORDER BY number") }
    try pool.close()
    try repository.apply(try board.rank(StoryID(20), .before(StoryID(9)), at: Fixtures.now))
    let check = try DatabaseQueue(path: path())
    let after = try check.read { try Row.fetchAll($0, sql: "SELECT * FROM story ORDER BY number") }
    let changed = zip(before, after).filter { $0 != $1 }.map { $0.1["number"] as Int }
    #expect(changed == [20])
  }

  @Test func newFilesAreOwnerOnlyUnlessShared() throws {
    _ = try BoardRepository.create(at: path("private.db"), board: Fixtures.tinyBoard())
    _ = try BoardRepository.create(at: path("shared.db"), board: Fixtures.tinyBoard(), shared: true)
    let privateMode = try FileManager.default.attributesOfItem(atPath: path("private.db"))[.posixPermissions] as? Int
    let sharedMode = try FileManager.default.attributesOfItem(atPath: path("shared.db"))[.posixPermissions] as? Int
    #expect(privateMode == 0o600)
    #expect(sharedMode == 0o660)
  }

  @Test func creatingOverAnExistingFileIsRefused() throws {
    try Data("keep me".utf8).write(to: URL(fileURLWithPath: path()))
    #expect(throws: StoreError.alreadyExists(path: path())) {
      try BoardRepository.create(at: path(), board: Fixtures.tinyBoard())
    }
    #expect(try String(contentsOfFile: path(), encoding: .utf8) == "keep me")
  }

  @Test func aMissingBoardSaysHowToMakeOne() {
    #expect(throws: StoreError.missing(path: path())) { try BoardRepository.open(at: path()) }
    #expect(StoreError.missing(path: "/x").description.contains("scrum demo"))
  }

  @Test func aFileThatIsNotSQLiteIsRefusedAndLeftUntouched() throws {
    let bytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
    try bytes.write(to: URL(fileURLWithPath: path()))
    #expect(throws: StoreError.notABoard(path: path())) { try BoardRepository.open(at: path()) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path())) == bytes)
  }

  @Test func aForeignSQLiteFileIsRefusedAndLeftUntouched() throws {
    let queue = try DatabaseQueue(path: path())
    try queue.write { try $0.execute(sql: "CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('hello')") }
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path()))
    #expect(throws: StoreError.notABoard(path: path())) { try BoardRepository.open(at: path()) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path())) == before)
    #expect(!FileManager.default.fileExists(atPath: path() + "-wal"))
  }

  /// A board closed after a session of changes leaves its write-ahead log started over, one
  /// frame long: the next process to open it reads back that frame, not the whole session.
  @Test func aClosedBoardLeavesALogOfOneFrame() throws {
    try BoardRepository.create(at: path(), board: Fixtures.sampleBoard()).close()
    let repository = try BoardRepository.open(at: path())
    var board = try repository.load()
    let ids = board.stories.map(\.id)
    for step in 0..<40 {
      try repository.apply(try board.rank(ids[step % ids.count], .before(ids[(step + 3) % ids.count]), at: Fixtures.now))
    }
    repository.close()
    let queue = try DatabaseQueue(path: path())
    // The log's frames, as SQLite finds them on opening the file: (busy, log, copied).
    let log = try queue.writeWithoutTransaction { db in try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") }
    try queue.close()
    #expect(log.map { $0[1] as Int } == 1)
    #expect(try BoardRepository.open(at: path()).load() == board)
  }

  @Test func aBoardFromANewerVersionIsRefusedAndLeftUntouched() throws {
    _ = try BoardRepository.create(at: path(), board: Fixtures.tinyBoard())
    let queue = try DatabaseQueue(path: path())
    try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')") }
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path()))
    #expect(throws: StoreError.newerSchema(path: path())) { try BoardRepository.open(at: path()) }
    #expect(throws: StoreError.newerSchema(path: path())) { try BoardRepository.open(at: path(), readOnly: true) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path())) == before)
  }

  /// A board made before the sprint index is migrated as it opens, and opens as it was.
  @Test func aBoardFromBeforeTheSprintIndexOpensAsItWas() throws {
    let board = Fixtures.sampleBoard()
    try BoardRepository.create(at: path(), board: board).close()
    let queue = try DatabaseQueue(path: path())
    try queue.write { db in
      try db.execute(sql: "DROP INDEX story_on_sprint_rank; DELETE FROM grdb_migrations WHERE identifier = 'v7-sprint-index'")
    }
    try queue.close()
    let repository = try BoardRepository.open(at: path())
    #expect(try repository.load() == board)
    repository.close()
    let reopened = try DatabaseQueue(path: path())
    #expect(try reopened.read { try $0.indexes(on: "story").map(\.name) }.contains("story_on_sprint_rank"))
  }

  /// A board closed after reads and writes is one file: the write-ahead log folded back in, so
  /// that a copy of the board file alone is the whole board.
  @Test func aClosedBoardIsOneFile() throws {
    var board = Fixtures.tinyBoard()
    try BoardRepository.create(at: path(), board: board).close()
    let repository = try BoardRepository.open(at: path())
    _ = try repository.load()
    try repository.apply(try board.rank(StoryID(3), .before(StoryID(1)), at: Fixtures.now))
    _ = try repository.changes(since: 0)
    repository.close()
    let copy = path("copy.db")
    try FileManager.default.copyItem(atPath: path(), toPath: copy)
    #expect(try BoardRepository.open(at: copy, readOnly: true).load() == board)
  }
  @Test func theInMemoryRepositoryBehavesLikeAFile() throws {
    var board = Fixtures.tinyBoard()
    let repository = try BoardRepository.inMemory(board)
    try repository.apply(try board.rank(StoryID(3), .before(StoryID(1)), at: Fixtures.now))
    #expect(try repository.load() == board)
  }
}
