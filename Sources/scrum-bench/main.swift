// scrum-bench: the figures of a board as it grows. Run in release:
//   swift run -c release scrum-bench [sizes...]      (default: 1000 10000 100000)
//   swift run -c release scrum-bench generate N FILE (a board of N stories, for tuibench)
// For each size it generates a realistic board (GeneratedBoard) in a temporary folder and
// reports medians and p99 of: loading the whole board, one write-through of an action (a rank
// move as the store writes it, one transaction, fsync'd, with the board file in memory),
// picking up another process's change (what the live reload does), and key to finished frame
// in process for cursor, rank, filter and card moves. Each of those checks that the frame it
// drew shows what it should.
import BoardApp
import Foundation
import ScrumCore
import ScrumStore
import TermUI

/// A terminal that only keeps the last frame: key-to-frame time without a screen.
final class BenchTerminal: Terminal {
  var size = Size(120, 40)
  var frames = 0
  var lastFrame = Grid(size: Size(120, 40))
  func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? { nil }
  func draw(_ grid: Grid, cursor: Point?) {
    frames += 1
    lastFrame = grid
  }
  func suspend() {}
  func resume() {}
  func suspendToShell() {}
}

func measure(_ runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
  var samples: [Double] = []
  for _ in 0..<runs {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
  }
  return samples.sorted()
}

/// The median and the 99th percentile (nearest rank) of sorted samples. A p99 needs a few hundred
/// samples to be one: of 50 it is the slowest, which on a shared host is whatever the host did
/// to that one run. Fewer than 100 samples (the whole board's loads) report their slowest as such.
func summary(_ samples: [Double]) -> String {
  let median = samples[samples.count / 2]
  guard samples.count >= 100 else {
    return String(format: "%8.2f ms  (max %7.2f)", median, samples[samples.count - 1])
  }
  let p99 = samples[Int((Double(samples.count) * 0.99).rounded(.up)) - 1]
  return String(format: "%8.2f ms  (p99 %7.2f)", median, p99)
}

/// Timed runs per action (half that for the slower ones): a p99 with ten runs slower than it, not
/// the slowest run.
let timedRuns = 1_000

/// Stops the run when a frame does not show what the action should have drawn: a fast wrong
/// frame is no result.
func check(_ condition: Bool, _ what: @autoclosure () -> String) {
  if !condition { wrongFrame(what()) }
}

func wrongFrame(_ what: String) -> Never {
  FileHandle.standardError.write(Data("scrum-bench: wrong frame: \(what)\n".utf8))
  exit(1)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "generate" {
  guard arguments.count == 3, let count = Int(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: scrum-bench generate N FILE\n".utf8))
    exit(2)
  }
  try? FileManager.default.removeItem(atPath: arguments[2])
  try BoardRepository.create(at: arguments[2], board: GeneratedBoard.make(stories: count, now: Date())).close()
  exit(0)
}
let usage = """
  usage: scrum-bench [N ...]           in-process timings for boards of N stories (default 1000 10000 100000)
         scrum-bench generate N FILE   write a generated board of N stories to FILE

  """
let sizes = arguments.compactMap(Int.init)
guard sizes.count == arguments.count, sizes.allSatisfy({ $0 > 0 }) else {
  // --help, or anything that is not a size: say how it is used rather than run for minutes.
  if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) {
    print(usage, terminator: "")
    exit(0)
  }
  FileHandle.standardError.write(Data(usage.utf8))
  exit(2)
}
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrum-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

/// One size's board for the storage figures: its file, a reader and a writer on it, and the
/// board as the reader loaded it (kept up to date with the changes written and taken in).
final class StorageRun {
  let size: Int
  let path: String
  let reader: BoardRepository
  let writer: BoardRepository
  var board: Board
  let ids: [StoryID]
  let load: [Double]
  var writes: [Double] = []
  var reloads: [Double] = []
  var seen: Int

  init(size: Int, folder: URL) throws {
    self.size = size
    path = folder.appendingPathComponent("board-\(size).db").path
    try BoardRepository.create(at: path, board: GeneratedBoard.make(stories: size, now: Date())).close()
    reader = try BoardRepository.open(at: path)
    let reader = reader
    load = try measure(5) { _ = try reader.load() }
    (board, seen) = try reader.loadWithRevision()
    writer = try BoardRepository.open(at: path)
    ids = board.stories.map(\.id)
  }
}

// Every size's board first; then the writes and the reloads taken in turns across the sizes
// (1k, 10k, 100k, 1k, ...), so that the disk's busy minutes fall on every size alike and the
// sizes compare as alternating runs do.
let runs = try (sizes.isEmpty ? [1_000, 10_000, 100_000] : sizes).map { try StorageRun(size: $0, folder: folder) }
for run in runs {
  // The board file's pages in memory, as an open board's are while it is used: this host pages
  // out file pages left idle for about a minute (DAMON), and a write that must first read a
  // page back from disk waits for the read; at 100,000 stories most index pages were (the
  // whole board's load reads the table and one index, not the others). README, Performance.
  _ = FileManager.default.contents(atPath: run.path)
}
// The write-through alone: the move is planned and made in memory first (that part is in the
// key-to-frame figures below, rank move), so that this is the storage's own cost.
for index in 0..<timedRuns / 2 {
  for run in runs {
    let id = run.ids[(index * 7919) % run.ids.count]
    let anchor = run.ids[(index * 104_729 + 1) % run.ids.count]
    guard id != anchor else { continue }
    let change = try run.board.rank(id, .before(anchor), at: Date())
    run.writes += try measure(1) { try run.writer.apply(change) }
  }
}
// Another process (the writer) changes one story; the reader picks up just that.
for run in runs { run.seen = try run.reader.revision() }
for step in 0..<timedRuns / 2 {
  for run in runs {
    let id = run.ids[(step * 31) % run.ids.count]
    try run.writer.apply(try run.board.edit(id, [.assignee("member\(step)")], at: Date()))
    run.reloads += try measure(1) {
      let revision = try run.reader.revision()
      guard revision != run.seen else { return }
      let update = try run.reader.changes(since: run.seen)
      run.board.merge(
        stories: update.changedStories, deleted: update.deletedStories, nextStoryNumber: update.settings.nextStoryNumber)
      run.seen = update.revision
    }
  }
}
print("stories   load whole board          write one change          reload another's change")
for run in runs {
  run.reader.close()
  run.writer.close()
  print(
    String(format: "%7d", run.size) + "  " + summary(run.load) + "  " + summary(run.writes.sorted()) + "  "
      + summary(run.reloads.sorted()))
}

// Key to finished frame, in process: the reducer, the write-through (for a rank move) and
// rendering the 120x40 frame into the grid. The terminal's own output is not included.
var lastTableRows: [(Int, [Double], [Double])] = []
print("")
print(
  "stories   cursor move (j)           rank move (J/K)           estimate (p, Enter)       "
    + "filter keystroke (\"delivery\")  card move (L/H, board)")
for (size, path) in runs.map({ ($0.size, $0.path) }) {
  let store = try BoardRepository.open(at: path)
  let (board, revision) = try store.loadWithRevision()
  let terminal = BenchTerminal()
  // `consume`, as `scrum` does: the state holds the only reference to the board.
  let runtime = Runtime(board: consume board, revision: revision, store: store, terminal: terminal)
  runtime.drawFrame()
  // Start in the product backlog, away from the edges.
  for _ in 0..<20 { runtime.handle(.key(.character("j"))) }
  func selectedRowShown() -> Bool {
    guard let id = runtime.state.backlog.selection else { return false }
    let key = runtime.state.board.key(of: id)
    return terminal.lastFrame.lines.contains { $0.hasPrefix("› \(key) ") }
  }
  let cursor = measure(timedRuns) { runtime.handle(.key(.character(["j", "k"][Int.random(in: 0...1)]))) }
  check(selectedRowShown(), "the selected story is not highlighted after cursor moves")
  var down = true
  let rank = measure(timedRuns) {
    runtime.handle(.key(.character(down ? "J" : "K")))
    down.toggle()
  }
  check(selectedRowShown(), "the ranked story is not highlighted")
  // An estimate set from the picker (p, a step down the scale, Enter): any change but a rank
  // move lays the backlog's rows out again, from the board's row facts.
  var estimate: [Double] = []
  for step in 0..<timedRuns / 2 {
    runtime.handle(.key(.character("p")))
    runtime.handle(.key(.character(step % 2 == 0 ? "j" : "k")))
    estimate += measure(1) { runtime.handle(.key(.enter)) }
  }
  estimate.sort()
  check(runtime.state.picker == nil && selectedRowShown(), "the estimated story is not highlighted")
  // Typing a filter as a user does: "delivery" a letter at a time, over and over. The first
  // letter looks at every story; each next one only at what still matches.
  var filter: [Double] = []
  for _ in 0..<timedRuns / 8 {
    runtime.handle(.key(.character("/")))
    for character in "delivery" { filter += measure(1) { runtime.handle(.key(.character(character))) } }
    let lines = terminal.lastFrame.lines
    check(lines[0].contains("filter: /delivery"), "the filter is not in the title bar")
    let shown = runtime.state.backlog.selection.flatMap { runtime.state.board.story($0) }
    check(
      shown.map { "\($0.title) \($0.description)".lowercased().contains("delivery") } ?? false,
      "the selected story does not match the filter")
    check(selectedRowShown(), "the first match is not highlighted")
    runtime.handle(.key(.escape))
    runtime.handle(.key(.escape))
  }
  filter.sort()
  // Estimates with the filter on, after a pause: the filter is worked out again, a slice at a
  // time, as far as the story and a screenful past it.
  runtime.handle(.key(.character("/")))
  for character in "delivery" { runtime.handle(.key(.character(character))) }
  runtime.handle(.key(.enter))
  runtime.finishPendingWork()
  for _ in 0..<30 { runtime.handle(.key(.character("j"))) }
  var filteredEstimate: [Double] = []
  for step in 0..<timedRuns / 10 {
    runtime.handle(.key(.character("p")))
    runtime.handle(.key(.character(step % 2 == 0 ? "j" : "k")))
    filteredEstimate += measure(1) { runtime.handle(.key(.enter)) }
    check(selectedRowShown(), "the estimated story left its row under the filter")
    runtime.finishPendingWork()
  }
  filteredEstimate.sort()
  runtime.handle(.key(.escape))
  // The sprint board: move a card right and back, written through each time, then the next
  // card down the column (untimed), from the top again every ten: one story moved a thousand
  // times would time its history's growth instead.
  runtime.handle(.key(.character("2")))
  var card: [Double] = []
  for pair in 0..<timedRuns / 2 {
    card += measure(1) { runtime.handle(.key(.character("L"))) }
    card += measure(1) { runtime.handle(.key(.character("H"))) }
    runtime.handle(.key(.character(pair % 10 == 9 ? "g" : "j")))
  }
  card.sort()
  check(terminal.lastFrame.lines[0].hasSuffix("Board"), "the sprint board is not on screen")
  runtime.handle(.key(.character("1")))
  // Another process renames the story on screen; the live reload takes the change in and
  // draws it: what a teammate's move costs this session at standup.
  let other = try BoardRepository.open(at: path)
  var planner = runtime.state.board
  guard let shown = runtime.state.backlog.selection else { wrongFrame("no story is selected") }
  _ = try planner.edit(shown, [.title("Warmed up")], at: Date())  // its own copy, untimed
  var fromOthers: [Double] = []
  for step in 0..<timedRuns / 2 {
    let title = "Renamed by another session \(step)"
    try other.apply(try planner.edit(shown, [.title(title)], at: Date()))
    fromOthers += measure(1) { runtime.pullChangesFromOthers() }
    check(terminal.lastFrame.lines.contains { $0.contains(title) }, "another session's rename is not on screen")
  }
  fromOthers.sort()
  other.close()
  store.close()
  print(
    String(format: "%7d", size) + "  " + summary(cursor) + "  " + summary(rank) + "  " + summary(estimate) + "  "
      + summary(filter) + "  " + summary(card))
  lastTableRows.append((size, filteredEstimate, fromOthers))
}

print("")
print("stories   estimate under a text filter (p, Enter)  another session's change, to frame")
for (size, estimates, fromOthers) in lastTableRows {
  print(String(format: "%7d", size) + "  " + summary(estimates) + "         " + summary(fromOthers))
}
