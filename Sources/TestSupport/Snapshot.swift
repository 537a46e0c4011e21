import Foundation
import TermUI
import Testing

/// Compares a screen with a stored text snapshot in `__Snapshots__/NAME.txt` beside the test
/// file. `SNAPSHOT_RECORD=1 swift test` re-records them, to be reviewed in the diff. A missing
/// snapshot is recorded and fails the test, so nothing passes unseen; under CI it just fails.
public func assertSnapshot(
  _ grid: Grid, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
  assertSnapshot(text: snapshotText(grid), named: "\(name).txt", filePath: filePath, sourceLocation: sourceLocation)
}

/// Compares any text (an export) with a stored file `__Snapshots__/FILE` in the same way.
public func assertSnapshot(
  text actual: String, named fileName: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let name = fileName
  let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
  let file = folder.appendingPathComponent(name)
  let environment = ProcessInfo.processInfo.environment
  let recording = environment["SNAPSHOT_RECORD"] == "1"
  let stored = try? String(contentsOf: file, encoding: .utf8)
  if recording || (stored == nil && environment["CI"] != "true") {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? actual.write(to: file, atomically: true, encoding: .utf8)
    if !recording {
      Issue.record("Recorded a new snapshot \(name); review it and run again", sourceLocation: sourceLocation)
    }
    return
  }
  guard let stored else {
    Issue.record("Missing snapshot \(file.path)", sourceLocation: sourceLocation)
    return
  }
  if stored != actual {
    Issue.record(
      "Differs from snapshot \(name):\n--- stored\n\(stored)--- actual\n\(actual)",
      sourceLocation: sourceLocation)
  }
}

/// The text form of a screen: its size, then each row between bars so trailing blanks show.
public func snapshotText(_ grid: Grid) -> String {
  var text = "size \(grid.size)\n"
  for line in grid.lines { text += "|" + line + "\n" }
  return text
}
