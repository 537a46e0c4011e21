import TermUI

/// A terminal for tests: events are scripted, frames are kept for reading back.
public final class FakeTerminal: Terminal {
  public var size: Size
  /// Events still to deliver; once empty, the terminal reports a hang-up so a loop ends.
  public var pendingEvents: [TerminalEvent] = []
  public private(set) var lastFrame: Grid
  public private(set) var lastCursor: Point?
  public private(set) var frameCount = 0
  /// Whether charts may use braille and blocks, as a real terminal's environment says.
  public let showsUnicodeGraphics: Bool

  public init(size: Size, unicodeGraphics: Bool = true) {
    self.size = size
    self.showsUnicodeGraphics = unicodeGraphics
    self.lastFrame = Grid(size: size)
  }

  public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
    pendingEvents.isEmpty ? .hangUp : pendingEvents.removeFirst()
  }

  public private(set) var suspensions = 0

  public func suspend() { suspensions += 1 }
  public func resume() {}
  public private(set) var shellSuspensions = 0
  public func suspendToShell() { shellSuspensions += 1 }

  public func draw(_ grid: Grid, cursor: Point?) {
    lastFrame = grid
    lastCursor = cursor
    frameCount += 1
  }
}
