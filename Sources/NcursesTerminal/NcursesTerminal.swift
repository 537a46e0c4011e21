import CNcurses
import Glibc
import TermUI

/// The terminal through ncurses: decodes keys, copies frames to the screen, follows resizes,
/// and always gives the terminal back as it found it.
public final class NcursesTerminal: Terminal {
  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  private var palette: Palette
  private var shown: Grid?
  private var stopped = false
  public let showsUnicodeGraphics: Bool
  /// The signal that ended the session, if one did (for the exit status).
  public private(set) var receivedSignal: Int32?

  /// Takes over the terminal. Call `checkTerminal` first for a clear error on a bad terminal.
  public static func start(
    term: String, environment: [String: String], settings: TerminalSettings = TerminalSettings()
  ) throws -> NcursesTerminal {
    Signals.install()
    // The character type alone: ncurses needs it for wide characters, and nothing here reads
    // the user's number, date or collation rules from the C library (each category is files
    // to look for and open: all twelve took 0.6 ms of a start on a busy host).
    setlocale(LC_CTYPE, "")
    if cn_locale_is_utf8() == 0 {
      // LANG is often unset over SSH, in CI and in cron: without UTF-8, CJK shows blank.
      setlocale(LC_CTYPE, "C.UTF-8")
    }
    CrashGuard.saveModes()
    guard let screen = newterm(term, cn_stdout(), cn_stdin()) else {
      Signals.restoreDefaults()
      throw TerminalError.startFailed(term)
    }
    return NcursesTerminal(screen: screen, environment: environment, settings: settings)
  }

  private init(screen: OpaquePointer, environment: [String: String], settings: TerminalSettings) {
    self.screen = screen
    // newterm makes its screen current, so stdscr is this screen's window.
    self.window = cn_stdscr()
    // ncurses sends each jump of the cursor to the terminal in a write of its own (130 for a
    // first frame, 4 or 5 for a cursor move) until its screen has once been left and resumed:
    // before that, it takes the screen for one a terminfo program drives by hand. Left and
    // resumed at once, every frame is one write: fewer packets over SSH, and a whole frame
    // reaches the terminal together. Before colours are started, so that resuming does not
    // reset the terminal's palette (a base16 theme, say).
    endwin()
    doupdate()
    raw()
    noecho()
    nonl()
    keypad(window, true)
    set_escdelay(25)
    curs_set(0)
    if settings.mouse { cn_mouse(1) }
    palette = Palette(theme: settings.theme, requestedDepth: settings.colourDepth, environment: environment)
    showsUnicodeGraphics = environmentShowsUnicodeGraphics(environment)
    CrashGuard.arm()
  }

  deinit { stop() }

  /// Restores the terminal; safe to call more than once.
  public func stop() {
    guard !stopped else { return }
    stopped = true
    endwin()
    delscreen(screen)
    CrashGuard.disarm()
    Signals.restoreDefaults()
  }

  public func suspend() {
    // endwin hands the terminal back in its original modes; the next refresh restores ours.
    endwin()
    // Ctrl-C in the editor is the editor's: it must not end the board behind it.
    Signals.ignoreInterrupts()
  }

  public func resume() {
    Signals.install()
    shown = nil
    wrefresh(window)
  }

  public func suspendToShell() {
    endwin()
    // Stop as the shell expects; execution continues here after `fg`.
    kill(getpid(), SIGSTOP)
    shown = nil
    wrefresh(window)
  }

  public var size: Size { Size(Int(getmaxx(window)), Int(getmaxy(window))) }

  public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
    if let event = signalEvent() { return event }
    wtimeout(window, Int32(clamping: timeoutMilliseconds))
    var code: wint_t = 0
    errno = 0
    let result = wget_wch(window, &code)
    if let event = signalEvent() { return event }
    switch result {
    case KEY_CODE_YES:
      if Int32(code) == KEY_RESIZE { return .resized(size) }
      if Int32(code) == KEY_MOUSE { return mouseEvent() }
      return KeyDecoder.functionKey(Int32(code)).map(TerminalEvent.key)
    case OK:
      return KeyDecoder.character(UInt32(code)).map(TerminalEvent.key)
    default:
      // A timeout, an interrupted read, or the terminal gone: only the last ends the loop,
      // or a dropped SSH session would spin at full CPU.
      return terminalHungUp() ? .hangUp : nil
    }
  }

  public func draw(_ grid: Grid, cursor: Point?) {
    let repaintAll = shown?.size != grid.size
    var text = [wchar_t](repeating: 0, count: 8)
    var run = ASCIIRun(capacity: grid.width)
    for y in 0..<grid.height {
      if !repaintAll, let shown, shown.row(y) == grid.row(y) { continue }
      let row = grid.row(y)
      planRow(row)
      // Cells read in place, not copied out one by one (a frame has thousands).
      row.withUnsafeBufferPointer { cells in
        plan.withUnsafeBufferPointer { plan in
          for x in cells.indices where !cells[x].isContinuation {
            let pen = plan[x].pen
            // Nearly every cell is one printable ASCII byte: gathered into runs of one pen, each
            // handed to ncurses in one call (a first frame has thousands of cells).
            if plan[x].byte != 0 {
              if !run.continues(x: x, pen: pen) {
                run.flush(to: window, y: y)
                run.start(x: x, pen: pen)
              }
              run.append(plan[x].byte)
              continue
            }
            run.flush(to: window, y: y)
            let parts: (left: String, right: String?) =
              cells[x].text.first.map(TextWidth.terminalParts(of:)) ?? (" ", nil)
            NcursesTerminal.encode(parts.left, into: &text)
            _ = cn_put_cell(window, Int32(y), Int32(x), text, pen.attrs, pen.pair)
            // Wide only by Unicode's sequence rules (a flag, ❤️): the terminal gets two narrow cells.
            if let right = parts.right, x + 1 < grid.width {
              NcursesTerminal.encode(right, into: &text)
              _ = cn_put_cell(window, Int32(y), Int32(x + 1), text, pen.attrs, pen.pair)
            }
          }
        }
      }
      run.flush(to: window, y: y)
    }
    if let cursor {
      wmove(window, Int32(cursor.y), Int32(cursor.x))
      curs_set(1)
    } else {
      curs_set(0)
    }
    // One refresh per frame: ncurses sends only the cells that changed.
    wrefresh(window)
    shown = grid
  }

  /// How one cell of a row is drawn: its pen, its byte if it is one printable ASCII
  /// character (else 0), and whether a blank in its style looks like any plain one.
  private struct CellPlan {
    var pen = Pen()
    var byte: UInt8 = 0
    var blankIsPlain = false

    /// A blank that looks like any plain blank.
    var isPlainBlank: Bool { blankIsPlain && byte == 0x20 }
  }

  /// The plan of the row being drawn, kept from row to row and frame to frame.
  private var plan: [CellPlan] = []

  /// Plans each cell's pen. A short gap of plain blanks between two fields takes the pen
  /// before it: it looks the same, and the terminal is spared a change of attributes and back
  /// (rows of coloured fields have many). Long gaps stay plain, so ncurses can still skip
  /// over them with one cursor move.
  private func planRow(_ row: ArraySlice<Cell>) {
    let count = row.count
    if plan.count != count { plan = Array(repeating: CellPlan(), count: count) }
    plan.withUnsafeMutableBufferPointer { plan in
      row.withUnsafeBufferPointer { cells in
        var start = 0
        while start < count {
          // A run of cells in one style: the palette is asked once for it.
          let style = cells[start].style
          var end = start + 1
          while end < count, cells[end].style == style { end += 1 }
          let pens = palette.pens(for: style)
          for index in start..<end {
            let byte = cells[index].printableASCII
            let isBlank = byte == 0x20
            plan[index].byte = byte
            // Text (not blanks, which ncurses skips over when it can) in the plain colours.
            plan[index].pen = isBlank ? pens.blank : pens.text
            plan[index].blankIsPlain = pens.blankIsPlain
          }
          start = end
        }
      }
      var x = 0
      while x < count {
        guard plan[x].isPlainBlank, x > 0, !plan[x - 1].isPlainBlank else {
          x += 1
          continue
        }
        var end = x
        while end < count, plan[end].isPlainBlank { end += 1 }
        let before = plan[x - 1].pen
        if end < count, plan[x - 1].blankIsPlain, plan[end].pen == before || end - x <= 6 {
          for blank in x..<end { plan[blank].pen = before }
        }
        x = end
      }
    }
  }

  /// Neighbouring cells of printable ASCII in one pen, written with one call.
  private struct ASCIIRun {
    private var bytes: [UInt8]
    private var x = 0
    private var pen = Pen()

    init(capacity: Int) {
      bytes = []
      bytes.reserveCapacity(capacity)
    }

    func continues(x next: Int, pen nextPen: Pen) -> Bool {
      !bytes.isEmpty && next == x + bytes.count && nextPen == pen
    }

    mutating func start(x: Int, pen: Pen) {
      self.x = x
      self.pen = pen
    }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    /// Writes the run, if any, in its pen.
    mutating func flush(to window: UnsafeMutablePointer<WINDOW>, y: Int) {
      guard !bytes.isEmpty else { return }
      _ = cn_put_ascii(window, Int32(y), Int32(x), bytes, Int32(bytes.count), pen.attrs, pen.pair)
      bytes.removeAll(keepingCapacity: true)
    }
  }

  /// A cell's text as ncurses stores it: a spacing character and up to five zero-width ones.
  private static func encode(_ part: String, into text: inout [wchar_t]) {
    var count = 0
    for scalar in part.unicodeScalars where count < 6 {
      text[count] = wchar_t(bitPattern: scalar.value)
      count += 1
    }
    if count == 0 {
      text[0] = 32
      count = 1
    }
    text[count] = 0
  }

  private func mouseEvent() -> TerminalEvent? {
    var x: Int32 = 0
    var y: Int32 = 0
    let point = { Point(Int(x), Int(y)) }
    switch cn_read_mouse(&x, &y) {
    case 1: return .mouse(MouseEvent(.press, at: point()))
    case 2: return .mouse(MouseEvent(.wheelUp, at: point()))
    case 3: return .mouse(MouseEvent(.wheelDown, at: point()))
    default: return nil
    }
  }

  private func signalEvent() -> TerminalEvent? {
    guard let signal = Signals.take() else { return nil }
    receivedSignal = signal
    return signal == SIGHUP ? .hangUp : .interrupted
  }

  private func terminalHungUp() -> Bool {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, 0) >= 0 else { return errno != EINTR }
    return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
  }
}
