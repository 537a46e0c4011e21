import BoardApp
import ScrumCore
import TermUI
import XCTest

@testable import ScrumConfig

final class ConfigTests: XCTestCase {
  func testTheDefaultFileParsesBackToTheDefaults() {
    let loaded = ConfigParser.parse(Config.defaultFileText())
    XCTAssertEqual(loaded.problems, [])
    XCTAssertEqual(loaded.config, Config())
  }

  func testAnEmptyFileIsTheDefaults() {
    let loaded = ConfigParser.parse("")
    XCTAssertEqual(loaded.problems, [])
    XCTAssertEqual(loaded.config, Config())
  }

  func testKeysAreReboundPerPaneByCommandName() {
    let loaded = ConfigParser.parse(
      """
      [keys.backlog]
      move-down = ["t", "Down"]
      move-up = "n"
      rank-down = "Ctrl-D"
      [keys.global]
      help = "F1"
      """)
    // n was next-match's only key in the backlog: the user is told.
    XCTAssertEqual(loaded.problems.map(\.message), ["next-match has no key left in [keys.backlog]: move-up took n"])
    let keymap = loaded.config.keymap
    XCTAssertEqual(keymap.command(for: .character("t"), in: .backlog), .moveDown)
    XCTAssertEqual(keymap.command(for: .down, in: .backlog), .moveDown)
    XCTAssertNil(keymap.command(for: .character("j"), in: .backlog), "j no longer moves: it was replaced")
    XCTAssertEqual(keymap.command(for: .character("n"), in: .backlog), .moveUp)
    XCTAssertEqual(keymap.command(for: .control("d"), in: .backlog), .rankDown)
    XCTAssertEqual(keymap.command(for: .function(1), in: .board), .help)
    XCTAssertNil(keymap.command(for: .character("?"), in: .board))
    // Other panes keep their keys.
    XCTAssertEqual(keymap.command(for: .character("j"), in: .board), .moveDown)
  }

  func testTakingAnotherCommandsOnlyKeyIsReported() {
    let loaded = ConfigParser.parse("[keys.backlog]\nmove-up = \"n\"\n")
    XCTAssertEqual(
      loaded.problems, [ConfigProblem(line: 2, "next-match has no key left in [keys.backlog]: move-up took n")])
    XCTAssertEqual(loaded.config.keymap.command(for: .character("n"), in: .backlog), .moveUp)
  }

  func testAnEmptyListUnbinds() {
    let loaded = ConfigParser.parse("[keys.backlog]\ndelete-story = []\n")
    XCTAssertEqual(loaded.problems, [])
    XCTAssertNil(loaded.config.keymap.command(for: .character("d"), in: .backlog))
  }

  func testEveryKindOfMistakeIsReportedWithItsLineAndTheRestStillApplies() {
    let text = """
      mouse = "yes"
      colour = 3
      [standup]
      timebox = 5
      length = 3
      [team]
      alice = "Alice Liddell"
      bob = 7
      [new-board]
      columns = [{ title = "Only" }]
      [theme]
      accent = "purple"
      header = "bold on"
      colours = "lots"
      epics = ["red", "puce"]
      shade = "red"
      selection = "reverse bright-yellow on #102030"
      [keys.backlog]
      mvoe-down = "x"
      rank-down = "Ctrl-J"
      next-card = "n"
      open-detail = 3
      move-up = "Hyper-K"
      [keys.sidebar]
      [keys.board]
      set-points = "P"
      """
    let loaded = ConfigParser.parse(text)
    XCTAssertEqual(
      loaded.problems.map(\.description),
      [
        "line 1: mouse: expected true or false",
        "line 2: unknown setting \"colour\" (there are: mouse, [standup], [team], [new-board], [theme], [keys.PANE])",
        "line 4: timebox: expected seconds per person, 10 to 3600",
        "line 5: unknown setting \"length\" in [standup] (there is: timebox)",
        "line 8: bob: expected the team member's name as text",
        "line 10: columns: a board needs at least two (one to start in, one for done)",
        "line 12: accent: \"purple\" is not a colour or attribute (colours: default, black, red, green, yellow, blue, "
          + "magenta, cyan, white, bright-NAME, 0-255, #rrggbb; attributes: bold, underline, reverse, dim)",
        "line 13: header: \"on\" needs a background colour after it",
        "line 14: colours: expected auto, mono, 8, 16, 256 or truecolor",
        "line 15: epics: \"puce\" is not a colour",
        "line 16: unknown theme setting \"shade\" (there are: colours, epics, normal, dim, header, accent, selection, "
          + "key, success, warning, error, input, control)",
        "line 19: unknown command \"mvoe-down\" (did you mean move-down?)",
        "line 20: rank-down: Ctrl-J arrives as Enter; bind Enter",
        "line 21: next-card does nothing in [keys.backlog] (it works in: standup)",
        "line 22: open-detail: expected a key name or a list of them, such as [\"j\", \"Down\"]",
        "line 23: move-up: \"Hyper-K\" is not a key (a character, Space, Enter, Esc, Tab, Shift-Tab, Backspace, "
          + "Delete, Up, Down, Left, Right, PgUp, PgDn, Home, End, F1-F24, Ctrl-A-Ctrl-Z)",
        "line 24: unknown pane [keys.sidebar] (there are: global, backlog, board, standup, reports, detail, picker, help, who, poker)",
        "line 26: start-poker has no key left in [keys.board]: set-points took P",
      ])
    // What was right applied.
    XCTAssertEqual(loaded.config.members, ["alice": "Alice Liddell"])
    XCTAssertEqual(loaded.config.keymap.command(for: .character("P"), in: .board), .setPoints)
    XCTAssertEqual(
      loaded.config.terminal.theme.looks[.selection], Look(.indexed(11), on: .rgb(0x10, 0x20, 0x30), .reverse))
    // What was wrong kept its default.
    XCTAssertTrue(loaded.config.terminal.mouse)
    XCTAssertEqual(loaded.config.standupTimebox, 120)
    XCTAssertEqual(loaded.config.newBoardColumns, Column.defaults)
    XCTAssertEqual(loaded.config.terminal.theme.looks[.accent], Theme.standard.looks[.accent])
    XCTAssertEqual(loaded.config.keymap.command(for: .character("j"), in: .backlog), .moveDown)
  }

  func testAFileThatIsNotTOMLGivesTheLineAndAllDefaults() {
    let loaded = ConfigParser.parse("mouse = false\n[keys.backlog\nmove-down = \"t\"\n")
    XCTAssertEqual(loaded.problems.count, 1)
    XCTAssertEqual(loaded.problems.first?.line, 2)
    XCTAssertTrue(loaded.problems.first?.message.hasSuffix("nothing in the file applies") ?? false)
    XCTAssertEqual(loaded.config, Config())
  }

  func testNewBoardColumnsTeamTimeboxAndMouse() {
    let loaded = ConfigParser.parse(
      """
      mouse = false
      [standup]
      timebox = 90
      [team]
      jdoe = "Jane Doe"
      [new-board]
      columns = ["Backlog", { title = "Doing now", wip = 2 }, { title = "Shipped", id = "done" }]
      [theme]
      colours = "mono"
      """)
    XCTAssertEqual(loaded.problems, [])
    XCTAssertFalse(loaded.config.terminal.mouse)
    XCTAssertEqual(loaded.config.standupTimebox, 90)
    XCTAssertEqual(loaded.config.member(forUser: "jdoe"), "Jane Doe")
    XCTAssertEqual(loaded.config.member(forUser: "sam"), "sam")
    XCTAssertEqual(
      loaded.config.newBoardColumns,
      [
        Column(id: "backlog", title: "Backlog"), Column(id: "doing-now", title: "Doing now", wipLimit: 2),
        Column(id: "done", title: "Shipped"),
      ])
    XCTAssertEqual(loaded.config.terminal.colourDepth, .mono)
  }

  func testColumnMistakes() {
    let loaded = ConfigParser.parse(
      """
      [new-board]
      columns = [{ title = "A", wip = 0 }, { name = "B" }, { title = "A" }, 4, { title = "C", id = "c d" }]
      """)
    XCTAssertEqual(
      loaded.problems.map(\.message),
      [
        "columns: column 1: wip must be a whole number above 0 (leave it out for no limit)",
        "columns: column 2: unknown field \"name\" (there are: title, id, wip)",
        "columns: column 4: expected { title = \"…\", wip = N } or a title",
        "columns: column 5: id \"c d\" must be ASCII letters, digits and dashes",
      ])
    XCTAssertEqual(loaded.config.newBoardColumns, Column.defaults)
  }

  func testTheSummaryNamesTheFileTheFirstProblemAndHowManyMore() {
    var loaded = ConfigParser.parse("mouse = 1\n[standup]\ntimebox = 1\n")
    loaded.path = "/home/a/.config/scrum/config.toml"
    XCTAssertEqual(
      loaded.summary,
      "/home/a/.config/scrum/config.toml: line 1: mouse: expected true or false; using the default for it "
        + "(and 1 more: scrum config --check)")
  }

  func testTheFileIsFoundUnderXDGConfigHome() {
    XCTAssertEqual(
      LoadedConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "/x/conf", "HOME": "/home/a"]), "/x/conf/scrum/config.toml")
    XCTAssertEqual(LoadedConfig.defaultPath(environment: ["HOME": "/home/a"]), "/home/a/.config/scrum/config.toml")
    // A relative XDG_CONFIG_HOME is to be ignored, as the XDG spec says.
    XCTAssertEqual(
      LoadedConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "conf", "HOME": "/home/a"]),
      "/home/a/.config/scrum/config.toml")
  }
}
