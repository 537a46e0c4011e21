/// A JSON value that remembers the line it starts on, so that an import can name the line of
/// a bad field, not just the field. (Foundation's parsers report positions for syntax errors
/// at best, never for a value that parses but does not fit.)
public struct JSONNode: Sendable {
  public indirect enum Value: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([(key: String, node: JSONNode)])
  }

  public let value: Value
  public let line: Int

  /// The member named `key` of an object.
  public subscript(key: String) -> JSONNode? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.key == key }?.node
  }

  /// A one-word name of the value's kind, for messages.
  public var kind: String {
    switch value {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}

/// A syntax error with its line and column.
public struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
  public let line: Int
  public let column: Int
  public let message: String
  public var description: String { "line \(line), column \(column): \(message)" }
}

/// Parses JSON text (RFC 8259) into nodes with line numbers.
public struct PositionedJSONParser {
  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0

  public static func parse(_ text: String) throws -> JSONNode {
    var parser = PositionedJSONParser(bytes: Array(text.utf8))
    // A byte-order mark is allowed before the document.
    if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
    parser.skipWhitespace()
    let node = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the end of the document") }
    return node
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private func error(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(line: line, column: index - lineStart + 1, message: message)
  }

  private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipWhitespace() {
    while let byte = current {
      switch byte {
      case UInt8(ascii: "\n"):
        index += 1
        line += 1
        lineStart = index
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
      default: return
      }
    }
  }

  private mutating func expect(_ literal: String) throws {
    for byte in literal.utf8 {
      guard current == byte else { throw error("expected \(literal)") }
      index += 1
    }
  }

  private mutating func parseValue(depth: Int) throws -> JSONNode {
    guard depth < 512 else { throw error("nested too deeply") }
    let startLine = line
    guard let byte = current else { throw error("unexpected end of the document") }
    switch byte {
    case UInt8(ascii: "{"): return JSONNode(value: try parseObject(depth: depth), line: startLine)
    case UInt8(ascii: "["): return JSONNode(value: try parseArray(depth: depth), line: startLine)
    case UInt8(ascii: "\""): return JSONNode(value: .string(try parseString()), line: startLine)
    case UInt8(ascii: "t"):
      try expect("true")
      return JSONNode(value: .bool(true), line: startLine)
    case UInt8(ascii: "f"):
      try expect("false")
      return JSONNode(value: .bool(false), line: startLine)
    case UInt8(ascii: "n"):
      try expect("null")
      return JSONNode(value: .null, line: startLine)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSONNode(value: .number(try parseNumber()), line: startLine)
    default:
      throw error("unexpected character '\(String(decoding: [byte], as: UTF8.self))'")
    }
  }

  private mutating func parseObject(depth: Int) throws -> JSONNode.Value {
    index += 1
    var members: [(key: String, node: JSONNode)] = []
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
      let key = try parseString()
      skipWhitespace()
      guard current == UInt8(ascii: ":") else { throw error("expected ':' after \"\(key)\"") }
      index += 1
      skipWhitespace()
      members.append((key, try parseValue(depth: depth + 1)))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        return .object(members)
      default: throw error("expected ',' or '}' in an object")
      }
    }
  }

  private mutating func parseArray(depth: Int) throws -> JSONNode.Value {
    index += 1
    var items: [JSONNode] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      skipWhitespace()
      items.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"):
        index += 1
        return .array(items)
      default: throw error("expected ',' or ']' in an array")
      }
    }
  }

  private mutating func parseString() throws -> String {
    index += 1
    var scalars = String.UnicodeScalarView()
    var run: [UInt8] = []
    func flush() {
      if !run.isEmpty {
        scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
        run.removeAll(keepingCapacity: true)
      }
    }
    while true {
      guard let byte = current else { throw error("a string is not closed") }
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        flush()
        return String(scalars)
      case UInt8(ascii: "\\"):
        flush()
        index += 1
        guard let escape = current else { throw error("a string is not closed") }
        index += 1
        switch escape {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{8}")
        case UInt8(ascii: "f"): scalars.append("\u{C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          var value = try parseHex4()
          if (0xD800...0xDBFF).contains(value) {
            try expect("\\u")
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("a lone surrogate in \\u escape") }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(value) else { throw error("an invalid \\u escape") }
          scalars.append(scalar)
        default: throw error("an unknown escape \\\(String(decoding: [escape], as: UTF8.self))")
        }
      case 0x00..<0x20:
        throw error("a control character inside a string (write it as an escape)")
      default:
        run.append(byte)
        index += 1
      }
    }
  }

  private mutating func parseHex4() throws -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = current, let digit = hexDigit(byte) else { throw error("expected four hex digits after \\u") }
      value = value * 16 + digit
      index += 1
    }
    return value
  }

  private func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  private mutating func parseNumber() throws -> Double {
    let start = index
    while let byte = current,
      byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
        || byte == UInt8(ascii: "E") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    {
      index += 1
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let number = Double(text), number.isFinite else { throw error("\"\(text)\" is not a number") }
    return number
  }
}
