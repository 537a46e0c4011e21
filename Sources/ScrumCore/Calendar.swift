import Foundation

// Calendar arithmetic on `Day` without Foundation's Calendar: reports walk every day of every
// sprint for every story, and these are a few integer operations each. All days are UTC days.

extension Day {
  /// The UTC calendar day of an instant.
  public init(date: Date) {
    self.init(dayNumber: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
  }

  /// The day `dayNumber` days after 1970-01-01 (days-from-civil, after Howard Hinnant).
  public init(dayNumber: Int) {
    let shifted = dayNumber + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }

  /// Days since 1970-01-01.
  public var dayNumber: Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Midnight UTC at the start of the day.
  public var date: Date { Date(timeIntervalSince1970: Double(dayNumber) * 86_400) }

  /// The last instant of the day (a millisecond before the next midnight).
  public var endOfDay: Date { Date(timeIntervalSince1970: Double(dayNumber + 1) * 86_400 - 0.001) }

  public func adding(days: Int) -> Day { Day(dayNumber: dayNumber + days) }

  /// Days from this day to `other` (negative when `other` is earlier).
  public func days(to other: Day) -> Int { other.dayNumber - dayNumber }

  /// ISO weekday: 1 is Monday, 7 is Sunday.
  public var weekday: Int { ((dayNumber + 3) % 7 + 7) % 7 + 1 }

  /// "11-30": short enough for a chart's axis.
  public var monthAndDay: String { String(description.dropFirst(5)) }
}

/// The days of the week a team works, for burndowns and cycle times: a weekend is neither a
/// step of the ideal line nor time a story waited.
public struct WorkingDays: Equatable, Sendable, CustomStringConvertible {
  /// ISO weekdays, 1 (Monday) to 7 (Sunday).
  public private(set) var weekdays: Set<Int>

  public static let mondayToFriday = WorkingDays(weekdays: [1, 2, 3, 4, 5])
  public static let everyDay = WorkingDays(weekdays: Set(1...7))

  public init(weekdays: Set<Int>) { self.weekdays = weekdays.filter { (1...7).contains($0) } }

  private static let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

  /// Parses "mon-fri", "mon,tue,thu", "sun-thu", "all" (case-insensitive; full names too).
  public init?(parsing text: String) {
    let trimmed = text.trimmingWhitespace().lowercased()
    if trimmed == "all" || trimmed == "every day" {
      self = .everyDay
      return
    }
    func weekday(_ name: Substring) -> Int? {
      // The standard library's trim, not Foundation's: this is read as every board opens, and
      // Foundation's first trim costs 0.4 ms of bridging set-up.
      let name = name.trimmingWhitespace()
      guard name.count >= 3 else { return nil }
      return WorkingDays.names.firstIndex { name.hasPrefix($0) && $0.hasPrefix(name.prefix(3)) }.map { $0 + 1 }
    }
    var days: Set<Int> = []
    for part in trimmed.split(separator: ",") {
      let ends = part.split(separator: "-", omittingEmptySubsequences: false)
      guard ends.count <= 2, let first = weekday(ends[0]) else { return nil }
      guard ends.count == 2 else {
        days.insert(first)
        continue
      }
      guard let last = weekday(ends[1]) else { return nil }
      // A range may wrap the week's end: "sun-thu".
      var day = first
      while true {
        days.insert(day)
        if day == last { break }
        day = day % 7 + 1
      }
    }
    guard !days.isEmpty else { return nil }
    self.init(weekdays: days)
  }

  public func contains(_ day: Day) -> Bool { weekdays.contains(day.weekday) }

  /// "mon-fri", "sun-thu", "mon,wed,fri", "all": what `init(parsing:)` reads back.
  public var description: String {
    if weekdays.count == 7 { return "all" }
    func name(_ day: Int) -> String { WorkingDays.names[day - 1] }
    func next(_ day: Int) -> Int { day % 7 + 1 }
    // Runs of consecutive days, each from a day whose day before is off (a run may wrap past
    // Sunday, as "sun-thu" does), in the order Monday first.
    let starts = (1...7).filter { weekdays.contains($0) && !weekdays.contains(($0 + 5) % 7 + 1) }
    return starts.map { start in
      var end = start
      while weekdays.contains(next(end)) { end = next(end) }
      let length = (end - start + 7) % 7 + 1
      if length >= 3 { return "\(name(start))-\(name(end))" }
      return length == 2 ? "\(name(start)),\(name(end))" : name(start)
    }.joined(separator: ",")
  }
}
