/// A JSON document with a deterministic text form: keys sorted, two-space indentation,
/// integral numbers without a fraction. Exports are compared byte for byte across runs.
public enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
  public static func optional(_ number: Double?) -> JSONValue { number.map(JSONValue.number) ?? .null }
  public static func optional(_ number: Int?) -> JSONValue { number.map { .number(Double($0)) } ?? .null }

  /// The pretty-printed text, ending with a newline.
  public func rendered() -> String {
    var output = ""
    write(into: &output, indent: 0)
    output += "\n"
    return output
  }

  private func write(into output: inout String, indent: Int) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .number(let value): output += JSONValue.format(value)
    case .string(let value): JSONValue.quote(value, into: &output)
    case .array(let items):
      guard !items.isEmpty else { output += "[]"; return }
      output += "[\n"
      for (index, item) in items.enumerated() {
        output += String(repeating: "  ", count: indent + 1)
        item.write(into: &output, indent: indent + 1)
        output += index + 1 < items.count ? ",\n" : "\n"
      }
      output += String(repeating: "  ", count: indent) + "]"
    case .object(let members):
      guard !members.isEmpty else { output += "{}"; return }
      output += "{\n"
      let keys = members.keys.sorted()
      for (index, key) in keys.enumerated() {
        output += String(repeating: "  ", count: indent + 1)
        JSONValue.quote(key, into: &output)
        output += ": "
        members[key]?.write(into: &output, indent: indent + 1)
        output += index + 1 < keys.count ? ",\n" : "\n"
      }
      output += String(repeating: "  ", count: indent) + "}"
    }
  }

  private static func format(_ value: Double) -> String {
    if value.isNaN || value.isInfinite { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }

  private static func quote(_ text: String, into output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
