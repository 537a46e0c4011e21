import Foundation
import GRDB
import Glibc
import ScrumCore

/// A file's device and inode: the same path naming another file is noticed.
struct FileIdentity: Equatable {
  let device: UInt64
  let inode: UInt64

  init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }
}

/// What a write did: the change as stored (a new story may have been given another key, if
/// another process took its number first), and the board's revision before and after.
public struct WriteResult: Equatable, Sendable {
  public let change: BoardChange
  public let previousRevision: Int
  public let revision: Int
  /// New stories whose number was taken meanwhile, with the number they got.
  public let renumbered: [StoryID: StoryID]
}

/// What other writers changed since a revision: the settings whole (they are small), and only
/// the stories that changed or went away.
public struct BoardUpdate: Sendable {
  public let revision: Int
  /// The board's settings; its stories are empty.
  public let settings: Board
  public let changedStories: [Story]
  public let deletedStories: [StoryID]
}

/// Where a board lives: loads it whole at start, then writes each change through in its own
/// transaction, touching only the rows that change, and tells what others changed.
public protocol BoardStore: AnyObject {
  func load() throws -> Board
  /// The board and the revision it was read at, in one read.
  func loadWithRevision() throws -> (Board, Int)
  @discardableResult func apply(_ change: BoardChange) throws -> WriteResult
  /// The board's revision now; cheap enough to poll several times a second.
  func revision() throws -> Int
  func changes(since revision: Int) throws -> BoardUpdate
}

/// The SQLite board, through GRDB: a WAL-mode file, or an in-memory database for tests.
public final class BoardRepository: BoardStore {
  private let writer: any DatabaseWriter
  /// The file's path, or nil for an in-memory board.
  public let path: String?

  /// The file's identity when opened: writing to a board that was deleted or replaced under us
  /// would save into a file nobody will ever open again.
  private let identity: FileIdentity?

  private init(writer: any DatabaseWriter, path: String?) {
    self.writer = writer
    self.path = path
    self.identity = path.flatMap(FileIdentity.init)
  }

  /// Throws if the board file is no longer the one that was opened.
  private func checkFileIsStillThere() throws {
    guard let path, let identity else { return }
    guard FileIdentity(path: path) == identity else { throw StoreError.fileReplaced(path: path) }
  }

  // MARK: opening

  /// A new board in memory, with the same schema as a file (for tests).
  public static func inMemory(_ board: Board) throws -> BoardRepository {
    var configuration = Configuration()
    registerOwner(Int(getuid()), in: &configuration)
    let queue = try DatabaseQueue(configuration: configuration)
    try Schema.migrator.migrate(queue)
    let repository = BoardRepository(writer: queue, path: nil)
    try repository.replaceAll(with: board)
    return repository
  }

  /// Creates a new board file holding `board`. The file is readable and writable by its owner
  /// only, or also by its group when `shared` (a team's board on a shared host).
  public static func create(at path: String, board: Board, shared: Bool = false) throws -> BoardRepository {
    let fileManager = FileManager.default
    let folder = BoardLocator.folder(containing: path)
    if !fileManager.fileExists(atPath: folder) {
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
    Glibc.close(descriptor)
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

  /// Opens an existing board file. Its first connection looks inside before anything else is
  /// done (WAL mode, migrations): a foreign SQLite file or a board from a newer `scrum` is
  /// refused without being touched.
  ///
  /// `readOnly` opens it for reading alone (list, show, export), which works on a file or
  /// folder the user may not write to, and never changes a byte.
  /// `owner` is the Unix user rows are written as (presence, votes); another one only in tests.
  public static func open(at path: String, readOnly: Bool = false, owner: Int = Int(getuid())) throws -> BoardRepository {
    guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw StoreError.cannotOpen(path: path, reason: "permission denied")
    }
    if readOnly {
      do {
        return BoardRepository(
          writer: try withGroupPermissions(of: path) { try openReadOnlyQueue(at: path, owner: owner) }, path: path)
      } catch {
        throw classify(error, path: path)
      }
    }
    guard access(path, W_OK) == 0, access(BoardLocator.folder(containing: path), W_OK) == 0 else {
      throw StoreError.readOnly(path: path)
    }
    do {
      return try withGroupPermissions(of: path) {
        let pool = try openPool(at: path, owner: owner, checkingBoard: true)
        // The migrator asks GRDB's introspection first (see checkIsBoard): only when needed.
        if try pool.writeWithoutTransaction(BoardReading.appliedMigrations) != Schema.identifiers { try Schema.migrator.migrate(pool) }
        return BoardRepository(writer: pool, path: path)
      }
    } catch {
      throw classify(error, path: path)
    }
  }

  /// Runs `body` (the opening of a board, which may create its log files) with the group's
  /// bits out of the umask when the board is shared with its group. SQLite creates the `-wal`
  /// and `-shm` files under the umask and gives them the board's permissions only after: a
  /// teammate's scrum opening the board in between finds them read-only to it for good, and
  /// fails at its first write (seen with two users of a group opening a board at once).
  private static func withGroupPermissions<T>(of path: String, _ body: () throws -> T) rethrows -> T {
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & 0o060 != 0 else { return try body() }
    // The umask is read by setting it: any value first, then the one meant.
    let previous = umask(0o077)
    umask(previous & ~0o070)
    defer { umask(previous) }
    return try body()
  }

  /// Refuses a file that is not a board, or a board a newer `scrum` has migrated. In plain SQL:
  /// GRDB's schema introspection costs a millisecond more on a connection's first use, at the
  /// start of every board opened.
  private static func checkIsBoard(_ db: Database, path: String) throws {
    guard try BoardReading.looksLikeABoard(db) else { throw StoreError.notABoard(path: path) }
    if try !BoardReading.appliedMigrations(db).isSubset(of: Schema.identifiers) { throw StoreError.newerSchema(path: path) }
  }

  private static func classify(_ error: Error, path: String) -> StoreError {
    if let error = error as? StoreError { return error }
    if let error = error as? DatabaseError {
      switch error.resultCode {
      case .SQLITE_NOTADB, .SQLITE_CORRUPT:
        return hasSQLiteHeader(path) ? .damaged(path: path) : .notABoard(path: path)
      case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
      case .SQLITE_READONLY: return .readOnly(path: path)
      default: break
      }
    }
    return .cannotOpen(path: path, reason: "\(error)")
  }

  /// A read-only connection that changes nothing on disk, to a file that is a board this
  /// `scrum` can read.
  private static func openReadOnlyQueue(at path: String, owner: Int) throws -> DatabaseQueue {
    var configuration = Configuration()
    registerOwner(owner, in: &configuration)
    configuration.prepareDatabase { db in try checkIsBoard(db, path: path) }
    configuration.readonly = true
    configuration.busyMode = .timeout(lockTimeout)
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      // Opening is lazy about the file; a first read tells whether it can be read at all.
      try queue.read { db in _ = try Row.fetchOne(db, sql: "SELECT * FROM sqlite_master LIMIT 1") }
      return queue
    } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
      // A WAL board in a folder the user cannot write has no shared-memory file to read
      // through; read the file as it stands (nobody can be writing it: they couldn't either).
      return try DatabaseQueue(path: immutableURI(path), configuration: configuration)
    }
  }

  private static func immutableURI(_ path: String) -> String {
    let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    return "file:\(escaped)?immutable=1"
  }

  /// Whether the file starts as every SQLite database does: a damaged board, rather than a
  /// file that never was one.
  private static func hasSQLiteHeader(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    return header == Data("SQLite format 3\u{0}".utf8)
  }

  /// How long a write waits for another writer before giving up: `$SCRUM_LOCK_TIMEOUT`
  /// seconds, default 5.
  static var lockTimeout: TimeInterval {
    // getenv, not ProcessInfo: its set-up costs 0.2 ms of every start.
    let text = getenv("SCRUM_LOCK_TIMEOUT").map { String(cString: $0) } ?? ""
    return Double(text).flatMap { $0 >= 0 ? $0 : nil } ?? 5
  }

  /// Every connection knows its Unix user as `scrum_uid()`, which the triggers on rows that
  /// belong to a user compare with.
  private static func registerOwner(_ owner: Int, in configuration: inout Configuration) {
    configuration.prepareDatabase { db in
      db.add(function: DatabaseFunction("scrum_uid", argumentCount: 0, pure: false) { _ in owner })
    }
  }

  /// The pool a board is used through. `checkingBoard`, its writer connection looks inside as it
  /// opens, before the pool turns WAL mode on: a foreign or newer file is refused untouched.
  private static func openPool(at path: String, owner: Int = Int(getuid()), checkingBoard: Bool = false) throws -> DatabasePool {
    var configuration = Configuration()
    registerOwner(owner, in: &configuration)
    if checkingBoard {
      configuration.prepareDatabase { db in
        if !db.configuration.readonly { try checkIsBoard(db, path: path) }
      }
    }
    // Several people's processes share one file at standup: wait for a writer, don't fail.
    configuration.busyMode = .timeout(lockTimeout)
    configuration.foreignKeysEnabled = true
    let pool = try DatabasePool(path: path, configuration: configuration)
    // An action shown as done must survive a power cut: one fsync per commit. The pool sets
    // NORMAL while opening, so this comes after.
    try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    return pool
  }

  /// Closes the file. What this process changed is folded back from the write-ahead log into
  /// the board file first, so that a closed board is one self-contained file (to copy, back up
  /// or compare): SQLite would do it as the last connection closes, but GRDB closes its readers
  /// last, which may not write (GRDB issue 739). Without a change, the file is left alone.
  public func close() {
    if let pool = writer as? DatabasePool {
      // Passive: copies what nobody is still reading, and never waits for a teammate.
      _ = try? pool.writeWithoutTransaction { db in
        guard db.totalChangesCount > 0 else { return }
        let log = try db.checkpoint(.passive)
        // All of it copied: one more write of a page, unchanged, makes SQLite start the log
        // over, and that page is copied too. The next process to open the board then reads back
        // one frame of log instead of every frame since the log last started over (up to its
        // 1,000-page checkpoint, 4 MB: a millisecond of checksums on every open). The version
        // field written is SQLite's user_version, which nothing here uses, set to what it is.
        guard log.walFrameCount > 1, log.checkpointedFrameCount == log.walFrameCount else { return }
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        try db.execute(sql: "PRAGMA user_version = \(version)")
        _ = try db.checkpoint(.passive)
      }
    }
    try? writer.close()
  }

  // MARK: reading

  public func load() throws -> Board { try loadWithRevision().0 }

  public func loadWithRevision() throws -> (Board, Int) {
    try reading { db in
      let settings = try settings(db)
      let stories = try BoardReading.stories(db, storyCondition: nil)
      return (settings.with(stories: stories), try BoardReading.revision(db))
    }
  }

  /// The first screen of a large board, read at once while the rest loads: the settings, the
  /// stories of the sprints still open, the first `backlogLimit` product backlog stories by rank
  /// and the backlog's totals. Nil when its stories are numbered below `minimumStories` (see
  /// `BoardReading.numbersReach`): loading all of it is then as quick. Its stories are as a
  /// first screen shows them (see `BoardReading.top`): status history only when asked for, no
  /// tasks or estimate history.
  public func loadPreview(backlogLimit: Int, minimumStories: Int = 0, statusHistory: Bool = true) throws -> Preview? {
    try readingOnWriter { db in
      let settings = try settings(db)
      guard BoardReading.numbersReach(settings, minimumStories) else { return nil }
      return try BoardReading.top(db, settings: settings, backlogLimit: backlogLimit, statusHistory: statusHistory)
    }
  }

  /// The top of a board and its backlog's totals (see `loadPreview`).
  public struct Preview: Sendable {
    public let board: Board
    public let backlogTotals: StoryTotals
  }

  /// The product backlog's totals, as the board file's triggers keep them (schema v8).
  public func backlogTotals() throws -> StoryTotals {
    try reading { db in try BoardReading.backlogTotals(db) }
  }

  public func revision() throws -> Int {
    try checkFileIsStillThere()
    return try reading { db in try BoardReading.revision(db) }
  }

  public func changes(since revision: Int) throws -> BoardUpdate {
    try reading { db in
      let changed = try BoardReading.stories(db, storyCondition: "revision > ?", arguments: [.int(revision)])
      let deleted = try Int.fetchAll(db, sql: "SELECT number FROM deletedStory WHERE revision > ?", arguments: [revision])
      return BoardUpdate(
        revision: try BoardReading.revision(db), settings: try settings(db), changedStories: changed,
        deletedStories: deleted.map(StoryID.init))
    }
  }

  /// A write that is not a change to the board (presence, poker): no revision, no story stamps.
  func writeTogether<T>(_ body: (Database) throws -> T) throws -> T {
    try checkFileIsStillThere()
    do {
      return try writer.write(body)
    } catch let error as DatabaseError {
      throw StoreError.writeFailed(reason: error.message ?? "\(error)")
    }
  }

  func readTogether<T>(_ body: (Database) throws -> T) throws -> T { try reading(body) }

  /// Runs a read; a damaged file becomes a clear error instead of a crash or a half-read board.
  private func reading<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try writer.read(body)
    } catch let error as DatabaseError {
      throw path.map { BoardRepository.classify(error, path: $0) } ?? StoreError.writeFailed(reason: "\(error)")
    }
  }

  /// A read on the connection the board was opened with, in a transaction of its own. Before
  /// the first screen, `reading` would first open one more connection to the file (0.4 ms).
  private func readingOnWriter<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try writer.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.deferred) {
          result = try db.readOnly { try body(db) }
          return .commit
        }
        // Always set: the transaction ran the body, or threw.
        guard let result else { throw StoreError.writeFailed(reason: "a read that did not run") }
        return result
      }
    } catch let error as DatabaseError {
      throw path.map { BoardRepository.classify(error, path: $0) } ?? StoreError.writeFailed(reason: "\(error)")
    }
  }

  /// Everything but the stories; a file without its board row is no board.
  private func settings(_ db: Database) throws -> Board {
    guard let settings = try BoardReading.settings(db) else { throw StoreError.notABoard(path: path ?? ":memory:") }
    return settings
  }

  // MARK: writing

  @discardableResult
  public func apply(_ change: BoardChange) throws -> WriteResult {
    try checkFileIsStillThere()
    do {
      return try writer.write { db in
        let previous = try BoardReading.revision(db)
        let revision = previous + 1
        try db.execute(sql: "UPDATE board SET revision = ? WHERE id = 1", arguments: [revision])
        var renumbered: [StoryID: StoryID] = [:]
        let stored = try write(change, in: db, revision: revision, renumbered: &renumbered)
        return WriteResult(change: stored, previousRevision: previous, revision: revision, renumbered: renumbered)
      }
    } catch let error as StoreError {
      throw error
    } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
      throw StoreError.busy(path: path ?? ":memory:")
    } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
      throw StoreError.readOnly(path: path ?? ":memory:")
    } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL || error.extendedResultCode == .SQLITE_IOERR_WRITE {
      throw StoreError.diskFull(path: path ?? ":memory:")
    } catch {
      throw StoreError.writeFailed(reason: "\(error)")
    }
  }

  /// Writes one change; returns it as stored.
  private func write(
    _ change: BoardChange, in db: Database, revision: Int, renumbered: inout [StoryID: StoryID]
  ) throws -> BoardChange {
    switch change {
    case .storyAdded(var story):
      story.id = try numberForNewStory(story.id, in: db)
      if story.id != change.storyIDs.first, let old = change.storyIDs.first { renumbered[old] = story.id }
      try insert(story, in: db, revision: revision)
      try db.execute(sql: "DELETE FROM deletedStory WHERE number = ?", arguments: [story.id.number])
      try db.execute(
        sql: "UPDATE board SET nextStoryNumber = max(nextStoryNumber, ?) WHERE id = 1", arguments: [story.id.number + 1])
      return .storyAdded(story)
    case .storyDeleted(let id):
      try db.execute(sql: "DELETE FROM story WHERE number = ?", arguments: [id.number])
      try requireStory(id, in: db)
      try db.execute(
        sql: "INSERT OR REPLACE INTO deletedStory (number, revision) VALUES (?, ?)", arguments: [id.number, revision])
    case .storyRanked(let id, let rank, let updatedAt):
      try db.execute(
        sql: "UPDATE story SET rank = ?, updatedAt = ?, revision = ? WHERE number = ?",
        arguments: [rank.value, updatedAt.timeIntervalSince1970, revision, id.number])
      try requireStory(id, in: db)
    case .storyEdited(let id, let fields, let updatedAt):
      let scopeBefore = fields.contains(where: \.changesScope) ? try scope(of: id, in: db) : nil
      // Only the columns this edit sets: another writer's edit of other fields survives.
      var assignments = ["updatedAt = ?", "revision = ?"]
      var values: [DatabaseValueConvertible?] = [updatedAt.timeIntervalSince1970, revision]
      for field in fields {
        let (column, value) = StoryRecord.column(for: field.normalized)
        assignments.append("\(column) = ?")
        values.append(value)
      }
      values.append(id.number)
      try db.execute(
        sql: "UPDATE story SET \(assignments.joined(separator: ", ")) WHERE number = ?",
        arguments: StatementArguments(values))
      try requireStory(id, in: db)
      if let scopeBefore, let scopeAfter = try scope(of: id, in: db), scopeAfter != scopeBefore {
        // Recorded against what the file held, not this process's copy: another writer may
        // have moved the story since.
        try ScopeChangeRecord(
          storyNumber: id.number,
          change: ScopeChange(
            at: updatedAt, sprint: scopeAfter.sprint, points: scopeAfter.points.flatMap(Points.init),
            previousSprint: scopeBefore.sprint, previousPoints: scopeBefore.points.flatMap(Points.init))
        ).insert(db)
      }
    case .storyMoved(let id, let status, let at):
      guard let current = try String.fetchOne(db, sql: "SELECT status FROM story WHERE number = ?", arguments: [id.number])
      else { throw StoreError.storyGone(id.number) }
      if current != status {
        try db.execute(
          sql: "UPDATE story SET status = ?, updatedAt = ?, revision = ? WHERE number = ?",
          arguments: [status, at.timeIntervalSince1970, revision, id.number])
        try StatusChangeRecord(storyNumber: id.number, change: StatusChange(from: current, to: status, at: at)).insert(db)
      }
    case .criterionSet(let id, let index, let criterion, let updatedAt):
      try db.execute(
        sql: "UPDATE criterion SET text = ?, done = ? WHERE storyNumber = ? AND position = ?",
        arguments: [criterion.text, criterion.done, id.number, index])
      try requireRow(in: db)
      try touch(id, at: updatedAt, in: db, revision: revision)
    case .taskSet(let id, let index, let task, let updatedAt):
      try db.execute(
        sql: "UPDATE task SET title = ?, done = ?, assignee = ? WHERE storyNumber = ? AND position = ?",
        arguments: [task.title, task.done, task.assignee, id.number, index])
      try requireRow(in: db)
      try touch(id, at: updatedAt, in: db, revision: revision)
    case .criteriaReplaced(let id, let criteria, let updatedAt):
      try touch(id, at: updatedAt, in: db, revision: revision)
      try db.execute(sql: "DELETE FROM criterion WHERE storyNumber = ?", arguments: [id.number])
      for (position, criterion) in criteria.enumerated() {
        try CriterionRecord(storyNumber: id.number, position: position, criterion: criterion).insert(db)
      }
    case .tasksReplaced(let id, let tasks, let updatedAt):
      try touch(id, at: updatedAt, in: db, revision: revision)
      try db.execute(sql: "DELETE FROM task WHERE storyNumber = ?", arguments: [id.number])
      for (position, task) in tasks.enumerated() {
        try TaskRecord(storyNumber: id.number, position: position, task: task).insert(db)
      }
    case .sprintAdded(let sprint):
      let position = (try Int.fetchOne(db, sql: "SELECT max(position) FROM sprint") ?? -1) + 1
      try SprintRecord(sprint, position: position).insert(db)
    case .sprintRemoved(let name):
      try db.execute(sql: "DELETE FROM sprint WHERE name = ?", arguments: [name])
    case .epicAdded(let epic):
      let position = (try Int.fetchOne(db, sql: "SELECT max(position) FROM epic") ?? -1) + 1
      try EpicRecord(epic, position: position).insert(db)
    case .epicRemoved(let key):
      try db.execute(sql: "DELETE FROM epic WHERE key = ?", arguments: [key])
    case .sprintUpdated(let sprint):
      try db.execute(
        sql: "UPDATE sprint SET goal = ?, start = ?, \"end\" = ?, state = ?, capacity = ?, closedAt = ? WHERE name = ?",
        arguments: [
          sprint.goal, sprint.start?.description, sprint.end?.description, sprint.state.rawValue, sprint.capacity,
          sprint.closedAt?.timeIntervalSince1970, sprint.name,
        ])
      try requireRow(in: db)
    case .workingDaysSet(let days):
      try db.execute(sql: "UPDATE board SET workingDays = ? WHERE id = 1", arguments: [days.description])
    case .batch(let changes):
      return .batch(try changes.map { try write($0, in: db, revision: revision, renumbered: &renumbered) })
    }
    return change
  }

  /// A new story keeps its number unless another process took it (or it was ever used): keys
  /// are never reused. A deleted story brought back by undo keeps its own number.
  private func numberForNewStory(_ id: StoryID, in db: Database) throws -> StoryID {
    let next = try Int.fetchOne(db, sql: "SELECT nextStoryNumber FROM board WHERE id = 1") ?? 1
    let inUse = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM story WHERE number = ?)", arguments: [id.number]) ?? false
    let wasDeleted = try Bool.fetchOne(
      db, sql: "SELECT EXISTS (SELECT 1 FROM deletedStory WHERE number = ?)", arguments: [id.number]) ?? false
    if !inUse, id.number >= next || wasDeleted { return id }
    return StoryID(next)
  }

  private func touch(_ id: StoryID, at updatedAt: Date, in db: Database, revision: Int) throws {
    try db.execute(
      sql: "UPDATE story SET updatedAt = ?, revision = ? WHERE number = ?",
      arguments: [updatedAt.timeIntervalSince1970, revision, id.number])
    try requireStory(id, in: db)
  }

  /// The last statement must have changed a story row; otherwise another process deleted it.
  private func requireStory(_ id: StoryID, in db: Database) throws {
    if db.changesCount == 0 { throw StoreError.storyGone(id.number) }
  }

  private func requireRow(in db: Database) throws {
    if db.changesCount == 0 { throw StoreError.rowGone }
  }

  /// Replaces a board that has no stories, sprints or epics yet (a fresh `scrum init`) with a
  /// whole imported one, keys included, in one transaction.
  public func replaceEmptyBoard(with board: Board) throws {
    try writer.write { db in
      let used = try Int.fetchOne(
        db, sql: "SELECT (SELECT count(*) FROM story) + (SELECT count(*) FROM sprint) + (SELECT count(*) FROM epic)") ?? 0
      guard used == 0 else { throw StoreError.notEmpty(path: path ?? ":memory:") }
      let revision = try BoardReading.revision(db) + 1
      for table in ["doneItem", "boardColumn", "member", "deletedStory", "board"] {
        try db.execute(sql: "DELETE FROM \(table)")
      }
      try insertAll(board, in: db, revision: revision)
      try db.execute(sql: "UPDATE board SET revision = ? WHERE id = 1", arguments: [revision])
    }
  }

  /// Writes a whole board into an empty database, in one transaction.
  private func replaceAll(with board: Board) throws {
    try writer.write { db in try insertAll(board, in: db, revision: 0) }
  }

  private func insertAll(_ board: Board, in db: Database, revision: Int) throws {
      try BoardRecord(
        name: board.name, prefix: board.prefix, nextStoryNumber: board.nextStoryNumber, workingDays: board.workingDays
      ).insert(db)
      for (position, text) in board.definitionOfDone.enumerated() {
        try DoneItemRecord(position: position, text: text).insert(db)
      }
      for (position, column) in board.columns.enumerated() { try ColumnRecord(column, position: position).insert(db) }
      for (position, name) in board.members.enumerated() { try MemberRecord(name: name, position: position).insert(db) }
      for (position, epic) in board.epics.enumerated() { try EpicRecord(epic, position: position).insert(db) }
      for (position, sprint) in board.sprints.enumerated() { try SprintRecord(sprint, position: position).insert(db) }
      for story in board.stories { try insert(story, in: db, revision: revision) }
  }

  private func insert(_ story: Story, in db: Database, revision: Int) throws {
    try StoryRecord(story, revision: revision).insert(db)
    let number = story.id.number
    for (position, criterion) in story.acceptanceCriteria.enumerated() {
      try CriterionRecord(storyNumber: number, position: position, criterion: criterion).insert(db)
    }
    for (position, task) in story.tasks.enumerated() {
      try TaskRecord(storyNumber: number, position: position, task: task).insert(db)
    }
    for change in story.history { try StatusChangeRecord(storyNumber: number, change: change).insert(db) }
    for change in story.scopeHistory { try ScopeChangeRecord(storyNumber: number, change: change).insert(db) }
  }

  private struct StoredScope: Equatable {
    var sprint: String?
    var points: Double?
  }

  /// A story's sprint and estimate as the file holds them.
  private func scope(of id: StoryID, in db: Database) throws -> StoredScope? {
    guard let row = try Row.fetchOne(db, sql: "SELECT sprint, points FROM story WHERE number = ?", arguments: [id.number])
    else { return nil }
    return StoredScope(sprint: row[0], points: row[1])
  }
}
