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

  // The strings' own order: a rank is ASCII, where it is the bytes' order, and for short
  // strings (every rank but the longest) it is a comparison of two words, not a walk over
  // bytes (sorting a sprint's stories and a rank move's binary search compare many).
  public static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.value < rhs.value }

  /// A rank strictly between `lower` and `upper`; nil bounds mean the start or the end of the
  /// backlog. If the bounds are not in order (two writers produced the same rank), the result
  /// is placed just after `lower`, which keeps the new rank unique.
  ///
  /// At either end the rank steps by one in the third digit rather than halving the distance
  /// to the end: a script that appends 100,000 stories, or moves each to the top, keeps ranks
  /// three or four characters long instead of growing them by a character every few moves.
  public static func between(_ lower: Rank?, _ upper: Rank?) -> Rank {
    switch (lower, upper) {
    case (nil, nil): return Rank(digits: [31])
    case (let lower?, nil): return Rank(digits: step(lower.digits, up: true) ?? midpoint(lower.digits, nil))
    case (nil, let upper?): return Rank(digits: step(upper.digits, up: false) ?? midpoint([], upper.digits))
    case (let lower?, let upper?):
      if lower < upper { return Rank(digits: midpoint(lower.digits, upper.digits)) }
      return Rank(digits: step(lower.digits, up: true) ?? midpoint(lower.digits, nil))
    }
  }

  /// The digits one step above (or below) `digits` at a precision of at least three digits;
  /// nil when there is no room at that precision.
  private static func step(_ digits: [UInt8], up: Bool) -> [UInt8]? {
    var padded = digits + Array(repeating: 0, count: max(0, 3 - digits.count))
    var position = padded.count - 1
    while position >= 0 {
      if up {
        if padded[position] < 61 {
          padded[position] += 1
          break
        }
        padded[position] = 0
      } else {
        if padded[position] > 0 {
          padded[position] -= 1
          break
        }
        padded[position] = 61
      }
      position -= 1
    }
    guard position >= 0 else { return nil }
    while padded.last == 0 { padded.removeLast() }
    return padded.isEmpty ? nil : padded
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
  /// (b nil means 1). The result never ends in a zero digit. A loop, not recursion: a long rank
  /// read from a file must not overflow the stack.
  private static func midpoint(_ lower: [UInt8], _ upper: [UInt8]?) -> [UInt8] {
    var a = lower[...]
    var b = upper.map { $0[...] }
    var result: [UInt8] = []
    while true {
      if let current = b {
        var shared = 0
        while shared < current.count,
          (shared < a.count ? a[a.startIndex + shared] : 0) == current[current.startIndex + shared]
        {
          shared += 1
        }
        if shared > 0 {
          result += current.prefix(shared)
          a = a.dropFirst(shared)
          b = current.dropFirst(shared)
          continue
        }
      }
      let digitA = Int(a.first ?? 0)
      let digitB = Int(b?.first ?? 62)
      if digitB - digitA > 1 {
        result.append(UInt8((digitA + digitB + 1) / 2))
        return result
      }
      if let current = b, current.count > 1 {
        result.append(current[current.startIndex])
        return result
      }
      result.append(UInt8(digitA))
      a = a.dropFirst()
      b = nil
    }
  }
}
