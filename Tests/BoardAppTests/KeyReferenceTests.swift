import Foundation
import Testing

@testable import BoardApp

@Suite struct KeyReferenceTests {
  /// The README lists the keys from the one command table; this fails when they drift apart.
  @Test func theReadmeListsTheKeysOfTheCommandTable() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let table = KeyReference.markdown()
    #expect(text.contains(table), "Paste this into README.md:\n\(table)")
  }

  @Test func everyCommandHasAKeyAndHelp() {
    let keymap = Keymap()
    for command in Command.allCases {
      #expect(keymap.documented.contains { $0.command == command }, "\(command) has no key")
      #expect(!command.help.isEmpty)
    }
  }
}
