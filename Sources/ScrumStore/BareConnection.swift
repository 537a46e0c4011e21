import Foundation
import GRDBSQLite

/// An SQLite connection for reading, opened with nothing but SQLite's C API: no GRDB pool, no
/// dispatch queue, no WAL set-up. A board's first screen is read through one before GRDB has
/// opened the file (about 2 ms of set-up a start-up does not have to wait for).
final class BareConnection: RawRowSource {
  private var handle: OpaquePointer?

  /// Opens an existing file for reading and writing (a WAL board is read through its shared
  /// memory, which needs write access); never creates one. Nil when SQLite cannot open it.
  init?(path: String, busyTimeout: TimeInterval) {
    var handle: OpaquePointer?
    guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK else {
      sqlite3_close(handle)
      return nil
    }
    self.handle = handle
    sqlite3_busy_timeout(handle, Int32(clamping: Int(busyTimeout * 1000)))
    // Should this be the last connection to close, SQLite keeps the log file rather than
    // deleting it: a board opened next would otherwise set its log up again.
    var keep: Int32 = 1
    sqlite3_file_control(handle, "main", SQLITE_FCNTL_PERSIST_WAL, &keep)
  }

  deinit { close() }

  func close() {
    sqlite3_close_v2(handle)
    handle = nil
  }

  /// Runs `body` in one read transaction: everything it reads is the same moment of the file.
  func reading<T>(_ body: () throws -> T) throws -> T {
    try execute("BEGIN DEFERRED")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  private func execute(_ sql: String) throws {
    try forEachRawRow(sql) { _ in }
  }

  func forEachRawRow(_ sql: String, arguments: [SQLArgument], _ body: (RawRow) throws -> Void) throws {
    guard let handle else { throw BareConnectionError(message: "closed") }
    var prepared: OpaquePointer?
    guard sqlite3_prepare_v2(handle, sql, -1, &prepared, nil) == SQLITE_OK, let statement = prepared else {
      throw BareConnectionError(message: String(cString: sqlite3_errmsg(handle)))
    }
    defer { sqlite3_finalize(statement) }
    for (index, argument) in zip(Int32(1)..., arguments) {
      switch argument {
      case .int(let value): sqlite3_bind_int64(statement, index, Int64(value))
      // SQLITE_TRANSIENT: SQLite copies the text, which lives only for this call.
      case .text(let value): sqlite3_bind_text(statement, index, value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
      }
    }
    let row = RawRow(handle: statement)
    while true {
      switch sqlite3_step(statement) {
      case SQLITE_ROW: try body(row)
      case SQLITE_DONE: return
      default: throw BareConnectionError(message: String(cString: sqlite3_errmsg(handle)))
      }
    }
  }
}

struct BareConnectionError: Error {
  let message: String
}
