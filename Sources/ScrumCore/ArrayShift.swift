extension Array {
  /// Moves the element at `from` to `to`, sliding the elements in between by one place. Costs
  /// the distance moved, where a remove and an insert would move every element after them:
  /// a story ranked one place up in a backlog of 100,000 touches two entries, not 200,000.
  public mutating func shiftElement(from: Int, to: Int) {
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
