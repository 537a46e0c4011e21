import Foundation
import ScrumCore
import TestSupport
import Testing

@testable import ScrumStore

@Suite struct ExportTests {
  @Test func exportFollowsTheProductFormat() throws {
    let text = BoardExport.json(Fixtures.sampleBoard()).rendered()
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["format"] as? String == "scrum-board")
    #expect(object["version"] as? Int == 1)
    #expect(object["prefix"] as? String == "SB")
    let stories = try #require(object["stories"] as? [[String: Any]])
    #expect(stories.count == 35)
    let keys = Set(stories[0].keys)
    #expect(
      keys == [
        "key", "title", "description", "type", "points", "status", "sprint", "epic", "labels", "assignee",
        "blocked", "acceptanceCriteria", "tasks", "createdAt", "updatedAt",
      ])
    // Backlog stories first, then each sprint's, in the board's order of sprints.
    let sprints = stories.map { $0["sprint"] as? String }
    let firstSprintStory = try #require(sprints.firstIndex { $0 != nil })
    #expect(sprints[..<firstSprintStory].allSatisfy { $0 == nil })
    var runs: [String] = []
    for case let name? in sprints[firstSprintStory...] where runs.last != name { runs.append(name) }
    #expect(runs == ["Sprint 12", "Sprint 13", "Sprint 14"])
    #expect(stories[0]["createdAt"] as? String == "2026-10-26T10:00:00Z")
  }

  @Test func exportTextIsStableAndSorted() {
    let board = Fixtures.tinyBoard()
    let text = BoardExport.json(board).rendered()
    #expect(text == BoardExport.json(board).rendered())
    #expect(
      text.hasPrefix(
        """
        {
          "columns": [
            {
              "id": "todo",
              "title": "To Do",
              "wipLimit": null
            },
        """))
    #expect(text.contains("\"points\": null"))
    #expect(text.hasSuffix("}\n"))
  }

  @Test func numbersAndTextAreWrittenExactly() {
    let value = JSONValue.object([
      "half": .number(0.5), "three": .number(3), "text": .string("a \"q\" \\ \u{1B}[31m\n日本"),
    ])
    #expect(
      value.rendered() == """
        {
          "half": 0.5,
          "text": "a \\"q\\" \\\\ \\u001b[31m\\n日本",
          "three": 3
        }

        """)
  }
}
