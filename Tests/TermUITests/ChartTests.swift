import Testing

@testable import TermUI

@Suite struct ChartTests {
  @Test func whereBrailleAndBlocksShow() {
    #expect(environmentShowsUnicodeGraphics(["TERM": "xterm-256color", "LANG": "en_GB.UTF-8"]))
    // Over SSH the locale is often unset while the terminal is UTF-8.
    #expect(environmentShowsUnicodeGraphics(["TERM": "xterm-256color"]))
    #expect(environmentShowsUnicodeGraphics(["TERM": "screen", "LC_ALL": "C"]))
    #expect(!environmentShowsUnicodeGraphics(["TERM": "linux", "LANG": "en_US.UTF-8"]))
    #expect(!environmentShowsUnicodeGraphics(["TERM": "vt220"]))
    #expect(!environmentShowsUnicodeGraphics(["TERM": "xterm", "LANG": "de_DE.ISO-8859-1"]))
    #expect(!environmentShowsUnicodeGraphics(["TERM": "xterm", "SCRUM_ASCII": "1"]))
    #expect(environmentShowsUnicodeGraphics(["TERM": "xterm", "SCRUM_ASCII": "0"]))
  }

  @Test func axesUseRoundNumbers() {
    let axes = ChartAxes(area: Rect(x: 0, y: 0, width: 40, height: 12), maximum: 32, glyphs: .ascii)
    #expect(axes.maximum == 35)
    #expect(ChartAxes(area: Rect(x: 0, y: 0, width: 40, height: 12), maximum: 8, glyphs: .ascii).maximum == 8)
    #expect(ChartAxes(area: Rect(x: 0, y: 0, width: 40, height: 12), maximum: 0, glyphs: .ascii).maximum == 1)
    #expect(ChartAxes.format(12.5) == "12.5" && ChartAxes.format(20) == "20")
  }

  @Test func linesAreDrawnInBrailleOrInASCII() {
    for glyphs in [ChartGlyphs.unicode, .ascii] {
      var canvas = PlotCanvas(width: 10, height: 4, glyphs: glyphs)
      canvas.line([0, 10], steps: 1, maximum: 10, series: 0)
      var grid = Grid(size: Size(10, 4))
      canvas.draw(into: &grid, at: Point(0, 0), marks: ["*"], styles: [.normal])
      let lines = grid.lines
      // A diagonal from the bottom left to the top right.
      #expect(lines[3].first != nil && lines[3].first != " ")
      #expect(lines[0].count == 10)
      if glyphs == .ascii {
        #expect(lines.joined().allSatisfy { $0 == "*" || $0 == " " })
      } else {
        #expect(lines.joined().unicodeScalars.allSatisfy { $0 == " " || (0x2800...0x28FF).contains($0.value) })
      }
    }
  }
}
