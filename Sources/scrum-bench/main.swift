// scrum-bench: the storage figures of a board as it grows. Run in release:
//   swift run -c release scrum-bench [sizes...]      (default: 1000 10000 100000)
// For each size it creates a board in a temporary folder and reports medians and p99 of:
// loading the whole board, one write-through action (a rank move, one transaction, fsync'd),
// and picking up another process's change (what the live reload does).
import Foundation
import ScrumCore
import ScrumStore

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

func summary(_ samples: [Double]) -> String {
  let median = samples[samples.count / 2]
  let p99 = samples[min(samples.count - 1, Int(Double(samples.count) * 0.99))]
  return String(format: "%8.2f ms  (p99 %7.2f)", median, p99)
}

let sizes = CommandLine.arguments.dropFirst().compactMap(Int.init)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrum-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

print("stories   load whole board          write one change          reload another's change")
for size in sizes.isEmpty ? [1_000, 10_000, 100_000] : sizes {
  let path = folder.appendingPathComponent("board-\(size).db").path
  let sample = SampleBoard.make(now: Date(), extraStories: max(0, size - 28))
  try BoardRepository.create(at: path, board: sample).close()

  let reader = try BoardRepository.open(at: path)
  let load = try measure(5) { _ = try reader.load() }
  var (board, _) = try reader.loadWithRevision()

  let writer = try BoardRepository.open(at: path)
  let ids = board.stories.map(\.id)
  var index = 0
  let write = try measure(50) {
    let id = ids[(index * 7919) % ids.count]
    let anchor = ids[(index * 104_729 + 1) % ids.count]
    index += 1
    guard id != anchor else { return }
    try writer.apply(try board.rank(id, .before(anchor), at: Date()))
  }

  // Another process (the writer) changes one story; the reader picks up just that.
  var seen = try reader.revision()
  var reloads: [Double] = []
  for step in 0..<50 {
    let id = ids[(step * 31) % ids.count]
    try writer.apply(try board.edit(id, [.assignee("member\(step)")], at: Date()))
    let samples = try measure(1) {
      let revision = try reader.revision()
      guard revision != seen else { return }
      let update = try reader.changes(since: seen)
      board.merge(stories: update.changedStories, deleted: update.deletedStories, nextStoryNumber: update.settings.nextStoryNumber)
      seen = update.revision
    }
    reloads += samples
  }
  reader.close()
  writer.close()
  print(String(format: "%7d", size) + "  " + summary(load) + "  " + summary(write) + "  " + summary(reloads.sorted()))
}
