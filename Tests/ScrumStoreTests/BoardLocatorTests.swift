import Testing

@testable import ScrumStore

@Suite struct BoardLocatorTests {
  func locator(_ environment: [String: String], existing: Set<String> = [], cwd: String = "/work/app/src")
    -> BoardLocator
  {
    BoardLocator(environment: environment, workingDirectory: cwd, fileExists: { existing.contains($0) })
  }

  @Test func explicitPathWinsOverEverything() {
    let found = locator(["SCRUM_BOARD": "/env.db"], existing: ["/work/app/.scrum/board.db"])
      .boardPath(explicit: "mine.db")
    #expect(found == "/work/app/src/mine.db")
  }

  @Test func environmentComesNext() {
    #expect(locator(["SCRUM_BOARD": "/env.db"]).boardPath(explicit: nil) == "/env.db")
  }

  @Test func theNearestScrumFolderAboveIsFound() {
    let found = locator(["HOME": "/root"], existing: ["/work/app/.scrum/board.db", "/work/.scrum/board.db"])
      .boardPath(explicit: nil)
    #expect(found == "/work/app/.scrum/board.db")
  }

  @Test func otherwiseTheUserDataFolder() {
    #expect(locator(["HOME": "/home/po"]).boardPath(explicit: nil) == "/home/po/.local/share/scrum/board.db")
    #expect(locator(["XDG_DATA_HOME": "/data"]).boardPath(explicit: nil) == "/data/scrum/board.db")
  }

  @Test func theDemoNeverUsesTheRealBoard() {
    #expect(locator(["HOME": "/home/po"]).demoPath(explicit: nil) == "/home/po/.local/share/scrum/demo.db")
  }

  @Test func pathsAreMadeAbsoluteAndPlain() {
    let here = locator(["HOME": "/home/po"], cwd: "/work/app/src")
    #expect(here.boardPath(explicit: "../boards/./team.db") == "/work/app/boards/team.db")
    #expect(here.boardPath(explicit: "/a//b/../c.db") == "/a/c.db")
    #expect(here.boardPath(explicit: "~/team.db") == "/home/po/team.db")
    #expect(here.boardPath(explicit: "~") == "/home/po")
    #expect(here.boardPath(explicit: "../../../../up.db") == "/up.db")
    #expect(here.initPath(explicit: nil) == "/work/app/src/.scrum/board.db")
  }

  @Test func aFilesFolderIsWorkedOutAsText() {
    #expect(BoardLocator.folder(containing: "/work/app/.scrum/board.db") == "/work/app/.scrum")
    #expect(BoardLocator.folder(containing: "/board.db") == "/")
    #expect(BoardLocator.folder(containing: "boards/team.db") == "boards")
    #expect(BoardLocator.folder(containing: "team.db") == ".")
  }

  @Test func theSearchStopsAtTheRoot() {
    let rootBoard = locator(["HOME": "/home/po"], existing: ["/.scrum/board.db"], cwd: "/srv/team")
    #expect(rootBoard.boardPath(explicit: nil) == "/.scrum/board.db")
    let fromRoot = locator(["HOME": "/home/po"], cwd: "/")
    #expect(fromRoot.boardPath(explicit: nil) == "/home/po/.local/share/scrum/board.db")
    #expect(fromRoot.initPath(explicit: nil) == "/.scrum/board.db")
  }
}
