import Foundation
import GRDB
import Glibc
import ScrumCore
import ScrumStore
import TermUI
import TestSupport
import Testing

/// Several processes on one board at once: the standup case, through the real binary.
@Suite struct SharedBoardTests {
  /// kill -9 trials (CRASH_TRIALS to change).
  static let crashTrials = Int(ProcessInfo.processInfo.environment["CRASH_TRIALS"] ?? "") ?? 50
  /// Seconds of the five-writer soak (SOAK_SECONDS; scripts/soak runs 60).
  static let soakSeconds = Double(ProcessInfo.processInfo.environment["SOAK_SECONDS"] ?? "") ?? 10

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
    let editedFile = "\(workspace.folder.path)/edited"
    let stream = """
      i=0
      while true; do
        i=$((i+1))
        key=$("\(binary)" add "Crash test $i" --points 3 --criterion "Survives" --board "\(board)") || continue
        echo "$key" >> "\(printedFile)"
        "\(binary)" edit "$key" --status in-progress --assignee dana --board "\(board)" && echo "$key" >> "\(editedFile)"
        "\(binary)" rank "$key" --top --board "\(board)"
      done
      """
    var generator = SystemRandomNumberGenerator()
    for round in 1...SharedBoardTests.crashTrials {
      let group = try Subprocess.spawnShell(stream)
      usleep(UInt32.random(in: 40_000...160_000, using: &generator))
      kill(-group, SIGKILL)
      Subprocess.wait(group)
      // A killed writer's lock is released as the kernel tears the process down, which may be
      // a moment after the shell reaped: wait for it, as scrum itself does.
      var configuration = Configuration()
      configuration.busyMode = .timeout(10)
      let queue = try DatabaseQueue(path: board, configuration: configuration)
      let integrity = try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
      let numbers = Set(try queue.read { try Int.fetchAll($0, sql: "SELECT number FROM story") })
      let editedRows = try queue.read {
        try Row.fetchAll($0, sql: "SELECT number, status, assignee FROM story WHERE status = 'in-progress' AND assignee = 'dana'")
      }
      let editedNumbers = Set(editedRows.map { $0["number"] as Int })
      try queue.close()
      #expect(integrity == "ok", "round \(round)")
      let printed = ((try? String(contentsOfFile: printedFile, encoding: .utf8)) ?? "").split(separator: "\n")
      for key in printed {
        let number = Int(key.dropFirst(3)) ?? -1
        #expect(numbers.contains(number), "round \(round): \(key) was printed but is gone")
      }
      // Every edit the client saw acknowledged is there too.
      for key in ((try? String(contentsOfFile: editedFile, encoding: .utf8)) ?? "").split(separator: "\n") {
        #expect(editedNumbers.contains(Int(key.dropFirst(3)) ?? -1), "round \(round): the edit of \(key) was acknowledged but is gone")
      }
    }
    let printed = ((try? String(contentsOfFile: printedFile, encoding: .utf8)) ?? "").split(separator: "\n")
    #expect(printed.count >= 5, "the stream should have added stories between kills")
  }
}

extension SharedBoardTests {
  /// Five processes make random edits to their own stories for a while; two open boards watch.
  /// Every edit a process saw acknowledged is there at the end, no key is shared, and both
  /// boards converge on the stored one.
  @Test func fiveWritersSoakWithoutLosingAnAcknowledgedEdit() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let binary = workspace.binary
    let board = workspace.board
    try BoardRepository.create(at: board, board: Fixtures.sampleBoard()).close()
    let folder = workspace.folder.path
    // Each writer adds stories and edits them; after each acknowledged command it logs what
    // it set. `RANDOM` makes the edits differ between writers and runs.
    let writer = """
      p=$1; end=$(( $(date +%s) + \(Int(SharedBoardTests.soakSeconds)) ))
      keys=""
      while [ $(date +%s) -lt $end ]; do
        case $((RANDOM % 4)) in
          0|1) key=$("\(binary)" add "Writer $p story $RANDOM" --board "\(board)") && { keys="$keys $key"; echo "add $key" >> "\(folder)/acks-$p"; } ;;
          2) set -- $keys; [ $# -gt 0 ] && { key=$(eval echo \\${$((RANDOM % $# + 1))}); pts=$(echo 1 2 3 5 8 | cut -d' ' -f$((RANDOM % 5 + 1)));
               "\(binary)" edit "$key" --points $pts --board "\(board)" && echo "points $key $pts" >> "\(folder)/acks-$p"; } ; set -- "$p" ;;
          3) set -- $keys; [ $# -gt 0 ] && { key=$(eval echo \\${$((RANDOM % $# + 1))});
               "\(binary)" rank "$key" --top --board "\(board)" && echo "rank $key" >> "\(folder)/acks-$p"; } ; set -- "$p" ;;
        esac
      done
      """
    try writer.write(toFile: "\(folder)/writer.sh", atomically: true, encoding: .utf8)
    let watcherA = try Session(store: try BoardRepository.open(at: board))
    let watcherB = try Session(size: Size(200, 50), store: try BoardRepository.open(at: board))
    let all = try Subprocess.spawnShell("for p in 1 2 3 4 5; do bash \"\(folder)/writer.sh\" $p & done; wait")
    let deadline = Date().addingTimeInterval(SharedBoardTests.soakSeconds + 30)
    var done = false
    while !done, Date() < deadline {
      watcherA.runtime.pullChangesFromOthers()
      watcherB.runtime.pullChangesFromOthers()
      var status: Int32 = 0
      done = waitpid(all, &status, WNOHANG) == all
      usleep(100_000)
    }
    #expect(done, "the writers did not finish")

    let stored = try BoardRepository.open(at: board, readOnly: true).load()
    var added = 0
    var lastPoints: [String: Int] = [:]
    for p in 1...5 {
      let acks = ((try? String(contentsOfFile: "\(folder)/acks-\(p)", encoding: .utf8)) ?? "").split(separator: "\n")
      for ack in acks {
        let parts = ack.split(separator: " ").map(String.init)
        guard parts.count >= 2, stored.storyID(forKey: parts[1]) != nil else {
          Issue.record("writer \(p): acknowledged \(ack) but \(parts.dropFirst().first ?? "?") is gone")
          continue
        }
        if parts[0] == "add" { added += 1 }
        if parts[0] == "points", parts.count == 3 { lastPoints[parts[1]] = Int(parts[2]) }
      }
    }
    #expect(added > 20, "the writers should have added stories: \(added)")
    for (key, points) in lastPoints {
      let id = try #require(stored.storyID(forKey: key))
      #expect(stored.story(id)?.points?.value == Double(points), "\(key): the last acknowledged points were \(points)")
    }
    #expect(Set(stored.stories.map(\.id)).count == stored.storyCount)
    watcherA.runtime.pullChangesFromOthers()
    watcherB.runtime.pullChangesFromOthers()
    #expect(watcherA.state.board == stored)
    #expect(watcherB.state.board == stored)
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
    #expect(added.output == "SB-36\n")
    let moved = try Subprocess.run([workspace.binary, "rank", "SB-36", "--top", "--board", workspace.board])
    #expect(moved.status == 0)
    screen = try tmux.waitFor("SB-36 at the top of the backlog within 2 s", timeout: 2) { screen in
      guard let row = screen.row(containing: "SB-36"), let heading = screen.row(containing: "Product backlog") else {
        return false
      }
      return row == heading + 1
    }
    #expect(screen.contains("› SB-3 "))
    try tmux.press("q")
    #expect(try tmux.waitForExit() == 0)
  }
}
