import TestSupport
import Testing

@testable import ScrumCore

@Suite struct RankTests {
  @Test func ranksCompareAsTheirBytesShortAndLong() throws {
    let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
    var generator = SeededGenerator(seed: 7)
    func randomRank() throws -> Rank {
      // 1 to 24 digits: small strings and ones stored out of line; never ending in 0.
      var bytes = (0..<Int.random(in: 1...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? 49 }
      if bytes.last == UInt8(ascii: "0") { bytes[bytes.count - 1] = UInt8(ascii: "1") }
      return try #require(Rank(String(decoding: bytes, as: UTF8.self)))
    }
    for _ in 0..<5_000 {
      let (a, b) = (try randomRank(), try randomRank())
      #expect((a < b) == a.value.utf8.lexicographicallyPrecedes(b.value.utf8), "\(a) < \(b)")
    }
    #expect(try #require(Rank("Z")) < #require(Rank("a")), "upper case sorts before lower, as in ASCII")
  }

  @Test func firstRankIsValid() {
    let rank = Rank.between(nil, nil)
    #expect(Rank(rank.value) == rank)
  }

  @Test func betweenIsStrictlyBetween() throws {
    var generator = SeededGenerator(seed: 42)
    var ranks = [Rank.between(nil, nil)]
    for _ in 0..<2_000 {
      let index = Int.random(in: 0...ranks.count, using: &generator)
      let lower = index > 0 ? ranks[index - 1] : nil
      let upper = index < ranks.count ? ranks[index] : nil
      let rank = Rank.between(lower, upper)
      if let lower { #expect(lower < rank) }
      if let upper { #expect(rank < upper) }
      #expect(Rank(rank.value) != nil, "\(rank) must be a valid stored rank")
      ranks.insert(rank, at: index)
    }
    #expect(ranks == ranks.sorted())
    #expect(Set(ranks).count == ranks.count)
  }

  @Test func tenThousandMovesToTheTopOrTheBottomKeepRanksShort() {
    var top = Rank.between(nil, nil)
    var bottom = top
    for _ in 0..<10_000 {
      let higher = Rank.between(nil, top)
      #expect(higher < top)
      top = higher
      let lower = Rank.between(bottom, nil)
      #expect(bottom < lower)
      bottom = lower
    }
    #expect(top.value.count <= 4)
    #expect(bottom.value.count <= 4)
  }

  @Test func aVeryLongStoredRankIsHandledWithoutRecursion() throws {
    let long = try #require(Rank(String(repeating: "V", count: 200_000)))
    let w = try #require(Rank("W"))
    let next = Rank.between(long, w)
    #expect(long < next && next < w)
  }

  @Test func boundsOutOfOrderStillGiveARankAfterTheLowerOne() throws {
    let a = try #require(Rank("V"))
    let rank = Rank.between(a, a)
    #expect(rank > a)
  }

  @Test func invalidStoredTextIsRejected() {
    #expect(Rank("") == nil)
    #expect(Rank("a0") == nil)
    #expect(Rank("a-b") == nil)
    #expect(Rank("Zz9") != nil)
  }

  @Test(arguments: [1, 2, 61, 62, 1_000, 100_000])
  func evenlySpacedRanksAreIncreasingValidAndShort(count: Int) {
    let ranks = Rank.evenlySpaced(count: count)
    #expect(ranks.count == count)
    #expect(zip(ranks, ranks.dropFirst()).allSatisfy { $0 < $1 })
    #expect(ranks.allSatisfy { Rank($0.value) != nil })
    #expect(ranks.map(\.value.count).max() ?? 0 <= 4)
  }
}
