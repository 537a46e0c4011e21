/// How many stories a set holds (a sprint, the product backlog), their points, and the points
/// of those ready.
public struct StoryTotals: Equatable, Sendable {
  public var count: Int
  public var points: Double
  public var readyPoints: Double

  public init(count: Int = 0, points: Double = 0, readyPoints: Double = 0) {
    self.count = count
    self.points = points
    self.readyPoints = readyPoints
  }

  public mutating func add(_ story: Story) {
    add(points: story.points?.value ?? 0, ready: story.isReady)
  }

  public mutating func add(points storyPoints: Double, ready: Bool) {
    count += 1
    points += storyPoints
    if ready { readyPoints += storyPoints }
  }

  /// Takes a story that `add` counted back out (points are halves and whole numbers, which a
  /// Double adds and subtracts exactly).
  public mutating func remove(_ story: Story) {
    let storyPoints = story.points?.value ?? 0
    count -= 1
    points -= storyPoints
    if story.isReady { readyPoints -= storyPoints }
  }
}
