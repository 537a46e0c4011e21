import CNcurses
import TermUI

/// An ncurses pen: attributes and a colour pair.
struct Pen: Equatable {
  var attrs: attr_t = 0
  var pair: Int16 = 0
}

/// How the cells of one style are drawn.
struct StylePens {
  /// For its blanks.
  let blank: Pen
  /// For its text: the plain colours' own pair where the style has no colours (see
  /// `Palette.plainTextPair`).
  let text: Pen
  /// Whether its blank looks like a blank in any other such style: the terminal's own
  /// background, no reverse, no underline (foreground, bold and dim show on no blank).
  let blankIsPlain: Bool
}

/// Turns styles into ncurses attributes and colour pairs, by the theme at the depth the
/// terminal offers (or less, if the user asked for less). One pair per distinct pair of colours.
struct Palette {
  let theme: Theme
  let depth: ColourDepth
  private var pairs: [PairKey: Int16] = [:]
  /// Each style's pens, worked out once (a frame asks for them per run of cells in a style),
  /// the last one asked for at hand without hashing (neighbouring runs often share a style).
  private var known: [Style: StylePens] = [:]
  private var last: (style: Style, pens: StylePens)?

  private struct PairKey: Hashable {
    let foreground: Int32
    let background: Int32
  }

  init(theme: Theme, requestedDepth: ColourDepth?, environment: [String: String]) {
    self.theme = theme
    var offered = ColourDepth.mono
    if has_colors() {
      // COLORS is known only once colour is started.
      start_color()
      // The terminal's own background and foreground stay (color -1): right on dark and light.
      use_default_colors()
      offered = ColourDepth.detect(colours: Int(cn_colors()), environment: environment)
    }
    depth = requestedDepth.map { $0.capped(at: offered) } ?? offered
  }

  /// The pens for a style.
  mutating func pens(for style: Style) -> StylePens {
    if let last, last.style == style { return last.pens }
    let pens: StylePens
    if let found = known[style] {
      pens = found
    } else {
      pens = workOutPens(for: style)
      known[style] = pens
    }
    last = (style, pens)
    return pens
  }

  private mutating func workOutPens(for style: Style) -> StylePens {
    let look = theme.resolved(style, depth: depth)
    var attrs: attr_t = CN_A_NORMAL
    if look.attributes.contains(.bold) { attrs |= CN_A_BOLD }
    if look.attributes.contains(.underline) { attrs |= CN_A_UNDERLINE }
    if look.attributes.contains(.reverse) { attrs |= CN_A_REVERSE }
    if look.attributes.contains(.dim) { attrs |= CN_A_DIM }
    let blank = Pen(attrs: attrs, pair: pairNumber(foreground: look.foreground, background: look.background))
    return StylePens(
      blank: blank, text: blank.pair == 0 ? Pen(attrs: attrs, pair: plainTextPair()) : blank,
      blankIsPlain: look.background == -1 && !look.attributes.contains(.reverse)
        && !look.attributes.contains(.underline))
  }

  /// The pair for text in the terminal's own colours. Not pair 0: ncurses resets every
  /// attribute (`\e(B\e[m`, then the colour again) whenever a cell goes back to plain pair 0,
  /// while a change to another pair is one colour sequence.
  private mutating func plainTextPair() -> Int16 {
    depth == .mono ? 0 : pairNumber(foreground: -1, background: -1, plainAllowed: true)
  }

  private mutating func pairNumber(foreground: Int32, background: Int32, plainAllowed: Bool = false) -> Int16 {
    if depth == .mono || (foreground == -1 && background == -1 && !plainAllowed) { return 0 }
    let key = PairKey(foreground: foreground, background: background)
    if let pair = pairs[key] { return pair }
    let next = Int16(pairs.count + 1)
    // Out of pairs (an 8-colour terminal may have 64): the terminal's own colours, not garbage.
    guard Int32(next) < cn_color_pairs(), cn_init_pair(Int32(next), foreground, background) == OK else { return 0 }
    pairs[key] = next
    return next
  }
}
