import Foundation
import GRDB
import Glibc
import ScrumCore
import ScrumStore
import TestSupport
import Testing

/// Several processes on one board at once: the standup case, through the real binary.
@Suite struct SharedBoardTests {
  @Test func fourWritersAtOnceLoseNoStoryAndNoMove() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let binary = workspace.binary
    let board = workspace.board
    #expect(try Subprocess.run([binary, "init", "--board", board]).status == 0)
    let folder = workspace.folder.path
    // Each writer adds 250 stories, then moves 100 of its own to the top, one by one.
    let worker = """
      p=$1
      for i in $(seq 1 250); do "\(binary)" add "Writer $p story $i" --board "\(board)" >> "\(folder)/keys-$p" || echo "add $p $i" >> "\(folder)/errors"; done
      head -n 100 "\(folder)/keys-$p" | while read key; do "\(binary)" rank "$key" --top --board "\(board)" || echo "rank $key" >> "\(folder)/errors"; done
      """
    try worker.write(toFile: "\(folder)/worker.sh", atomically: true, encoding: .utf8)
    let all = try Subprocess.spawnShell(
      "for p in 1 2 3 4; do sh \"\(folder)/worker.sh\" $p & done; wait")
    #expect(Subprocess.wait(all) == 0)
    #expect(!FileManager.default.fileExists(atPath: "\(folder)/errors"), "\((try? String(contentsOfFile: "\(folder)/errors", encoding: .utf8)) ?? "")")

    let stories = try workspace.stories()
    let keys = stories.compactMap { $0["key"] as? String }
    #expect(keys.count == 1000)
    #expect(Set(keys).count == 1000)
    var printed: [[String]] = []
    for p in 1...4 {
      let lines = try String(contentsOfFile: "\(folder)/keys-\(p)", encoding: .utf8).split(separator: "\n").map(String.init)
      #expect(lines.count == 250)
      printed.append(lines)
    }
    #expect(Set(printed.joined()) == Set(keys))
    // Every move kept: each writer's moved stories are above everything it did not move, and
    // in the reverse order of its moves (the last one moved is the highest).
    let position = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    for lines in printed {
      let moved = lines.prefix(100).compactMap { position[$0] }
      #expect(moved == moved.sorted(by: >), "moves of one writer out of order")
      let unmoved = lines.dropFirst(100).compactMap { position[$0] }
      #expect((moved.max() ?? 0) < (unmoved.min() ?? Int.max))
    }
  }

  @Test func killNineInTheMiddleOfEditsNeverCorruptsOrLosesAPrintedKey() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let binary = workspace.binary
    let board = workspace.board
    try BoardRepository.create(at: board, board: Fixtures.sampleBoard()).close()
    let printedFile = "\(workspace.folder.path)/printed"
    let stream = """
      i=0
      while true; do
        i=$((i+1))
        key=$("\(binary)" add "Crash test $i" --points 3 --criterion "Survives" --board "\(board)") || continue
        echo "$key" >> "\(printedFile)"
        "\(binary)" edit "$key" --status in-progress --assignee dana --board "\(board)"
        "\(binary)" rank "$key" --top --board "\(board)"
      done
      """
    var generator = SystemRandomNumberGenerator()
    for round in 1...20 {
      let group = try Subprocess.spawnShell(stream)
      usleep(UInt32.random(in: 60_000...250_000, using: &generator))
      kill(-group, SIGKILL)
      Subprocess.wait(group)
      let queue = try DatabaseQueue(path: board)
      let integrity = try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
      let numbers = Set(try queue.read { try Int.fetchAll($0, sql: "SELECT number FROM story") })
      try queue.close()
      #expect(integrity == "ok", "round \(round)")
      let printed = ((try? String(contentsOfFile: printedFile, encoding: .utf8)) ?? "").split(separator: "\n")
      for key in printed {
        let number = Int(key.dropFirst(3)) ?? -1
        #expect(numbers.contains(number), "round \(round): \(key) was printed but is gone")
      }
    }
    let printed = ((try? String(contentsOfFile: printedFile, encoding: .utf8)) ?? "").split(separator: "\n")
    #expect(printed.count >= 5, "the stream should have added stories between kills")
  }
}

/// A change made by another process shows on an open board within a second, without a key.
@Suite(.enabled(if: tmuxOrCI)) struct LiveSyncEndToEndTests {
  @Test func aScriptsChangeShowsOnTheOpenBoardWithoutAKeyPress() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try BoardRepository.create(at: workspace.board, board: Fixtures.sampleBoard()).close()
    let tmux = try TmuxSession(command: "\(workspace.binary) --board \(workspace.board)")
    defer { tmux.stop() }
    try tmux.waitFor("the first full frame") { $0.contains("› SB-1 ") && $0.contains("j/k move") }
    try tmux.press("j", "j")
    try tmux.waitFor(text: "› SB-3 ")

    let edited = try Subprocess.run(
      [workspace.binary, "edit", "SB-2", "--title", "Delivery slots, renamed by a script", "--board", workspace.board])
    #expect(edited.status == 0)
    var screen = try tmux.waitFor("the new title within 2 s", timeout: 2) { $0.contains("renamed by a script") }
    #expect(screen.contains("› SB-3 "))

    let added = try Subprocess.run([workspace.binary, "add", "Added from CI", "--board", workspace.board])
    #expect(added.output == "SB-29\n")
    let moved = try Subprocess.run([workspace.binary, "rank", "SB-29", "--top", "--board", workspace.board])
    #expect(moved.status == 0)
    screen = try tmux.waitFor("SB-29 at the top of the backlog within 2 s", timeout: 2) { screen in
      guard let row = screen.row(containing: "SB-29"), let heading = screen.row(containing: "Product backlog") else {
        return false
      }
      return row == heading + 1
    }
    #expect(screen.contains("› SB-3 "))
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)
  }
}
