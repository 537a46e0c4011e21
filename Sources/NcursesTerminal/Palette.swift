import CNcurses
import TermUI

/// Maps style roles to ncurses attributes and colour pairs. Colours keep the terminal's own
/// background (so it looks right on dark and light themes); with `NO_COLOR` or a terminal
/// without colours, only bold, reverse, dim and underline are used, and every role stays
/// distinguishable.
struct Palette {
  private var pairs: [Role: Int16] = [:]
  let usesColour: Bool

  init(environment: [String: String]) {
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    usesColour = !noColor && has_colors()
    guard usesColour else { return }
    start_color()
    use_default_colors()
    let fg: [Role: Int16] = [
      .accent: Int16(COLOR_CYAN), .key: Int16(COLOR_YELLOW), .success: Int16(COLOR_GREEN),
      .warning: Int16(COLOR_YELLOW), .error: Int16(COLOR_RED), .control: Int16(COLOR_MAGENTA),
    ]
    var next: Int16 = 1
    for (role, colour) in fg {
      init_pair(next, colour, -1)
      pairs[role] = next
      next += 1
    }
    init_pair(next, Int16(COLOR_WHITE), Int16(COLOR_BLUE))
    pairs[.header] = next
    next += 1
    init_pair(next, Int16(COLOR_BLACK), Int16(COLOR_CYAN))
    pairs[.selection] = next
    next += 1
    for (index, colour) in Palette.epicColours.enumerated() {
      init_pair(next, colour, -1)
      pairs[.epic(index)] = next
      next += 1
    }
  }

  private static let epicColours: [Int16] = [
    Int16(COLOR_WHITE), Int16(COLOR_MAGENTA), Int16(COLOR_GREEN), Int16(COLOR_BLUE), Int16(COLOR_YELLOW),
    Int16(COLOR_CYAN), Int16(COLOR_RED),
  ]

  /// The attributes and colour pair for a style.
  func attributes(for style: Style) -> (attrs: attr_t, pair: Int16) {
    var attrs: attr_t = style.bold ? CN_A_BOLD : CN_A_NORMAL
    if style.underline { attrs |= CN_A_UNDERLINE }
    if usesColour {
      let role: Role
      if case .epic(let index) = style.role {
        role = .epic(index % Palette.epicColours.count)
      } else {
        role = style.role
      }
      if style.role == .dim { attrs |= CN_A_DIM }
      if style.role == .header { attrs |= CN_A_BOLD }
      return (attrs, pairs[role] ?? 0)
    }
    switch style.role {
    case .header, .selection: attrs |= CN_A_REVERSE
    case .dim: attrs |= CN_A_DIM
    case .accent, .key, .warning: attrs |= CN_A_BOLD
    case .error: attrs |= CN_A_BOLD | CN_A_UNDERLINE
    case .control: attrs |= CN_A_REVERSE
    case .input: attrs |= CN_A_UNDERLINE
    case .normal, .success, .epic: break
    }
    return (attrs, 0)
  }
}
