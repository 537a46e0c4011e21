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
      let pens = rowPens(row)
      // Cells read in place, not copied out one by one (a frame has thousands).
      row.withUnsafeBufferPointer { cells in
        for x in cells.indices where !cells[x].isContinuation {
          let (attrs, pair) = pens[x]
          // Nearly every cell is one printable ASCII byte: gathered into runs of one pen, each
          // handed to ncurses in one call (a first frame has thousands of cells).
          if let byte = NcursesTerminal.printableASCII(cells[x].text) {
            if !run.continues(x: x, attrs: attrs, pair: pair) {
              run.flush(to: window, y: y)
              run.start(x: x, attrs: attrs, pair: pair)
            }
            run.append(byte)
            continue
          }
          run.flush(to: window, y: y)
          let parts: (left: String, right: String?) =
            cells[x].text.first.map(TextWidth.terminalParts(of:)) ?? (" ", nil)
          NcursesTerminal.encode(parts.left, into: &text)
          _ = cn_put_cell(window, Int32(y), Int32(x), text, attrs, pair)
          // Wide only by Unicode's sequence rules (a flag, ❤️): the terminal gets two narrow cells.
          if let right = parts.right, x + 1 < grid.width {
            NcursesTerminal.encode(right, into: &text)
            _ = cn_put_cell(window, Int32(y), Int32(x + 1), text, attrs, pair)
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

  /// Each cell's attributes and colour pair. A short gap of plain blanks between two fields
  /// takes the style before it: it looks the same, and the terminal is spared a change of
  /// attributes and back (rows of coloured fields have many). Long gaps stay plain, so
  /// ncurses can still skip over them with one cursor move.
  private func rowPens(_ row: ArraySlice<Cell>) -> [(attr_t, Int16)] {
    let plainText = palette.plainTextPair()
    let count = row.count
    var pens = [(attr_t, Int16)](repeating: (0, 0), count: count)
    // Per cell: whether a blank in its style is plain, and whether it is such a plain blank.
    var plain = [Bool](repeating: false, count: count)
    var plainBlank = [Bool](repeating: false, count: count)
    row.withUnsafeBufferPointer { cells in
      var start = 0
      while start < count {
        // A run of cells in one style: the palette is asked once for it.
        let style = cells[start].style
        var end = start + 1
        while end < count, cells[end].style == style { end += 1 }
        let pen = palette.attributes(for: style)
        let blankIsPlain = palette.blankIsPlain(style)
        // Text (not blanks, which ncurses skips over when it can) in the plain colours.
        let textPen = pen.1 == 0 ? (pen.0, plainText) : pen
        for index in start..<end {
          let isBlank = NcursesTerminal.printableASCII(cells[index].text) == 0x20
          pens[index] = isBlank ? pen : textPen
          plain[index] = blankIsPlain
          plainBlank[index] = blankIsPlain && isBlank
        }
        start = end
      }
    }
    var x = 0
    while x < count {
      guard plainBlank[x], x > 0, !plainBlank[x - 1] else {
        x += 1
        continue
      }
      var end = x
      while end < count, plainBlank[end] { end += 1 }
      let before = pens[x - 1]
      if end < count, plain[x - 1], pens[end] == before || end - x <= 6 {
        for blank in x..<end { pens[blank] = before }
      }
      x = end
    }
    return pens
  }

  /// Neighbouring cells of printable ASCII in one pen, written with one `mvwaddnwstr`.
  private struct ASCIIRun {
    private var characters: [wchar_t]
    private var x = 0
    private var attrs: attr_t = 0
    private var pair: Int16 = 0

    init(capacity: Int) {
      characters = []
      characters.reserveCapacity(capacity + 1)
    }

    func continues(x next: Int, attrs nextAttrs: attr_t, pair nextPair: Int16) -> Bool {
      !characters.isEmpty && next == x + characters.count && nextAttrs == attrs && nextPair == pair
    }

    mutating func start(x: Int, attrs: attr_t, pair: Int16) {
      self.x = x
      self.attrs = attrs
      self.pair = pair
    }

    mutating func append(_ byte: UInt8) { characters.append(wchar_t(byte)) }

    /// Writes the run, if any, in its pen. The window's own pen is put back to plain after:
    /// ncurses lays it over every cell written later, the single ones with a pen of their own
    /// included.
    mutating func flush(to window: UnsafeMutablePointer<WINDOW>, y: Int) {
      guard !characters.isEmpty else { return }
      wattr_set(window, attrs, pair, nil)
      mvwaddnwstr(window, Int32(y), Int32(x), characters, Int32(characters.count))
      wattr_set(window, 0, 0, nil)
      characters.removeAll(keepingCapacity: true)
    }
  }

  /// The byte of a cell holding one printable ASCII character, else nil.
  private static func printableASCII(_ text: String) -> UInt8? {
    let bytes = text.utf8
    guard bytes.count == 1, let byte = bytes.first, byte >= 0x20, byte < 0x7F else { return nil }
    return byte
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
