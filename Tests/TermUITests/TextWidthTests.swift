import Testing

@testable import TermUI

@Suite struct TextWidthTests {
  @Test func widthsCountColumnsNotCharacters() {
    #expect(TextWidth.of("abc") == 3)
    #expect(TextWidth.of("日本語") == 6)
    #expect(TextWidth.of("🚀") == 2)
    #expect(TextWidth.of("e\u{301}") == 1)  // e + combining acute: one grapheme, one column
    #expect(TextWidth.of("한국") == 4)
    // Short texts whose only bytes are, or end in, ones that need looking at.
    #expect(TextWidth.of("") == 0 && TextWidth.of("é") == 1 && TextWidth.of("·") == 1 && TextWidth.of("a·") == 2)
    #expect(TextWidth.of("ab\u{301}") == 2 && TextWidth.of("\u{7F}") == 2 && TextWidth.of("x日") == 3)
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

  @Test func aRunOfPlainTextOverWideCharactersBlanksTheHalvesItCuts() {
    var grid = Grid(size: Size(8, 3))
    for y in 0..<3 { grid.put("日本語!", at: Point(0, y)) }
    grid.put("abc", at: Point(1, 0))
    grid.put("xy", at: Point(5, 0))
    grid.put("pq", at: Point(3, 1))
    grid.put("hello", at: Point(-3, 2))
    #expect(grid.lines == [" abc xy", "日 pq !", "lo本語!"])
    #expect(!grid[4, 0].isContinuation && !grid[5, 1].isContinuation && grid[3, 2].isContinuation)
  }

  @Test func fillingAcrossHalvesOfWideCharactersBlanksTheirOtherHalves() {
    var grid = Grid(size: Size(8, 2))
    grid.put("日本語!", at: Point(0, 0))
    grid.put("ab日本", at: Point(0, 1))
    grid.fill(Rect(x: 1, y: 0, width: 4, height: 1), style: Style(.selection))
    grid.fill(Rect(x: 1, y: 1, width: 3, height: 1), style: Style(.selection))
    // 日's right half and 語's left half were filled: their other halves are blanks.
    #expect(grid.lines == ["      !", "a   本"])
    #expect(grid[0, 0].text == " " && grid[5, 0].text == " " && !grid[5, 0].isContinuation)
    #expect(grid[2, 1].style == Style(.selection) && grid[0, 1].style == Style() && grid[4, 1].text == "本")
  }

  @Test func eachCellKnowsWhetherItHoldsOnePrintableASCIICharacter() {
    var grid = Grid(size: Size(24, 1))
    grid.put("a é日~\u{7F}\u{1B}x́ !", at: Point(0, 0))
    for x in 0..<grid.width {
      let cell = grid[x, 0]
      let bytes = Array(cell.text.utf8)
      let expected: UInt8 = !cell.isContinuation && bytes.count == 1 && (0x20..<0x7F).contains(bytes[0]) ? bytes[0] : 0
      #expect(cell.printableASCII == expected, "column \(x): \(cell.text.debugDescription)")
    }
    // The wide character's right half, the caret forms of the controls, the accented x.
    #expect(grid[4, 0].isContinuation && grid[4, 0].printableASCII == 0)
    #expect(grid[6, 0].text == "^" && grid[6, 0].printableASCII == UInt8(ascii: "^"))
    #expect(grid[10, 0].text == "x\u{301}" && grid[10, 0].printableASCII == 0)
    #expect(Cell("", isContinuation: true).printableASCII == 0 && Cell(" ").printableASCII == 0x20)
  }

  @Test func stylesAreEqualExactlyWhenRoleAndAttributesAre() {
    let roles: [Role] = [
      .normal, .dim, .header, .accent, .selection, .key, .success, .warning, .error, .epic(0), .epic(1), .input,
      .control,
    ]
    for (i, left) in roles.enumerated() {
      for (j, right) in roles.enumerated() {
        #expect((left == right) == (i == j), "\(left) vs \(right)")
        #expect((Style(left) == Style(right)) == (i == j))
      }
      #expect(Style(left) != Style(left, bold: true) && Style(left) != Style(left, underline: true))
    }
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

/// Strings that trip up terminal programs, with the width Unicode gives them and what each
/// cell sends to the terminal.
@Suite struct TrickyWidthTests {
  static let table: [(text: String, width: Int, note: String)] = [
    ("abc", 3, "ASCII"),
    ("日本語", 6, "CJK, East Asian wide"),
    ("ｶﾀｶﾅ", 4, "halfwidth katakana are narrow"),
    ("ＡＢ", 4, "fullwidth Latin"),
    ("한국어", 6, "Hangul syllables"),
    ("\u{1100}\u{1161}\u{11A8}", 2, "Hangul jamo forming one syllable"),
    ("e\u{301}", 1, "combining acute on e"),
    ("a\u{20DD}", 1, "enclosing circle"),
    ("Z\u{351}\u{34D}\u{35B}a", 2, "stacked combining marks"),
    ("🚀", 2, "emoji"),
    ("👍🏽", 2, "emoji with a skin tone"),
    ("👩‍💻", 2, "ZWJ sequence: woman technologist"),
    ("👨‍👩‍👧‍👦", 2, "ZWJ family"),
    ("🇩🇪", 2, "flag: two regional indicators"),
    ("🇩🇪🇯🇵", 4, "two flags"),
    ("🇩", 1, "a lone regional indicator"),
    ("❤️", 2, "emoji presentation selector on a narrow base"),
    ("❤", 1, "the same base, text presentation"),
    ("1️⃣", 2, "keycap"),
    ("a\u{200B}b", 2, "zero-width space takes nothing"),
    ("\u{200D}", 0, "a lone joiner"),
    ("\u{301}", 0, "a combining mark with no base"),
    ("x\u{FE0F}", 1, "a selector on a non-emoji"),
    ("\u{202E}abc", 5, "right-to-left override, shown inert as ^?"),
    ("\u{1B}[31m", 6, "an escape sequence, shown inert"),
  ]

  @Test func eachStringHasItsUnicodeWidth() {
    for entry in TrickyWidthTests.table {
      #expect(TextWidth.of(entry.text) == entry.width, "\(entry.note): \(entry.text.debugDescription)")
    }
  }

  @Test func theGridTakesExactlyThatManyCells() {
    for entry in TrickyWidthTests.table {
      var grid = Grid(size: Size(20, 1))
      let written = grid.put(entry.text, at: Point(0, 0))
      #expect(written == entry.width, "\(entry.note)")
      #expect(grid.lines[0].hasPrefix(entry.width == 0 ? "" : String(grid[0, 0].text)))
    }
  }

  @Test func cuttingNeverSplitsAGraphemeAndMarksTheCut() {
    for entry in TrickyWidthTests.table where entry.width > 2 {
      let cut = TextWidth.truncate(entry.text + entry.text, to: entry.width)
      #expect(TextWidth.of(cut) <= entry.width, "\(entry.note)")
      #expect(cut.hasSuffix("…"), "\(entry.note)")
    }
    #expect(TextWidth.truncate("🇩🇪🇯🇵🇫🇷", to: 4) == "🇩🇪…", "a flag is cut whole, never half")
    #expect(TextWidth.truncate("👨‍👩‍👧‍👦👨‍👩‍👧‍👦", to: 3) == "👨‍👩‍👧‍👦…")
    #expect(TextWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2) == "e\u{301}…", "a mark stays with its base")
  }

  /// Runs of plain ASCII are measured, cut and written a byte at a time, other graphemes one by
  /// one: each answer must be the one a grapheme at a time gives, the grapheme that joins the
  /// last ASCII letter of a run to a mark after it included.
  @Test func aPlainStartChangesNoAnswer() {
    func widthByGraphemes(_ text: String) -> Int { text.reduce(0) { $0 + TextWidth.of($1) } }
    func cutByGraphemes(_ text: String, to width: Int) -> String {
      if widthByGraphemes(text) <= width { return text }
      var result = ""
      for character in text {
        if widthByGraphemes(result) + TextWidth.of(character) > width - 1 { break }
        result.append(character)
      }
      return result + "…"
    }
    for (prefix, suffix) in [("a", ""), ("Fix the login page ", ""), ("x1", ""), ("", " and more"), ("· ", "b · c\u{301}d")] {
      for entry in TrickyWidthTests.table {
        let text = prefix + entry.text + suffix
        let width = widthByGraphemes(text)
        #expect(TextWidth.of(text) == width, "\(entry.note) in \(text.debugDescription)")
        var grid = Grid(size: Size(60, 1))
        #expect(grid.put(text, at: Point(0, 0)) == width, "\(entry.note) in \(text.debugDescription)")
        for limit in 1...(width + 1) {
          #expect(
            TextWidth.truncate(text, to: limit) == cutByGraphemes(text, to: limit),
            "\(entry.note) in \(text.debugDescription), cut to \(limit)")
        }
      }
    }
    #expect(TextWidth.truncate("abcdef", to: 6) == "abcdef")
    #expect(TextWidth.truncate("abcdefg", to: 6) == "abcde…")
    #expect(TextWidth.truncate("abcdefé", to: 6) == "abcde…")
    #expect(TextWidth.truncate("abcde\u{301}", to: 5) == "abcde\u{301}")
  }

  @Test func whatEachCellSendsKeepsTheTerminalInStep() {
    // Wide by the first character: one cell, as ncurses counts it.
    #expect(TextWidth.terminalParts(of: "日") == ("日", nil))
    #expect(TextWidth.terminalParts(of: "👩‍💻") == ("👩", nil))
    #expect(TextWidth.terminalParts(of: "👍🏽") == ("👍", nil))
    // Wide by sequence only: two narrow cells.
    #expect(TextWidth.terminalParts(of: "🇩🇪") == ("🇩", "🇪"))
    #expect(TextWidth.terminalParts(of: "❤️") == ("❤", " "))
    #expect(TextWidth.terminalParts(of: "1️⃣") == ("1\u{20E3}", " "))
    // Marks ride on their base; a cell never starts with a mark.
    #expect(TextWidth.terminalParts(of: "e\u{301}") == ("e\u{301}", nil))
    #expect(TextWidth.terminalParts(of: "\u{301}") == (" ", nil))
  }

  @Test func aRightToLeftOverrideCannotReorderTheRestOfARow() {
    var grid = Grid(size: Size(20, 1))
    grid.put("\u{202E}evil\u{202C} ok", at: Point(0, 0))
    #expect(grid.lines == ["^?evil^? ok"])
    #expect(grid[0, 0].style.role == .control)
  }
}

@Suite struct LineEditorWindowTests {
  @Test func aLongTextScrollsSoTheCursorStaysInView() {
    var editor = LineEditor("0123456789abcdefghij")
    #expect(editor.visible(width: 30).text == "0123456789abcdefghij")
    #expect(editor.visible(width: 30).cursorColumn == 20)
    // At the end of a text wider than the field: its tail after "…", the cursor in the last column.
    #expect(editor.visible(width: 10) == ("…cdefghij", 9))
    _ = editor.handle(.home)
    #expect(editor.visible(width: 10) == ("012345678…", 0))
    for _ in 0..<12 { _ = editor.handle(.right) }
    // In the middle: both ends cut.
    #expect(editor.visible(width: 10) == ("…456789ab…", 9))
  }

  @Test func wideCharactersAreNeverSplitAtTheEdge() {
    let editor = LineEditor("日本語のテキストです")
    let window = editor.visible(width: 9)
    #expect(TextWidth.of(window.text) <= 9)
    #expect(window.text.hasPrefix("…"))
    #expect(window.cursorColumn <= 8)
  }
}
