import Foundation
import ScrumCore
import ScrumStore
import TermUI
import TestSupport
import Testing

@testable import BoardApp

/// Random keys and resizes through the real runtime (in-memory store, fake terminal), checking
/// the board's invariants after every step. `FUZZ_KEYS` sets the keys per seed (the suite
/// runs 10 seeds x 10,000); `scripts/fuzz` runs a million.
@Suite struct KeyFuzzTests {
  static let keysPerSeed = Int(ProcessInfo.processInfo.environment["FUZZ_KEYS"] ?? "") ?? 10_000

  @Test(arguments: Array(UInt64(1)...UInt64(10)))
  func randomKeysKeepEveryInvariant(seed: UInt64) throws {
    var generator = SplitMix(seed: seed &* 0x9E37_79B9)
    let events = (0..<KeyFuzzTests.keysPerSeed).map { _ in FuzzEvent.random(using: &generator) }
    if let failure = try FuzzRun.firstFailure(events, seed: seed) {
      // Shrinking replays the run many times; FUZZ_NO_SHRINK=1 reports the failure at once.
      guard ProcessInfo.processInfo.environment["FUZZ_NO_SHRINK"] != "1" else {
        Issue.record("seed \(seed): \(failure.message) after \(failure.step + 1) events")
        return
      }
      let shortest = try FuzzRun.shrink(events: Array(events.prefix(failure.step + 1)), seed: seed)
      Issue.record(
        "seed \(seed): \(failure.message) after \(failure.step + 1) events; shortest reproduction (\(shortest.count) events): \(shortest)")
    }
  }
}

/// One thing a user can do.
enum FuzzEvent: CustomStringConvertible, Sendable {
  case key(Key)
  case resize(Size)
  case tick(TimeInterval)
  case mouse(MouseEvent)

  var description: String {
    switch self {
    case .key(let key): return "key(\(key))"
    case .resize(let size): return "resize(\(size))"
    case .tick(let seconds): return "tick(\(Int(seconds))s)"
    case .mouse(let event): return "mouse(\(event.kind) at \(event.point.x),\(event.point.y))"
    }
  }

  /// Keys the board binds, weighted up, then any printable character, control keys and named
  /// keys; a resize now and then, from 1x1 to 300x100.
  static func random(using generator: inout SplitMix) -> FuzzEvent {
    let roll = Int.random(in: 0..<1000, using: &generator)
    if roll < 8 {
      return .resize(Size(Int.random(in: 1...300, using: &generator), Int.random(in: 1...100, using: &generator)))
    }
    if roll < 20 { return .resize(Size(Int.random(in: 40...200, using: &generator), Int.random(in: 10...60, using: &generator))) }
    if roll < 25 { return .tick(Double(Int.random(in: 1...300, using: &generator))) }
    if roll < 45 {
      let kinds: [MouseEvent.Kind] = [.press, .press, .press, .wheelUp, .wheelDown]
      let point = Point(Int.random(in: 0..<200, using: &generator), Int.random(in: 0..<60, using: &generator))
      return .mouse(MouseEvent(kinds[Int.random(in: 0..<kinds.count, using: &generator)], at: point))
    }
    if roll < 700 { return .key(boundKeys[Int.random(in: 0..<boundKeys.count, using: &generator)]) }
    if roll < 850 {
      let scalar = UnicodeScalar(UInt32.random(in: 0x20...0x7E, using: &generator)) ?? "x"
      return .key(.character(Character(scalar)))
    }
    if roll < 900 { return .key(.character(wide[Int.random(in: 0..<wide.count, using: &generator)])) }
    if roll < 950 {
      let letter = Character(UnicodeScalar(UInt8.random(in: 97...122, using: &generator)))
      return .key(.control(letter))
    }
    return .key(named[Int.random(in: 0..<named.count, using: &generator)])
  }

  static let boundKeys: [Key] = {
    var keys = Set<Key>()
    for entry in Command.defaultBindings { keys.formUnion(entry.keys) }
    return keys.sorted { $0.description < $1.description }
  }()
  static let wide: [Character] = ["日", "本", "🚀", "é", "\u{1B}", "\u{7}", "ß", "한", "\u{202E}", "👍🏽"]
  static let named: [Key] = [
    .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .delete, .tab, .backTab,
    .function(1), .function(12),
  ]
}

typealias SplitMix = SeededGenerator

enum FuzzRun {
  struct Failure {
    let step: Int
    let message: String
  }

  /// Replays events from a fresh board; returns the first broken invariant.
  static func firstFailure(_ events: [FuzzEvent], seed: UInt64) throws -> Failure? {
    var editorRandom = SplitMix(seed: seed)
    let store = try BoardRepository.inMemory(Fixtures.sampleBoard())
    let editor: EditorLauncher = { path in
        switch Int.random(in: 0..<3, using: &editorRandom) {
        case 0: return false
        case 1: return true
        default:
          let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
          return (try? (text + "- [ ] fuzzed line\nPoints: 7\n").write(toFile: path, atomically: true, encoding: .utf8))
            != nil
        }
    }
    var app = try Session(size: Size(80, 24), store: store, editor: editor)
    var quits = 0
    for (step, event) in events.enumerated() {
      if app.runtime.finished {
        // The user quit: open the board again, as they would, and go on.
        quits += 1
        app = try Session(size: app.terminal.size, store: store, editor: editor)
      }
      switch event {
      case .key(let key): app.press(key)
      case .resize(let size): app.resize(to: size)
      case .tick(let seconds):
        app.advanceClock(by: seconds)
        app.runtime.handle(.resized(app.terminal.size))
        // An idle moment: presence told and read, the poker round taken in.
        app.tick()
      case .mouse(let event): app.runtime.handle(.mouse(event))
      }
      if app.state.help == nil, app.state.prompt == nil, app.state.picker == nil, step % 97 == 0 {
        // Undo then redo gives the same board (history aside: an undone move is a move too).
        let before = comparable(app.state.board)
        let undoable = !app.state.undoStack.isEmpty
        app.press(.character("u"))
        if undoable { app.press(.control("r")) }
        if comparable(app.state.board) != before {
          return Failure(step: step, message: "undo then redo changed the board")
        }
      }
      if let broken = invariantBroken(app.state, rendered: app.screen) { return Failure(step: step, message: broken) }
      if step % 50 == 0 {
        let rows = app.state.backlogRows
        if rows != BacklogRows(board: app.state.board, filter: app.state.filter) {
          return Failure(step: step, message: "the backlog rows differ from a fresh rebuild")
        }
        let board = app.state.board
        for (number, fact) in board.rowFacts.enumerated() {
          let story = board.story(StoryID(number))
          let sprint = fact.sprintSlot >= 0 ? board.sprintNames[Int(fact.sprintSlot)] : nil
          guard fact.exists == (story != nil),
            story.map({ $0.sprint == sprint && ($0.points?.value ?? 0) == fact.points && $0.isReady == fact.ready })
              ?? true
          else { return Failure(step: step, message: "the row facts of #\(number) are stale") }
        }
        for id in board.rankOrder where !board.rowFacts.indices.contains(id.number) {
          return Failure(step: step, message: "\(id) has no row facts")
        }
        for sprint in board.sprints where board.stories(inSprint: sprint.name).map(\.id) != board.stories.filter({ $0.sprint == sprint.name }).map(\.id) {
          return Failure(step: step, message: "the sprint index of \(sprint.name) is stale")
        }
        for (position, id) in rows.storyIDs.enumerated() {
          guard rows.position(of: id) == position, let row = rows.rowIndex(of: id), rows.rows[row] == .story(id),
            rows.section(of: id).contains(id)
          else { return Failure(step: step, message: "the backlog's index of \(id) is stale") }
        }
      }
      if step % 500 == 0 {
        let stored = try app.store.load()
        if stored != app.state.board {
          let shown = app.state.board
          let story = shown.stories.first { stored.story($0.id) != $0 }
          let detail = story.map { "\($0.id): on screen \($0), stored \(String(describing: stored.story($0.id)))" }
            ?? "settings: on screen \(shown.sprints) \(shown.workingDays), stored \(stored.sprints) \(stored.workingDays)"
          return Failure(step: step, message: "the stored board differs from the one on screen: \(detail)")
        }
      }
    }
    return nil
  }

  /// The board without the parts an undo legitimately adds to (status and scope history, times).
  static func comparable(_ board: Board) -> [Story] {
    board.stories.map { story in
      var copy = story
      copy.history = []
      copy.scopeHistory = []
      copy.updatedAt = copy.createdAt
      return copy
    }
  }

  static func invariantBroken(_ state: AppState, rendered: Grid) -> String? {
    let board = state.board
    let order = board.rankOrder
    if Set(order).count != order.count || order.count != board.stories.count { return "a story is listed twice or lost" }
    let stories = board.stories
    for (a, b) in zip(stories, stories.dropFirst()) where !(a.rank < b.rank) {
      return "ranks not strictly ordered: \(a.id) \(a.rank) then \(b.id) \(b.rank)"
    }
    if rendered.size != state.size { return "the frame is \(rendered.size), the terminal \(state.size)" }
    let rows = state.backlogRows
    if let selection = state.backlog.selection {
      if board.story(selection) == nil { return "the backlog selection \(selection) is not on the board" }
      if rows.position(of: selection) == nil { return "the backlog selection \(selection) is not shown" }
    } else if !rows.storyIDs.isEmpty, state.prompt == nil {
      return "stories are shown but none is selected"
    }
    let height = Layout(state).backlogList.height
    if state.backlog.scroll < 0 || (height > 0 && state.backlog.scroll > max(0, rows.rows.count - height)) {
      return "backlog scroll \(state.backlog.scroll) out of range"
    }
    if state.pane == .detail {
      guard let detail = state.detail, let story = board.story(detail.story) else { return "the detail shows no live story" }
      let text = DetailText(board: board, story: story, width: Layout(state).detailBody.width, now: state.now)
      if detail.scroll < 0 || detail.scroll > max(0, text.lines.count - Layout(state).detailBody.height) {
        return "detail scroll \(detail.scroll) out of range"
      }
      if !text.order.contains(detail.cursor) { return "the detail cursor \(detail.cursor) is not on the story" }
    }
    if let selection = state.sprintBoard.selection, board.story(selection) == nil {
      return "the board selection \(selection) is not on the board"
    }
    if state.sprintBoard.column < 0 || state.sprintBoard.column >= max(1, board.columns.count) {
      return "board column \(state.sprintBoard.column) out of range"
    }
    if let picker = state.picker, !picker.options.indices.contains(picker.selection) {
      return "picker selection out of range"
    }
    if let standup = state.standup, !standup.order.isEmpty, !standup.order.indices.contains(standup.index) {
      return "standup index out of range"
    }
    return nil
  }

  /// Removes events while the failure stays: the shortest sequence found that reproduces it.
  static func shrink(events: [FuzzEvent], seed: UInt64) throws -> [FuzzEvent] {
    var current = events
    var chunk = max(1, current.count / 2)
    while chunk >= 1 {
      var start = 0
      var removed = false
      while start < current.count {
        var candidate = current
        candidate.removeSubrange(start..<min(current.count, start + chunk))
        if !candidate.isEmpty, try firstFailure(candidate, seed: seed) != nil {
          current = candidate
          removed = true
        } else {
          start += chunk
        }
      }
      if !removed { chunk /= 2 }
    }
    return current
  }
}
