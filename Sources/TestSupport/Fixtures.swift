import Foundation
import ScrumCore

/// Fixed boards and times, so that screens and exports are exact.
public enum Fixtures {
  /// 2026-11-27T10:00:00Z, a Friday.
  public static let now = Date(timeIntervalSince1970: 1_795_773_600)

  public static func sampleBoard() -> Board { SampleBoard.make(now: now) }

  /// A small board with three backlog stories and no sprint.
  public static func tinyBoard() -> Board {
    let ranks = Rank.evenlySpaced(count: 3)
    let titles = ["First story", "Second story", "Third story"]
    return Board(
      name: "Tiny", prefix: "TB",
      stories: titles.enumerated().map { index, title in
        Story(id: StoryID(index + 1), title: title, status: "todo", rank: ranks[index], createdAt: now)
      })
  }
}
