import ScrumCore
import TermUI

/// One of the charts of the reports pane.
public enum ReportTab: Int, CaseIterable, Sendable {
  case burndown, burnup, velocity, flow, cycleTime

  var title: String {
    switch self {
    case .burndown: return "Burndown"
    case .burnup: return "Burnup"
    case .velocity: return "Velocity"
    case .flow: return "Flow"
    case .cycleTime: return "Cycle time"
    }
  }
}

/// The reports pane's view state.
public struct ReportsState: Equatable, Sendable {
  public var tab: ReportTab = .burndown
  /// The sprint shown; nil follows the board (the active sprint, else the last closed one).
  public var sprintName: String?
  /// The first line shown of a long list (cycle times).
  public var scroll = 0
  /// Charts in ASCII even where the terminal shows Unicode (toggled with a key).
  public var ascii = false
  public init() {}
}

extension Board {
  /// The sprints reports can show: those that have started, in the board's order.
  var reportableSprints: [Sprint] { sprints.filter { $0.state != .planned && $0.start != nil } }

  /// The sprint the reports show by default: the active one, else the last closed one.
  var defaultReportSprint: Sprint? { activeSprint ?? reportableSprints.last }
}

extension AppState {
  /// The sprint the reports pane shows.
  var reportSprint: Sprint? {
    if let name = reports.sprintName, let sprint = board.sprint(named: name), sprint.start != nil { return sprint }
    return board.defaultReportSprint
  }

  /// What charts are drawn with now.
  var reportGlyphs: ChartGlyphs { reports.ascii ? .ascii : chartGlyphs }
}

func reduceReports(_ state: inout AppState, _ command: Command) -> [Effect] {
  switch command {
  case .previousReport, .nextReport:
    let tabs = ReportTab.allCases
    let step = command == .nextReport ? 1 : tabs.count - 1
    state.reports.tab = tabs[(state.reports.tab.rawValue + step) % tabs.count]
    state.reports.scroll = 0
  case .previousSprint, .nextSprint:
    let sprints = state.board.reportableSprints
    guard !sprints.isEmpty else { return [] }
    let current = state.reportSprint.flatMap { sprint in sprints.firstIndex { $0.name == sprint.name } } ?? sprints.count
    let target = current + (command == .nextSprint ? 1 : -1)
    guard sprints.indices.contains(target) else {
      state.flash = .info(command == .nextSprint ? "This is the latest sprint" : "This is the first sprint")
      return []
    }
    state.reports.sprintName = sprints[target].name
    state.reports.scroll = 0
  case .moveDown: state.reports.scroll += 1
  case .moveUp: state.reports.scroll = max(0, state.reports.scroll - 1)
  case .first: state.reports.scroll = 0
  case .last: state.reports.scroll = Int.max / 2
  case .toggleChartGlyphs:
    state.reports.ascii.toggle()
    state.flash = .info(state.reports.ascii ? "Charts in ASCII" : "Charts in Unicode where the terminal shows it")
  case .close:
    state.flash = .info("Nothing to close here: q quits (everything is already saved)")
  case .back:
    return [.quit]
  default:
    break
  }
  return []
}
