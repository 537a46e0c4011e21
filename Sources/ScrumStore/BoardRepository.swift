import Foundation
import GRDB
import Glibc
import ScrumCore

/// Where a board lives: loads it whole at start, then writes each change through in its own
/// transaction, touching only the rows that change.
public protocol BoardStore: AnyObject {
  func load() throws -> Board
  func apply(_ change: BoardChange) throws
}

/// The SQLite board, through GRDB: a WAL-mode file, or an in-memory database for tests.
public final class BoardRepository: BoardStore {
  private let writer: any DatabaseWriter
  /// The file's path, or nil for an in-memory board.
  public let path: String?

  private init(writer: any DatabaseWriter, path: String?) {
    self.writer = writer
    self.path = path
  }

  // MARK: opening

  /// A new board in memory, with the same schema as a file (for tests).
  public static func inMemory(_ board: Board) throws -> BoardRepository {
    let queue = try DatabaseQueue()
    try Schema.migrator.migrate(queue)
    let repository = BoardRepository(writer: queue, path: nil)
    try repository.replaceAll(with: board)
    return repository
  }

  /// Creates a new board file holding `board`. The file is readable and writable by its owner
  /// only, or also by its group when `shared` (a team's board on a shared host).
  public static func create(at path: String, board: Board, shared: Bool = false) throws -> BoardRepository {
    let fileManager = FileManager.default
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty, !fileManager.fileExists(atPath: folder) {
      do {
        try fileManager.createDirectory(
          atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: shared ? 0o770 : 0o700])
      } catch {
        throw StoreError.cannotOpen(path: path, reason: "cannot create the folder \(folder)")
      }
    }
    let mode: mode_t = shared ? 0o660 : 0o600
    let descriptor = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
    guard descriptor >= 0 else {
      if errno == EEXIST { throw StoreError.alreadyExists(path: path) }
      throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    // The umask may have taken bits away; the mode asked for is the one we mean.
    fchmod(descriptor, mode)
    close(descriptor)
    do {
      let pool = try openPool(at: path)
      try Schema.migrator.migrate(pool)
      let repository = BoardRepository(writer: pool, path: path)
      try repository.replaceAll(with: board)
      return repository
    } catch {
      // Leave nothing half-made behind.
      for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: path + suffix) }
      throw StoreError.cannotOpen(path: path, reason: "\(error)")
    }
  }

  /// Opens an existing board file. The file is checked through a read-only connection first, so
  /// that a foreign SQLite file or a board from a newer `scrum` is refused without being touched.
  public static func open(at path: String) throws -> BoardRepository {
    guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw StoreError.cannotOpen(path: path, reason: "permission denied")
    }
    try checkIsBoard(at: path)
    do {
      let pool = try openPool(at: path)
      try Schema.migrator.migrate(pool)
      return BoardRepository(writer: pool, path: path)
    } catch {
      throw StoreError.cannotOpen(path: path, reason: "\(error)")
    }
  }

  private static func checkIsBoard(at path: String) throws {
    var configuration = Configuration()
    configuration.readonly = true
    var verdict: StoreError?
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      verdict = try queue.read { db -> StoreError? in
        guard try db.tableExists("grdb_migrations"), try db.tableExists("board") else {
          return .notABoard(path: path)
        }
        return try Schema.migrator.hasBeenSuperseded(db) ? .newerSchema(path: path) : nil
      }
      try queue.close()
    } catch {
      verdict = classify(error, path: path)
    }
    if let verdict { throw verdict }
  }

  private static func classify(_ error: Error, path: String) -> StoreError {
    if let error = error as? DatabaseError, error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
      return .notABoard(path: path)
    }
    return .cannotOpen(path: path, reason: "\(error)")
  }

  private static func openPool(at path: String) throws -> DatabasePool {
    var configuration = Configuration()
    // Several people's processes share one file at standup: wait for a writer, don't fail.
    configuration.busyMode = .timeout(5)
    configuration.foreignKeysEnabled = true
    let pool = try DatabasePool(path: path, configuration: configuration)
    // An action shown as done must survive a power cut: one fsync per commit. The pool sets
    // NORMAL while opening, so this comes after.
    try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    return pool
  }

  // MARK: reading

  public func load() throws -> Board {
    try writer.read { db in
      guard let boardRow = try BoardRecord.fetchOne(db, sql: "SELECT * FROM board WHERE id = 1") else {
        throw StoreError.notABoard(path: path ?? ":memory:")
      }
      let done = try DoneItemRecord.fetchAll(db, sql: "SELECT * FROM doneItem ORDER BY position")
      let columns = try ColumnRecord.fetchAll(db, sql: "SELECT * FROM boardColumn ORDER BY position")
      let members = try MemberRecord.fetchAll(db, sql: "SELECT * FROM member ORDER BY position")
      let epics = try EpicRecord.fetchAll(db, sql: "SELECT * FROM epic ORDER BY position")
      let sprints = try SprintRecord.fetchAll(db, sql: "SELECT * FROM sprint ORDER BY position")
      var criteria: [Int: [Criterion]] = [:]
      for record in try CriterionRecord.fetchAll(db, sql: "SELECT * FROM criterion ORDER BY storyNumber, position") {
        criteria[record.storyNumber, default: []].append(record.criterion)
      }
      var tasks: [Int: [StoryTask]] = [:]
      for record in try TaskRecord.fetchAll(db, sql: "SELECT * FROM task ORDER BY storyNumber, position") {
        tasks[record.storyNumber, default: []].append(record.task)
      }
      var history: [Int: [StatusChange]] = [:]
      for record in try StatusChangeRecord.fetchAll(db, sql: "SELECT * FROM statusChange ORDER BY id") {
        history[record.storyNumber, default: []].append(record.change)
      }
      let stories = try StoryRecord.fetchAll(db, sql: "SELECT * FROM story").map { record -> Story in
        var story = record.story
        story.acceptanceCriteria = criteria[story.id.number] ?? []
        story.tasks = tasks[story.id.number] ?? []
        story.history = history[story.id.number] ?? []
        return story
      }
      return Board(
        name: boardRow.name, prefix: boardRow.prefix, definitionOfDone: done.map(\.text),
        columns: columns.map(\.column), members: members.map(\.name), epics: epics.map(\.epic),
        sprints: sprints.map(\.sprint), stories: stories, nextStoryNumber: boardRow.nextStoryNumber)
    }
  }

  // MARK: writing

  public func apply(_ change: BoardChange) throws {
    do {
      try writer.write { db in
        switch change {
        case .storyAdded(let story):
          try insert(story, in: db)
          try db.execute(
            sql: "UPDATE board SET nextStoryNumber = max(nextStoryNumber, ?) WHERE id = 1",
            arguments: [story.id.number + 1])
        case .storyRanked(let id, let rank, let updatedAt):
          try db.execute(
            sql: "UPDATE story SET rank = ?, updatedAt = ? WHERE number = ?",
            arguments: [rank.value, updatedAt.timeIntervalSince1970, id.number])
        }
      }
    } catch {
      throw StoreError.writeFailed(reason: "\(error)")
    }
  }

  /// Writes a whole board into an empty database, in one transaction.
  private func replaceAll(with board: Board) throws {
    try writer.write { db in
      try BoardRecord(name: board.name, prefix: board.prefix, nextStoryNumber: board.nextStoryNumber).insert(db)
      for (position, text) in board.definitionOfDone.enumerated() {
        try DoneItemRecord(position: position, text: text).insert(db)
      }
      for (position, column) in board.columns.enumerated() { try ColumnRecord(column, position: position).insert(db) }
      for (position, name) in board.members.enumerated() { try MemberRecord(name: name, position: position).insert(db) }
      for (position, epic) in board.epics.enumerated() { try EpicRecord(epic, position: position).insert(db) }
      for (position, sprint) in board.sprints.enumerated() { try SprintRecord(sprint, position: position).insert(db) }
      for story in board.stories { try insert(story, in: db) }
    }
  }

  private func insert(_ story: Story, in db: Database) throws {
    try StoryRecord(story).insert(db)
    let number = story.id.number
    for (position, criterion) in story.acceptanceCriteria.enumerated() {
      try CriterionRecord(storyNumber: number, position: position, criterion: criterion).insert(db)
    }
    for (position, task) in story.tasks.enumerated() {
      try TaskRecord(storyNumber: number, position: position, task: task).insert(db)
    }
    for change in story.history { try StatusChangeRecord(storyNumber: number, change: change).insert(db) }
  }
}
