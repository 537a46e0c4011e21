import Foundation
import GRDB
import GRDBSQLite

/// A row read straight from SQLite's C API while a statement steps. Loading a board of
/// 100,000 stories reads about a million values; going through GRDB's `Row` for each costs
/// a dynamic cast and an allocation or two per value, which here is most of the time.
struct RawRow {
  let handle: SQLiteStatement

  func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
  func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
  func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
  func bool(_ column: Int32) -> Bool { sqlite3_column_int64(handle, column) != 0 }
  func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }
  func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }

  /// The column's text ("" for NULL); invalid UTF-8 is repaired, never a crash.
  func text(_ column: Int32) -> String {
    guard let bytes = sqlite3_column_text(handle, column) else { return "" }
    let count = Int(sqlite3_column_bytes(handle, column))
    return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
  }

  func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
}

/// A value for a statement's `?`: the reads of a board bind whole numbers and names only.
enum SQLArgument {
  case int(Int)
  case text(String)
}

/// A connection a board can be read through, row by row: GRDB's, or a bare one before GRDB is
/// set up (`FirstLook`).
protocol RawRowSource {
  /// Runs a query and hands each row to `body` as it is stepped.
  func forEachRawRow(_ sql: String, arguments: [SQLArgument], _ body: (RawRow) throws -> Void) throws
}

extension RawRowSource {
  func forEachRawRow(_ sql: String, _ body: (RawRow) throws -> Void) throws {
    try forEachRawRow(sql, arguments: [], body)
  }

  /// The first column of every row, as whole numbers.
  func integers(_ sql: String, arguments: [SQLArgument] = []) throws -> [Int] {
    var values: [Int] = []
    try forEachRawRow(sql, arguments: arguments) { values.append($0.int(0)) }
    return values
  }

  /// The first column of every row, as text.
  func texts(_ sql: String, arguments: [SQLArgument] = []) throws -> [String] {
    var values: [String] = []
    try forEachRawRow(sql, arguments: arguments) { values.append($0.text(0)) }
    return values
  }
}

extension Database: RawRowSource {
  func forEachRawRow(_ sql: String, arguments: [SQLArgument], _ body: (RawRow) throws -> Void) throws {
    let statement = try makeStatement(sql: sql)
    statement.arguments = StatementArguments(
      arguments.map { argument -> DatabaseValueConvertible in
        switch argument {
        case .int(let value): return value
        case .text(let value): return value
        }
      })
    let cursor = try Row.fetchCursor(statement)
    let row = RawRow(handle: statement.sqliteStatement)
    while try cursor.next() != nil { try body(row) }
  }
}
