import TestSupport
import Testing

@testable import ScrumCore

@Suite struct RankTests {
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
