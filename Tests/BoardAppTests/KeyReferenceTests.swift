import Foundation
import Testing

@testable import BoardApp

@Suite struct KeyReferenceTests {
  /// The README lists the keys from the one command table; this fails when they drift apart.
  /// With SNAPSHOT_RECORD=1 it rewrites the README's list instead.
  @Test func theReadmeListsTheKeysOfTheCommandTable() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let start = try #require(text.range(of: "<!-- keys:start"))
    let end = try #require(text.range(of: "<!-- keys:end -->"))
    let startLineEnd = try #require(text[start.upperBound...].firstIndex(of: "\n"))
    let listed = String(text[text.index(after: startLineEnd)..<end.lowerBound])
    let table = KeyReference.markdown()
    if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
      let updated = text.replacingCharacters(in: text.index(after: startLineEnd)..<end.lowerBound, with: table)
      try updated.write(to: readme, atomically: true, encoding: .utf8)
      return
    }
    #expect(listed == table, "README.md's key list is out of date: run SNAPSHOT_RECORD=1 swift test")
  }

  @Test func eachScopeHasItsOwnSlotInOrder() {
    #expect(Scope.allCases.map(\.slot) == Array(Scope.allCases.indices))
  }

  @Test func everyCommandHasAKeyAndHelp() {
    let keymap = Keymap()
    for command in Command.allCases {
      #expect(keymap.documented.contains { $0.command == command }, "\(command) has no key")
      #expect(!command.help.isEmpty)
    }
  }
}
