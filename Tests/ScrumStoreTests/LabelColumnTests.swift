import Testing

@testable import ScrumStore

/// Labels are a JSON array in one column, read for every story as a board opens: the plain
/// ones are split without a parser, and must come out exactly as the parser reads them.
@Suite struct LabelColumnTests {
  @Test(arguments: [
    [], [""], ["payments"], ["a", "b", "c"], ["a,b", "c"], ["", "x", ""], ["日本語", "🇫🇷"],
    ["say \"hi\""], ["back\\slash"], ["tab\there"], ["\",\""], ["a\u{1B}[31m"],
  ])
  func labelsComeBackAsWritten(labels: [String]) {
    let stored = StoryRecord.encodeLabels(labels)
    #expect(StoryRecord.decodeLabels(stored) == labels)
  }

  @Test func onlyTextWithNothingToUnescapeIsSplitByHand() {
    #expect(StoryRecord.plainLabels(#"["a","b"]"#) == ["a", "b"])
    #expect(StoryRecord.plainLabels(#"["a,b"]"#) == ["a,b"])
    #expect(StoryRecord.plainLabels(#"["a", "b"]"#) == nil)
    #expect(StoryRecord.plainLabels(#"["a\"b"]"#) == nil)
    #expect(StoryRecord.plainLabels(#"["a","]"#) == nil)
    #expect(StoryRecord.plainLabels("not json") == nil)
    // Written by hand or by another tool: the parser still reads it.
    #expect(StoryRecord.decodeLabels(#"[ "a" , "b" ]"#) == ["a", "b"])
  }
}
