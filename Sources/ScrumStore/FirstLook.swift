import Foundation
import Glibc
import ScrumCore

/// A board's first screen, read through a bare SQLite connection before the board is opened
/// through GRDB, so that the screen can be drawn first (GRDB's pool, its WAL set-up and its
/// first connection's checks cost about 2 ms of a 10 ms start).
///
/// Only the ordinary case is read here: an existing board this `scrum` can write, at the
/// current schema. Anything else (a missing, foreign, damaged, newer or older file, one that
/// cannot be written, a lock held too long) gives nil, and `BoardRepository.open` then does
/// what it always does, its clear error included, before the terminal is touched.
public final class FirstLook {
  /// The board file looked at.
  public let path: String
  /// The settings, the open sprints' stories and the top of the backlog, with the backlog's
  /// totals; the whole board when it is small. Nil once the whole board has been taken.
  public private(set) var preview: BoardRepository.Preview?
  /// The revision a small board (fewer stories than the threshold) was read whole at: there is
  /// then nothing more to load.
  private let wholeBoardRevision: Int?
  private let connection: BareConnection

  /// Reads the first `backlogLimit` backlog stories by rank (as `BoardRepository.loadPreview`
  /// does, status history only if `statusHistory`), or the whole board when its stories are
  /// numbered below `wholeBelow` (see `BoardReading.numbersReach`); nil when anything is out of
  /// the ordinary (see above).
  public static func read(
    path: String, backlogLimit: Int, wholeBelow threshold: Int, statusHistory: Bool = true
  ) -> FirstLook? {
    guard access(path, R_OK | W_OK) == 0, access(BoardLocator.folder(containing: path), W_OK) == 0,
      // A short wait: a lock held longer is the usual open's to wait for and report, once.
      let connection = BareConnection(path: path, busyTimeout: min(BoardRepository.lockTimeout, 0.2))
    else { return nil }
    do {
      return try connection.reading {
        guard try BoardReading.looksLikeABoard(connection),
          try BoardReading.appliedMigrations(connection) == Schema.identifiers
        else { return nil }
        guard let settings = try BoardReading.settings(connection) else { return nil }
        if BoardReading.numbersReach(settings, threshold) {
          let top = try BoardReading.top(
            connection, settings: settings, backlogLimit: backlogLimit, statusHistory: statusHistory)
          return FirstLook(path: path, preview: top, wholeBoardRevision: nil, connection: connection)
        }
        let board = settings.with(stories: try BoardReading.stories(connection, storyCondition: nil))
        let totals = try BoardReading.backlogTotals(connection)
        return FirstLook(
          path: path, preview: BoardRepository.Preview(board: board, backlogTotals: totals),
          wholeBoardRevision: try BoardReading.revision(connection), connection: connection)
      }
    } catch {
      return nil
    }
  }

  private init(path: String, preview: BoardRepository.Preview, wholeBoardRevision: Int?, connection: BareConnection) {
    self.path = path
    self.preview = preview
    self.wholeBoardRevision = wholeBoardRevision
    self.connection = connection
  }

  /// The whole board and its revision, if it was read whole. Handed over once, the preview
  /// with it, so that the caller holds the only reference (a board shared is copied whole at
  /// its first change).
  public func takeWholeBoard() -> (board: Board, revision: Int)? {
    guard let revision = wholeBoardRevision, let board = preview?.board else { return nil }
    preview = nil
    return (board, revision)
  }

  /// Ends the bare connection. Call it once the board is open through GRDB: SQLite's last
  /// connection to a file checkpoints its log as it closes, which this read-only one should
  /// not be the one to do.
  public func close() { connection.close() }
}
