import ScrumCore

/// Where keys sit in a TOML text, so that a problem found after parsing can name its line
/// (the parser keeps no positions for values). Knows `[section]` headers and `key =` lines;
/// enough for a configuration file.
struct SourceLines {
  /// (section, key) → first line, 1-based; a section alone under key "".
  private var positions: [String: Int] = [:]

  init(_ text: String) {
    var section = ""
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.trimming(where: isBlank)
      if line.hasPrefix("[") {
        let name = line.trimming { "[]".contains($0) }.split(separator: "#").first ?? ""
        section = SourceLines.normalized(name.trimming { "[] ".contains($0) })
        record(section, "", index + 1)
        // Each part of a dotted header counts too: [keys.backlog] places "backlog" in [keys], [bogus] places "bogus" at the top.
        let parts = section.split(separator: ".").map(String.init)
        if let last = parts.last { record(Array(parts.dropLast()).concatenated(separator: "."), last, index + 1) }
        continue
      }
      guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
      let key = SourceLines.normalized(line[..<equals].trimming(where: isBlank))
      record(section, key, index + 1)
    }
  }

  private mutating func record(_ section: String, _ key: String, _ line: Int) {
    let id = section + "\u{0}" + key
    if positions[id] == nil { positions[id] = line }
  }

  private static func normalized(_ text: String) -> String {
    text.split(separator: ".").map { $0.trimming { "\"' ".contains($0) } }.concatenated(separator: ".")
  }

  /// Spaces and tabs, as TOML has them around keys and values.
  private func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" }

  /// The line of `key` in `section` (or of the section itself), if it can be found.
  func line(of key: String?, in section: String) -> Int? {
    positions[section + "\u{0}" + (key ?? "")] ?? positions[section + "\u{0}"]
  }
}
