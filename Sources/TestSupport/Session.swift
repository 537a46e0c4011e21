import BoardApp
import Foundation
import ScrumCore
import ScrumStore
import TermUI

/// A scripted user at the real runtime: presses keys (by key or by the command they are bound
/// to), and reads the screen and the stored board back. No terminal, no clock, no disk.
public final class Session {
  public let terminal: FakeTerminal
  public let store: BoardRepository
  public let runtime: Runtime
  private let clock: ManualClock

  public convenience init(
    size: Size = Size(80, 24), board: Board = Fixtures.sampleBoard(), now: Date = Fixtures.now,
    unicodeGraphics: Bool = true, editor: @escaping EditorLauncher = { _ in false }
  ) throws {
    try self.init(
      size: size, store: try BoardRepository.inMemory(board), now: now, unicodeGraphics: unicodeGraphics,
      editor: editor)
  }

  /// A session on an existing store: several sessions on one store are several people on one
  /// board.
  public init(
    size: Size = Size(80, 24), store: BoardRepository, now: Date = Fixtures.now, unicodeGraphics: Bool = true,
    editor: @escaping EditorLauncher = { _ in false }, user: String = ""
  ) throws {
    terminal = FakeTerminal(size: size, unicodeGraphics: unicodeGraphics)
    self.store = store
    clock = ManualClock(now)
    let clock = self.clock
    let (loaded, revision) = try store.loadWithRevision()
    runtime = Runtime(
      board: loaded, revision: revision, store: store, terminal: terminal, clock: { clock.now }, editor: editor,
      options: RuntimeOptions(user: user))
    runtime.drawFrame()
  }

  public var state: AppState { runtime.state }
  public var screen: Grid { terminal.lastFrame }
  public var lines: [String] { terminal.lastFrame.lines }

  /// Presses keys one by one.
  public func press(_ keys: Key...) {
    for key in keys { runtime.handle(.key(key)) }
  }

  /// Presses the first key bound to each command where the user is now, as a user reading the
  /// help would.
  public func press(_ commands: Command...) {
    for command in commands {
      let scope = runtime.state.scope
      let key = runtime.state.keymap.keys(for: command, in: scope).first
        ?? runtime.state.keymap.keys(for: command, in: .global).first
      guard let key else { preconditionFailure("no key for \(command) in \(scope)") }  // a broken test, not user input
      runtime.handle(.key(key))
    }
  }

  /// A pause between keys: whatever the board works out while no key comes (a filter over a
  /// large backlog) is done.
  public func idle() { runtime.finishPendingWork() }

  /// A moment with no key: presence told and read, others' changes taken in.
  public func tick() { runtime.idleTick() }

  /// Quits as the program would: the others stop seeing this session.
  public func leave() { runtime.withdraw() }

  /// Types text into a prompt, one character at a time.
  public func type(_ text: String) {
    for character in text { runtime.handle(.key(.character(character))) }
  }

  /// A left click at a cell; twice quickly for a double click.
  public func click(_ point: Point, double: Bool = false) {
    runtime.handle(.mouse(MouseEvent(.press, at: point)))
    if double { runtime.handle(.mouse(MouseEvent(.press, at: point))) }
  }

  /// Turns the wheel one notch.
  public func wheel(down: Bool, at point: Point = Point(0, 5)) {
    runtime.handle(.mouse(MouseEvent(down ? .wheelDown : .wheelUp, at: point)))
  }

  /// Where `text` first shows on the screen.
  public func position(of text: String) -> Point? {
    for (y, line) in lines.enumerated() {
      guard let range = line.range(of: text) else { continue }
      // Columns, not characters: a wide grapheme before the text takes two.
      return Point(TextWidth.of(String(line[..<range.lowerBound])), y)
    }
    return nil
  }

  public func resize(to size: Size) {
    terminal.size = size
    runtime.handle(.resized(size))
  }

  /// Moves the clock on, for actions that record time.
  public func advanceClock(by seconds: TimeInterval) { clock.now += seconds }
}

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
  var now: Date
  init(_ now: Date) { self.now = now }
}
