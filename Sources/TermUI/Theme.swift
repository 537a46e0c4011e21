/// A colour as a theme names it.
public enum ThemeColour: Hashable, Sendable {
  /// The terminal's own foreground or background: what keeps a theme right on dark and light
  /// terminals alike.
  case terminalDefault
  /// One of the 256 indexed colours (0–7 the basic ones, 8–15 their bright forms).
  case indexed(Int)
  case rgb(UInt8, UInt8, UInt8)
}

/// Text attributes a look may add. The only means a monochrome terminal has.
public struct TextAttributes: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }
  public static let bold = TextAttributes(rawValue: 1)
  public static let underline = TextAttributes(rawValue: 2)
  public static let reverse = TextAttributes(rawValue: 4)
  public static let dim = TextAttributes(rawValue: 8)
}

/// How a role looks: colours and attributes.
public struct Look: Hashable, Sendable {
  public var foreground: ThemeColour
  public var background: ThemeColour
  public var attributes: TextAttributes

  public init(
    _ foreground: ThemeColour = .terminalDefault, on background: ThemeColour = .terminalDefault,
    _ attributes: TextAttributes = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }
}

/// How many colours a terminal shows, from none to 24-bit.
public enum ColourDepth: String, Hashable, Sendable, CaseIterable {
  /// Bold, reverse and underline only (`NO_COLOR`, a terminal without colours).
  case mono
  case basic8 = "8"
  case basic16 = "16"
  case indexed256 = "256"
  /// 24-bit colour, on a terminal whose terminfo entry says so (e.g. `TERM=xterm-direct`).
  case direct = "truecolor"

  /// The depth a terminal offers: `colours` is terminfo's count; `NO_COLOR` (any value) means mono.
  public static func detect(colours: Int, environment: [String: String]) -> ColourDepth {
    if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return .mono }
    switch colours {
    case ..<8: return .mono
    case ..<16: return .basic8
    case ..<256: return .basic16
    case ..<0x100_0000: return .indexed256
    default: return .direct
    }
  }

  var rank: Int { ColourDepth.allCases.firstIndex(of: self) ?? 0 }

  /// The lesser of two depths: a setting can ask for fewer colours than the terminal has, never more.
  public func capped(at other: ColourDepth) -> ColourDepth { rank <= other.rank ? self : other }
}

/// What each role looks like. Views name roles, never colours; the theme decides, and a
/// monochrome terminal falls back to a fixed table of attributes in which every role that
/// carries meaning stays distinguishable.
public struct Theme: Equatable, Sendable {
  /// The roles a theme can set, by the names a configuration file uses.
  public static let roleNames: [(name: String, role: Role)] = [
    ("normal", .normal), ("dim", .dim), ("header", .header), ("accent", .accent), ("selection", .selection),
    ("key", .key), ("success", .success), ("warning", .warning), ("error", .error), ("input", .input),
    ("control", .control),
  ]

  public var looks: [Role: Look]
  /// Epic colours, by the index an epic stores (wrapping around).
  public var epics: [ThemeColour]

  public init(looks: [Role: Look], epics: [ThemeColour]) {
    self.looks = looks
    self.epics = epics
  }

  /// The default: the basic colours on the terminal's own background, which every terminal
  /// theme (dark or light) has tuned to be readable.
  public static let standard = Theme(
    looks: [
      .normal: Look(),
      .dim: Look(.terminalDefault, on: .terminalDefault, .dim),
      .header: Look(.indexed(7), on: .indexed(4), .bold),
      .accent: Look(.indexed(6)),
      .selection: Look(.indexed(0), on: .indexed(6)),
      .key: Look(.indexed(3)),
      .success: Look(.indexed(2)),
      .warning: Look(.indexed(3)),
      .error: Look(.indexed(1)),
      .input: Look(.terminalDefault, on: .terminalDefault, .underline),
      .control: Look(.indexed(5)),
    ],
    epics: [.indexed(7), .indexed(5), .indexed(2), .indexed(4), .indexed(3), .indexed(6), .indexed(1)])

  /// Monochrome: bold, reverse and underline only.
  public static func monochromeAttributes(for role: Role) -> TextAttributes {
    switch role {
    case .header, .selection, .control: return .reverse
    case .accent, .key, .warning: return .bold
    case .error: return [.bold, .underline]
    case .input: return .underline
    case .normal, .dim, .success, .epic: return []
    }
  }

  /// The look of a role, with the style's own bold and underline, at a depth: colours turned
  /// into what the terminal can show (nearest match), or attributes only in monochrome.
  public func resolved(_ style: Style, depth: ColourDepth) -> ResolvedLook {
    var attributes: TextAttributes = []
    if style.bold { attributes.insert(.bold) }
    if style.underline { attributes.insert(.underline) }
    guard depth != .mono else {
      return ResolvedLook(foreground: -1, background: -1, attributes: attributes.union(Theme.monochromeAttributes(for: style.role)))
    }
    let look: Look
    if case .epic(let index) = style.role {
      look = Look(epics.isEmpty ? .terminalDefault : epics[((index % epics.count) + epics.count) % epics.count])
    } else {
      look = looks[style.role] ?? Look()
    }
    return ResolvedLook(
      foreground: look.foreground.number(at: depth), background: look.background.number(at: depth),
      attributes: attributes.union(look.attributes))
  }
}

/// A look as a backend applies it: colour numbers in the terminal's own terms (-1 for the
/// terminal's default; an index, or 0xRRGGBB at direct depth) and attributes.
public struct ResolvedLook: Hashable, Sendable {
  public var foreground: Int32
  public var background: Int32
  public var attributes: TextAttributes
}

extension ThemeColour {
  /// The colour number a terminal of this depth takes: nearest match when it has fewer colours.
  public func number(at depth: ColourDepth) -> Int32 {
    switch (self, depth) {
    case (.terminalDefault, _), (_, .mono): return -1
    case (.indexed(let index), .indexed256): return Int32(index)
    case (.indexed(let index), .direct):
      // xterm-direct keeps 0–7 as the terminal's own basic colours; the rest become RGB.
      if index < 8 { return Int32(index) }
      return ThemeColour.packed(Palette256.rgb(of: index))
    case (.indexed(let index), .basic16) where index < 16: return Int32(index)
    case (.indexed(let index), .basic8) where index < 16: return Int32(index % 8)
    case (.indexed(let index), _): return Int32(Palette256.nearestBasic(Palette256.rgb(of: index), count: depth == .basic16 ? 16 : 8))
    case (.rgb(let r, let g, let b), .direct): return ThemeColour.packed((Int(r), Int(g), Int(b)))
    case (.rgb(let r, let g, let b), .indexed256): return Int32(Palette256.nearest256((Int(r), Int(g), Int(b))))
    case (.rgb(let r, let g, let b), _):
      return Int32(Palette256.nearestBasic((Int(r), Int(g), Int(b)), count: depth == .basic16 ? 16 : 8))
    }
  }

  private static func packed(_ rgb: (Int, Int, Int)) -> Int32 {
    // 0–7 would name the basic colours: the darkest blues are nudged up one step.
    max(8, Int32(rgb.0 << 16 | rgb.1 << 8 | rgb.2))
  }
}

/// xterm's 256-colour palette, for matching colours to what a terminal has.
enum Palette256 {
  /// xterm's defaults for the 16 basic colours.
  static let basic: [(Int, Int, Int)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
    (255, 255, 255),
  ]
  static let cubeLevels = [0, 95, 135, 175, 215, 255]

  static func rgb(of index: Int) -> (Int, Int, Int) {
    switch index {
    case ..<0: return basic[0]
    case ..<16: return basic[index]
    case ..<232:
      let cube = index - 16
      return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
    case ..<256:
      let grey = 8 + 10 * (index - 232)
      return (grey, grey, grey)
    default: return basic[15]
    }
  }

  static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
    // Weighted as the eye sees it (green counts most), which is enough to pick a neighbour.
    let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
    return 2 * dr * dr + 4 * dg * dg + 3 * db * db
  }

  static func nearestBasic(_ colour: (Int, Int, Int), count: Int) -> Int {
    (0..<count).min { distance(basic[$0], colour) < distance(basic[$1], colour) } ?? 7
  }

  /// The nearest of the colour cube and the grey ramp (16–255; the basic 16 vary by terminal).
  static func nearest256(_ colour: (Int, Int, Int)) -> Int {
    (16..<256).min { distance(rgb(of: $0), colour) < distance(rgb(of: $1), colour) } ?? 231
  }
}

extension ThemeColour {
  static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

  /// A colour as written in a configuration file: `default`, a name (`red`, `bright-red`), an
  /// index 0–255, or `#rrggbb`.
  public init?(name: String) {
    let lowered = name.lowercased()
    if lowered == "default" {
      self = .terminalDefault
    } else if let index = ThemeColour.names.firstIndex(of: lowered) {
      self = .indexed(index)
    } else if lowered.hasPrefix("bright-"), let index = ThemeColour.names.firstIndex(of: String(lowered.dropFirst(7))) {
      self = .indexed(index + 8)
    } else if let index = Int(lowered), (0...255).contains(index) {
      self = .indexed(index)
    } else if lowered.hasPrefix("#"), lowered.count == 7, let value = UInt32(lowered.dropFirst(), radix: 16) {
      self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    } else {
      return nil
    }
  }

  /// The name a configuration file would use.
  public var name: String {
    switch self {
    case .terminalDefault: return "default"
    case .indexed(let index) where index < 8: return ThemeColour.names[index]
    case .indexed(let index) where index < 16: return "bright-" + ThemeColour.names[index - 8]
    case .indexed(let index): return String(index)
    case .rgb(let r, let g, let b):
      return "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
  }
}

extension Look {
  static let attributeNames: [(String, TextAttributes)] = [
    ("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim),
  ]

  /// Parses `[bold] [underline] [reverse] [dim] [FOREGROUND] [on BACKGROUND]`, e.g.
  /// `bold white on blue`; the problem in words when it does not parse.
  public static func parse(_ text: String) -> Result<Look, LookError> {
    var look = Look()
    var words = text.split(separator: " ").map { String($0) }[...]
    var sawForeground = false
    while let word = words.popFirst() {
      if let attribute = attributeNames.first(where: { $0.0 == word.lowercased() }) {
        look.attributes.insert(attribute.1)
      } else if word.lowercased() == "on" {
        guard let next = words.popFirst() else { return .failure(LookError("\"on\" needs a background colour after it")) }
        guard let colour = ThemeColour(name: next) else { return .failure(LookError.unknownColour(next)) }
        look.background = colour
      } else if !sawForeground, let colour = ThemeColour(name: word) {
        look.foreground = colour
        sawForeground = true
      } else {
        return .failure(LookError.unknownColour(word))
      }
    }
    return .success(look)
  }

  /// As `parse` reads it back.
  public var description: String {
    var words = Look.attributeNames.filter { attributes.contains($0.1) }.map(\.0)
    if foreground != .terminalDefault { words.append(foreground.name) }
    if background != .terminalDefault { words += ["on", background.name] }
    return words.isEmpty ? "default" : words.joined(separator: " ")
  }
}

/// Why a look did not parse.
public struct LookError: Error, Equatable, Sendable {
  public let message: String
  init(_ message: String) { self.message = message }
  static func unknownColour(_ word: String) -> LookError {
    LookError(
      "\"\(word)\" is not a colour or attribute (colours: default, black, red, green, yellow, blue, magenta, cyan, "
        + "white, bright-NAME, 0-255, #rrggbb; attributes: bold, underline, reverse, dim)")
  }
}

/// What a user chose about the terminal: the theme, a cap on colours, the mouse.
public struct TerminalSettings: Equatable, Sendable {
  public var theme: Theme
  /// Nil: as many colours as the terminal offers.
  public var colourDepth: ColourDepth?
  public var mouse: Bool

  public init(theme: Theme = .standard, colourDepth: ColourDepth? = nil, mouse: Bool = true) {
    self.theme = theme
    self.colourDepth = colourDepth
    self.mouse = mouse
  }
}
