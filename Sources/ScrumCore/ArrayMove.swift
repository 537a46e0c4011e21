// Inlinable: used from other modules on the path of every rank move, where a generic call
// that is not specialised would cost more than the search.
extension Array {
  /// In an array sorted so that `isBefore` holds for a prefix of it, the first index where it
  /// does not hold (binary search), the element at `skipped` left out: where that element goes
  /// when it is moved (see `shiftElement`), found without taking it out first.
  @inlinable public func insertionIndex(skipping skipped: Int? = nil, isBefore: (Element) throws -> Bool) rethrows -> Int {
    var low = 0
    var high = count - (skipped == nil ? 0 : 1)
    while low < high {
      let middle = (low + high) / 2
      let position = skipped.map { middle < $0 ? middle : middle + 1 } ?? middle
      if try isBefore(self[position]) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low
  }

  /// Moves the element at `from` to `to`, sliding the elements in between by one place. Costs
  /// the distance moved, where a remove and an insert would move every element after them:
  /// a story ranked one place up in a backlog of 100,000 touches two entries, not 200,000.
  @inlinable public mutating func shiftElement(from: Int, to: Int) {
    guard from != to else { return }
    let moved = self[from]
    if from < to {
      for index in from..<to { self[index] = self[index + 1] }
    } else {
      for index in stride(from: from, to: to, by: -1) { self[index] = self[index - 1] }
    }
    self[to] = moved
  }
}
