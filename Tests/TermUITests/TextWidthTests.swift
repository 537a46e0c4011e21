import Testing

@testable import TermUI

@Suite struct TextWidthTests {
  @Test func widthsCountColumnsNotCharacters() {
    #expect(TextWidth.of("abc") == 3)
    #expect(TextWidth.of("日本語") == 6)
    #expect(TextWidth.of("🚀") == 2)
    #expect(TextWidth.of("e\u{301}") == 1)  // e + combining acute: one grapheme, one column
    #expect(TextWidth.of("한국") == 4)
  }

  @Test func controlCharactersAreShownInert() {
    #expect(TextWidth.inertForm(of: "\u{1B}") == "^[")
    #expect(TextWidth.inertForm(of: "\u{7}") == "^G")
    #expect(TextWidth.inertForm(of: "\u{7F}") == "^?")
    #expect(TextWidth.inertForm(of: "\u{9B}") == "^[[")
    #expect(TextWidth.inertForm(of: "\u{202E}") == "^?")
    #expect(TextWidth.inertForm(of: "a") == nil)
    #expect(TextWidth.of("\u{1B}[2J") == 5)
  }

  @Test func truncationNeverSplitsAWideCharacter() {
    #expect(TextWidth.truncate("日本語のテキスト", to: 6) == "日本…")
    #expect(TextWidth.of(TextWidth.truncate("日本語のテキスト", to: 6)) <= 6)
    #expect(TextWidth.truncate("short", to: 10) == "short")
    #expect(TextWidth.truncate("abcdef", to: 4) == "abc…")
    #expect(TextWidth.pad("ab", to: 4) == "ab  ")
  }

  @Test func wrappingBreaksAtSpacesAndInsideLongWords() {
    #expect(TextWidth.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
    #expect(TextWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(TextWidth.wrap("日本語日本語", width: 5) == ["日本", "語日", "本語"])
    #expect(TextWidth.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
  }
}

@Suite struct GridTests {
  @Test func textIsWrittenAndReadBack() {
    var grid = Grid(size: Size(10, 2))
    grid.put("hello", at: Point(1, 0))
    #expect(grid.lines == [" hello", ""])
  }

  @Test func aWideCharacterTakesTwoCellsAndIsReplacedAtTheEdge() {
    var grid = Grid(size: Size(5, 1))
    grid.put("ab日本", at: Point(0, 0))
    #expect(grid.lines == ["ab日"])
    #expect(grid[3, 0].isContinuation)
    #expect(grid[4, 0].text == " ")
  }

  @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
    var grid = Grid(size: Size(4, 1))
    grid.put("日本", at: Point(0, 0))
    grid.put("x", at: Point(1, 0))
    #expect(grid.lines == [" x本"])
    grid.put("y", at: Point(2, 0))
    #expect(grid.lines == [" xy"])
  }

  @Test func controlCharactersAreWrittenInCaretNotationWithTheirOwnRole() {
    var grid = Grid(size: Size(12, 1))
    grid.put("a\u{1B}[2Jb", at: Point(0, 0))
    #expect(grid.lines == ["a^[[2Jb"])
    #expect(grid[1, 0].style.role == .control)
    #expect(grid[2, 0].style.role == .control)
    #expect(grid[3, 0].style.role == .normal)
  }

  @Test func putStopsAtTheLimit() {
    var grid = Grid(size: Size(10, 1))
    let written = grid.put("abcdef", at: Point(2, 0), limit: 3)
    #expect(written == 3)
    #expect(grid.lines == ["  abc"])
  }
}

@Suite struct LineEditorTests {
  func edit(_ text: String, _ keys: [Key]) -> LineEditor {
    var editor = LineEditor(text)
    for key in keys { _ = editor.handle(key) }
    return editor
  }

  @Test func typingInsertsAtTheCursor() {
    #expect(edit("ac", [.left, .character("b")]).text == "abc")
    #expect(edit("", [.character("日"), .character("本")]).text == "日本")
    #expect(edit("日本", []).cursorColumn == 4)
  }

  @Test func readlineKeysEdit() {
    #expect(edit("hello world", [.backspace]).text == "hello worl")
    #expect(edit("hello world", [.home, .delete]).text == "ello world")
    #expect(edit("hello world", [.control("w")]).text == "hello ")
    #expect(edit("hello world", [.control("a"), .control("k")]).text == "")
    #expect(edit("hello world", [.left, .left, .control("u")]).text == "ld")
    #expect(edit("abc", [.home, .end, .character("d")]).text == "abcd")
  }

  @Test func enterSubmitsAndEscapeCancels() {
    var editor = LineEditor("x")
    #expect(editor.handle(.enter) == .submitted)
    #expect(editor.handle(.escape) == .cancelled)
    #expect(editor.handle(.function(5)) == .ignored)
  }
}
