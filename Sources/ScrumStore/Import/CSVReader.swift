/// RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks, CRLF or LF line
/// ends, a leading byte-order mark. Each record remembers the line it starts on, for error
/// messages (which the CSV packages available here do not give).
public struct CSVRecord: Sendable {
  public let line: Int
  public let fields: [String]
}

public enum CSVReader {
  public struct Failure: Error, Equatable {
    public let line: Int
    public let message: String
  }

  public static func records(_ text: String) throws -> [CSVRecord] {
    var records: [CSVRecord] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var quotedFieldClosed = false
    var line = 1
    var recordLine = 1
    var bytes = Array(text.utf8)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var index = 0
    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
      quotedFieldClosed = false
    }
    func endRecord() {
      endField()
      // A blank line is not a record.
      if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecord(line: recordLine, fields: fields)) }
      fields.removeAll(keepingCapacity: true)
    }
    while index < bytes.count {
      let byte = bytes[index]
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
            field.append(byte)
            index += 2
            continue
          }
          inQuotes = false
          quotedFieldClosed = true
        } else {
          if byte == UInt8(ascii: "\n") { line += 1 }
          field.append(byte)
        }
        index += 1
        continue
      }
      switch byte {
      case UInt8(ascii: ","):
        endField()
      case UInt8(ascii: "\r"):
        break  // CRLF: the LF ends the record.
      case UInt8(ascii: "\n"):
        endRecord()
        line += 1
        recordLine = line
      case UInt8(ascii: "\""):
        guard field.isEmpty, !quotedFieldClosed else {
          throw Failure(line: line, message: "a quote inside an unquoted field (quote the whole field and double the quote)")
        }
        inQuotes = true
      default:
        if quotedFieldClosed { throw Failure(line: line, message: "text after a closing quote") }
        field.append(byte)
      }
      index += 1
    }
    if inQuotes { throw Failure(line: recordLine, message: "a quoted field is never closed") }
    if !field.isEmpty || !fields.isEmpty || quotedFieldClosed { endRecord() }
    return records
  }

  /// One field for writing: quoted when it holds a comma, quote or line break.
  public static func quote(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

/// A CSV table by header: columns found by name (case-insensitive), repeated columns kept.
struct CSVTable {
  let header: [String]
  let rows: [CSVRecord]

  init(_ records: [CSVRecord]) {
    header = records.first?.fields.map { $0.trimmingWhitespace().lowercased() } ?? []
    rows = Array(records.dropFirst())
  }

  /// Every column index whose header is one of `names`.
  func columns(_ names: String...) -> [Int] {
    let wanted = Set(names.map { $0.lowercased() })
    return header.indices.filter { wanted.contains(header[$0]) }
  }

  /// The first non-empty value among `columns` in a row.
  func value(_ row: CSVRecord, _ columns: [Int]) -> String? {
    for column in columns where column < row.fields.count {
      let value = row.fields[column].trimmingWhitespace()
      if !value.isEmpty { return row.fields[column] }
    }
    return nil
  }

  /// All non-empty values among `columns` in a row (Jira repeats Labels and Sprint).
  func values(_ row: CSVRecord, _ columns: [Int]) -> [String] {
    columns.compactMap { $0 < row.fields.count ? row.fields[$0].trimmingWhitespace() : nil }.filter { !$0.isEmpty }
  }
}

import ScrumCore
