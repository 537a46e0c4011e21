/// A story's place in the backlog: a fractional key in the manner of Jira's LexoRank.
///
/// Ranks compare as strings over the base-62 alphabet `0-9A-Za-z` (which sorts the same
/// in ASCII), never end in `0`, and there is always room for another key between two
/// different ones. Moving a story therefore writes that story's rank alone.
public struct Rank: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let value: String

  /// Wraps a stored rank; returns nil for text that is not a valid rank.
  public init?(_ value: String) {
    guard !value.isEmpty, value.utf8.allSatisfy({ Rank.digitValue($0) != nil }),
      value.utf8.last != UInt8(ascii: "0")
    else { return nil }
    self.value = value
  }

  private init(digits: [UInt8]) {
    self.value = String(decoding: digits.map { Rank.alphabet[Int($0)] }, as: UTF8.self)
  }

  public var description: String { value }

  public static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8) }

  /// A rank strictly between `lower` and `upper`; nil bounds mean the start or the end of the
  /// backlog. If the bounds are not in order (two writers produced the same rank), the result
  /// is placed just after `lower`, which keeps the new rank unique.
  public static func between(_ lower: Rank?, _ upper: Rank?) -> Rank {
    let low = lower?.digits ?? []
    if let upper, lower.map({ $0 < upper }) ?? true {
      return Rank(digits: midpoint(low, upper.digits))
    }
    return Rank(digits: midpoint(low, nil))
  }

  /// `count` ranks, evenly spread and in increasing order, all of one short length: for
  /// building a board or importing many stories without keys growing one step at a time.
  public static func evenlySpaced(count: Int) -> [Rank] {
    guard count > 0 else { return [] }
    var width = 1
    var capacity = 62
    while capacity <= count + 1 { width += 1; capacity *= 62 }
    let step = capacity / (count + 1)
    return (1...count).map { index in
      var number = index * step
      var digits = [UInt8](repeating: 0, count: width)
      for position in stride(from: width - 1, through: 0, by: -1) {
        digits[position] = UInt8(number % 62)
        number /= 62
      }
      while digits.last == 0 { digits.removeLast() }
      return Rank(digits: digits)
    }
  }

  // MARK: digits

  private static let alphabet: [UInt8] = Array(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

  private static func digitValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 36
    default: return nil
    }
  }

  private var digits: [UInt8] { value.utf8.compactMap(Rank.digitValue) }

  /// The midpoint of two digit strings read as base-62 fractions 0.a and 0.b, where a < b
  /// (b nil means 1). The result never ends in a zero digit.
  private static func midpoint(_ a: [UInt8], _ b: [UInt8]?) -> [UInt8] {
    if let b {
      var shared = 0
      while shared < b.count, (shared < a.count ? a[shared] : 0) == b[shared] { shared += 1 }
      if shared > 0 {
        return Array(b[0..<shared]) + midpoint(Array(a.dropFirst(shared)), Array(b.dropFirst(shared)))
      }
    }
    let digitA = Int(a.first ?? 0)
    let digitB = Int(b?.first ?? 62)
    if digitB - digitA > 1 {
      return [UInt8((digitA + digitB + 1) / 2)]
    }
    if let b, b.count > 1 {
      return [b[0]]
    }
    return [UInt8(digitA)] + midpoint(Array(a.dropFirst()), nil)
  }
}
