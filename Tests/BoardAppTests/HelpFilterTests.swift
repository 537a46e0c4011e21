import Foundation
import ScrumCore
import TermUI
import TestSupport
import Testing

@testable import BoardApp

/// The help overlay narrows to what the user types.
@Suite struct HelpFilterTests {
  @Test func slashFiltersTheKeysAndEscapeShowsAllAgain() throws {
    let app = try Session()
    app.press(.help)
    app.press(.filterText)
    app.type("card")
    var text = app.lines.joined(separator: "\n")
    #expect(text.contains("Keys for \"card\""))
    #expect(text.contains("move the card to the next column"))
    #expect(!text.contains("next story"))
    app.press(Key.enter)
    #expect(app.state.prompt == nil && app.state.help?.filter == "card")
    app.type("x")  // a key of its own again: no prompt is open
    app.press(.close)
    #expect(app.state.help?.filter == "")
    text = app.lines.joined(separator: "\n")
    #expect(text.contains("next story"))
    app.press(.filterText)
    app.type("zzz")
    #expect(app.lines.joined().contains("No key does \"zzz\""))
    app.press(Key.escape)  // cancels the prompt and the filter
    #expect(app.state.help?.filter == "")
    app.press(.close)
    #expect(app.state.help == nil)
  }

  @Test func wordsMatchAnywhereInTheLineOrItsPane() throws {
    let app = try Session()
    app.press(.help)
    app.press(.filterText)
    app.type("reports previous")
    let text = app.lines.joined(separator: "\n")
    #expect(text.contains("previous report"))
    #expect(text.contains("the sprint before"))
    #expect(!text.contains("previous story"))
  }
}

/// Every change says what it did on the status line, until the next key.
@Suite struct ChangeFeedbackTests {
  @Test func aChangeSaysWhatItDidAndHowToUndoIt() throws {
    let app = try Session()
    app.press(.showBoard, .moveCardRight)  // SB-6 To Do → In Progress
    #expect(app.lines[22] == " SB-6 moved to In Progress — u undoes")
    app.press(.moveDown)
    #expect(!app.lines[22].contains("moved"))
    app.press(.showBacklog, .moveDown, .setPoints)
    app.press(.moveDown, .choose)
    #expect(app.lines[22].contains("SB-2: 13 points — u undoes"))
    app.press(.undo)
    #expect(app.lines[22].contains("Undone"))
  }
}
