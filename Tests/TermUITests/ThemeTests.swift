import XCTest

@testable import TermUI

final class ThemeTests: XCTestCase {
  /// Every role of the standard theme at every depth, as a backend applies it: the snapshot of
  /// what each kind of terminal gets.
  func testTheStandardThemeAtEachDepth() {
    func table(_ depth: ColourDepth) -> String {
      let roles: [(String, Role)] = Theme.roleNames.map { ($0.name, $0.role) } + [("epic 0", .epic(0)), ("epic 8", .epic(8))]
      return roles.map { name, role in
        let look = Theme.standard.resolved(Style(role), depth: depth)
        let attributes = Look.attributeNames.filter { look.attributes.contains($0.1) }.map(\.0).joined(separator: "+")
        return "\(name): \(look.foreground)/\(look.background) \(attributes)"
      }.joined(separator: "\n")
    }
    XCTAssertEqual(
      table(.mono),
      """
      normal: -1/-1 
      dim: -1/-1 
      header: -1/-1 reverse
      accent: -1/-1 bold
      selection: -1/-1 reverse
      key: -1/-1 bold
      success: -1/-1 
      warning: -1/-1 bold
      error: -1/-1 bold+underline
      input: -1/-1 underline
      control: -1/-1 reverse
      epic 0: -1/-1 
      epic 8: -1/-1 
      """)
    XCTAssertEqual(
      table(.basic8),
      """
      normal: -1/-1 
      dim: -1/-1 dim
      header: 7/4 bold
      accent: 6/-1 
      selection: 0/6 
      key: 3/-1 
      success: 2/-1 
      warning: 3/-1 
      error: 1/-1 
      input: -1/-1 underline
      control: 5/-1 
      epic 0: 7/-1 
      epic 8: 5/-1 
      """)
    // The standard theme uses the basic colours only, so it is the same at every depth.
    XCTAssertEqual(table(.indexed256), table(.basic8))
    XCTAssertEqual(table(.direct), table(.basic8))
  }

  func testMonochromeKeepsEveryMeaningfulRoleApart() {
    let meaningful: [Role] = [.header, .accent, .error, .input]
    let looks = meaningful.map { Theme.monochromeAttributes(for: $0) }
    for look in looks { XCTAssertNotEqual(look, [], "a role that means something must show without colour") }
    XCTAssertNotEqual(Theme.monochromeAttributes(for: .error), Theme.monochromeAttributes(for: .warning))
    // Bold, reverse and underline only: dim is unreadable on a projector.
    for (_, role) in Theme.roleNames { XCTAssertFalse(Theme.monochromeAttributes(for: role).contains(.dim)) }
  }

  func testColoursAreMatchedToWhatTheTerminalHas() {
    let orange = ThemeColour.rgb(0xFF, 0x88, 0x00)
    XCTAssertEqual(orange.number(at: .direct), 0xFF8800)
    XCTAssertEqual(orange.number(at: .indexed256), 208)
    XCTAssertEqual(orange.number(at: .basic8), 3, "orange is nearest yellow of the eight")
    XCTAssertEqual(ThemeColour.rgb(0x30, 0x30, 0x30).number(at: .indexed256), 236, "a dark grey goes to the grey ramp")
    XCTAssertEqual(ThemeColour.indexed(9).number(at: .basic8), 1, "bright red is red on eight colours")
    XCTAssertEqual(ThemeColour.indexed(9).number(at: .basic16), 9)
    XCTAssertEqual(ThemeColour.indexed(196).number(at: .basic8), 1)
    XCTAssertEqual(ThemeColour.indexed(21).number(at: .basic8), 4)
    XCTAssertEqual(ThemeColour.indexed(3).number(at: .direct), 3, "the basic colours stay the terminal's own")
    XCTAssertEqual(ThemeColour.indexed(208).number(at: .direct), 0xFF8700)
    XCTAssertEqual(ThemeColour.rgb(0, 0, 1).number(at: .direct), 8, "would be read as basic blue")
    XCTAssertEqual(ThemeColour.terminalDefault.number(at: .indexed256), -1)
    XCTAssertEqual(orange.number(at: .mono), -1)
  }

  func testDepthDetectionAndCap() {
    XCTAssertEqual(ColourDepth.detect(colours: 8, environment: [:]), .basic8)
    XCTAssertEqual(ColourDepth.detect(colours: 256, environment: [:]), .indexed256)
    XCTAssertEqual(ColourDepth.detect(colours: 0x100_0000, environment: [:]), .direct)
    XCTAssertEqual(ColourDepth.detect(colours: 0, environment: [:]), .mono)
    XCTAssertEqual(ColourDepth.detect(colours: 256, environment: ["NO_COLOR": "1"]), .mono)
    XCTAssertEqual(ColourDepth.detect(colours: 256, environment: ["NO_COLOR": ""]), .indexed256, "set but empty is unset")
    XCTAssertEqual(ColourDepth.direct.capped(at: .indexed256), .indexed256, "no more colours than the terminal has")
    XCTAssertEqual(ColourDepth.mono.capped(at: .direct), .mono)
  }

  func testLooksParseAndPrintBack() throws {
    let cases: [(String, Look)] = [
      ("bold white on blue", Look(.indexed(7), on: .indexed(4), .bold)),
      ("default", Look()),
      ("reverse", Look(.terminalDefault, on: .terminalDefault, .reverse)),
      ("on 236", Look(.terminalDefault, on: .indexed(236))),
      ("underline bright-cyan on #102030", Look(.indexed(14), on: .rgb(0x10, 0x20, 0x30), .underline)),
    ]
    for (text, look) in cases {
      XCTAssertEqual(try Look.parse(text).get(), look, text)
      XCTAssertEqual(try Look.parse(look.description).get(), look, "printed \(look.description)")
    }
    XCTAssertThrowsError(try Look.parse("red green").get(), "two foregrounds")
    XCTAssertThrowsError(try Look.parse("#12345").get())
    XCTAssertThrowsError(try Look.parse("256").get())
  }

  func testKeyNames() throws {
    let cases: [(String, Key)] = [
      ("j", .character("j")), ("J", .character("J")), ("#", .character("#")), ("space", .character(" ")),
      ("Enter", .enter), ("esc", .escape), ("Shift-Tab", .backTab), ("PgDn", .pageDown), ("pagedown", .pageDown),
      ("F12", .function(12)), ("Ctrl-R", .control("r")), ("C-x", .control("x")), ("^B", .control("b")),
      ("Up", .up), ("ä", .character("ä")),
    ]
    for (name, key) in cases {
      XCTAssertEqual(try Key.parse(name).get(), key, name)
      XCTAssertEqual(try Key.parse(key.configName).get(), key, "round trip of \(name)")
    }
    for bad in ["", "Hyper-K", "F25", "Ctrl-1", "\t", "Ctrl-M", "Ctrl-I", "Ctrl-H"] {
      XCTAssertThrowsError(try Key.parse(bad).get(), bad)
    }
  }
}
