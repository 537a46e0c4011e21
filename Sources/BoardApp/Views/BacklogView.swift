import ScrumCore
import TermUI

/// The backlog pane: the current sprint's stories, then the product backlog in rank order.
struct BacklogView {
  let state: AppState

  /// The columns right of the title, and the terminal width from which each is shown: a wide
  /// terminal shows more about each story instead of a longer gap.
  private enum Field: CaseIterable {
    case labels, assignee, status, points, epic

    var heading: String {
      switch self {
      case .labels: return "LABELS"
      case .assignee: return "ASSIGNEE"
      case .status: return "STATUS"
      case .points: return " PTS"
      case .epic: return "EPIC"
      }
    }

    func width(for terminalWidth: Int) -> Int {
      switch self {
      case .labels: return terminalWidth >= 150 ? 22 : 0
      case .assignee: return terminalWidth >= 110 ? 10 : (terminalWidth >= 80 ? 6 : 0)
      case .status: return terminalWidth >= 100 ? 12 : 0
      case .points: return 4
      case .epic: return terminalWidth >= 60 ? min(14, max(8, terminalWidth / 8)) : 0
      }
    }
  }

  /// Column positions for one width.
  private struct Columns {
    let key = 2
    let keyWidth: Int
    let ready: Int
    let title: Int
    let titleWidth: Int
    /// Shown fields with their x and width, left to right.
    let fields: [(field: Field, x: Int, width: Int)]

    init(width: Int, keyWidth: Int) {
      self.keyWidth = keyWidth
      ready = key + keyWidth + 1
      title = ready + 2
      var x = width - 1
      var placed: [(field: Field, x: Int, width: Int)] = []
      for field in Field.allCases.reversed() {
        let fieldWidth = field.width(for: width)
        guard fieldWidth > 0 else { continue }
        x -= fieldWidth
        placed.insert((field, x, fieldWidth), at: 0)
        x -= 2
      }
      fields = placed
      titleWidth = max(1, x + 1 - title)
    }
  }

  func draw(into grid: inout Grid, layout: Layout) {
    let board = state.board
    let rows = state.backlogRows
    let keyWidth = max(5, TextWidth.of(board.key(of: StoryID(max(1, board.nextStoryNumber - 1)))))
    let columns = Columns(width: layout.listArea.width, keyWidth: keyWidth)

    let header = layout.backlogHeader
    grid.fill(header, style: Style(.dim))
    grid.put("KEY", at: Point(columns.key, header.y), style: Style(.dim, bold: true))
    grid.put("R", at: Point(columns.ready, header.y), style: Style(.dim, bold: true))
    grid.put("TITLE", at: Point(columns.title, header.y), style: Style(.dim, bold: true))
    for (field, x, width) in columns.fields {
      grid.put(field.heading, at: Point(x, header.y), limit: width, style: Style(.dim, bold: true))
    }

    let list = layout.backlogList
    let visible = rows.rows.dropFirst(state.backlog.scroll).prefix(list.height)
    for (offset, row) in visible.enumerated() {
      let area = list.row(offset)
      switch row {
      case .sprintHeading(let index):
        let heading = rows.sprintHeadings[index]
        drawSprintHeading(heading.sprint, committed: heading.totals.points, area, into: &grid)
      case .backlogHeading:
        let totals = rows.backlogTotals
        drawHeading(
          "Product backlog", detail: "\(totals.count) stories · \(format(totals.points)) pts", area, into: &grid)
      case .story(let id):
        if let story = board.story(id) {
          drawStory(story, selected: id == state.backlog.selection, columns: columns, area, into: &grid)
        }
      case .emptySection(let isSprint):
        let addKey = state.keymap.keys(for: .addStory, in: .backlog).first
        let note: String
        if state.filter.isActive {
          note = state.filterJob == nil ? "No story here matches the filter" : "Looking for matches…"
        } else {
          note =
            isSprint
            ? "No stories planned in this sprint yet"
            : "The product backlog is empty" + (addKey.map { ": press \($0) to add a story" } ?? "")
        }
        grid.put("   " + note, in: area, style: Style(.dim))
      case .gap:
        break
      }
    }
  }

  private func drawSprintHeading(_ sprint: Sprint, committed: Double, _ area: Rect, into grid: inout Grid) {
    var detail = "\(sprint.state.rawValue) · \(format(committed))"
    if let capacity = sprint.capacity { detail += "/\(format(capacity))" }
    detail += " pts"
    if let capacity = sprint.capacity, committed > capacity { detail += " · over by \(format(committed - capacity))" }
    if let end = sprint.end { detail += " · ends \(end)" }
    let title = sprint.goal.isEmpty ? sprint.name : "\(sprint.name) · \(sprint.goal)"
    drawHeading(title, detail: detail, area, into: &grid)
    if let capacity = sprint.capacity, committed > capacity {
      let width = TextWidth.of(detail)
      grid.restyle(Rect(x: area.maxX - width - 1, y: area.y, width: width, height: 1)) {
        $0 = Style(.warning, bold: true)
      }
    }
  }

  private func drawHeading(_ title: String, detail: String, _ area: Rect, into grid: inout Grid) {
    // On a narrow screen the name keeps a quarter of the row (the sprint's name at least) and
    // the facts are cut.
    let keptForTitle = min(TextWidth.of(title), max(12, area.width / 4))
    let detail = TextWidth.truncate(detail, to: max(0, area.width - 4 - keptForTitle))
    let detailWidth = TextWidth.of(detail)
    let titleRoom = max(0, area.width - detailWidth - 4)
    grid.put("▾ " + TextWidth.truncate(title, to: titleRoom), at: area.origin, style: Style(.accent, bold: true))
    if detailWidth > 0 {
      grid.put(detail, at: Point(area.maxX - detailWidth - 1, area.y), style: Style(.accent))
    }
  }

  private func drawStory(_ story: Story, selected: Bool, columns: Columns, _ area: Rect, into grid: inout Grid) {
    let board = state.board
    let base = selected ? Style(.selection) : Style.normal
    // The selected row is one style from end to end: on a move, the terminal gets two rows of
    // text and a handful of attribute changes, not one per field.
    let styled: (Style) -> Style = { selected ? Style(.selection) : $0 }
    grid.fill(area, style: base)
    if selected { grid.put("›", at: area.origin, style: Style(.selection)) }
    if state.marked.contains(story.id) {
      grid.put("*", at: Point(area.x + 1, area.y), style: styled(Style(.warning, bold: true)))
    } else if let others = Optional(state.others(on: story.id)), !others.isEmpty {
      // Someone else is on this story: their initial (a count when several), underlined.
      let marker = others.count == 1 ? String(Presence.initials(of: others[0].member).prefix(1)) : String(min(9, others.count))
      grid.put(marker, at: Point(area.x + 1, area.y), style: styled(Style(.accent, bold: true, underline: true)))
    }
    // Colour only where it means something (ready, blocked, the epic): every change of style
    // costs bytes on every row of every redraw, and a row is redrawn on a slow SSH line too.
    grid.put(board.key(of: story.id), at: Point(columns.key, area.y), limit: columns.keyWidth, style: base)
    grid.put(story.isReady ? "✓" : "·", at: Point(columns.ready, area.y), style: story.isReady ? styled(Style(.success)) : base)
    // The forecast sprint, right of the title: where the story is likely to land.
    let tag = forecastTag(story)
    let tagWidth = tag.map { TextWidth.of($0.text) + 1 } ?? 0
    let titleWidth = max(1, columns.titleWidth - tagWidth)
    if let tag, columns.titleWidth > tagWidth + 8 {
      grid.put(tag.text, at: Point(columns.title + titleWidth + 1, area.y), style: styled(tag.style))
    }
    var title: StyledLine = []
    if story.blocked != nil { title.append(Span("! ", styled(Style(.error, bold: true)))) }
    if story.type != .story { title.append(Span("\(story.type.rawValue): ", base)) }
    title.append(Span(story.title, base))
    let titleText = title.map(\.text).concatenated()
    if TextWidth.of(titleText) > titleWidth {
      // Cut the last span so the whole title ends with an ellipsis within its column.
      let room = titleWidth - TextWidth.of(title.dropLast().map(\.text).concatenated())
      if room > 0 {
        title[title.count - 1].text = TextWidth.truncate(story.title, to: room)
      } else {
        title = [Span(TextWidth.truncate(titleText, to: titleWidth), base)]
      }
    } else if !columns.fields.contains(where: { $0.field == .labels }), !story.labels.isEmpty {
      // No labels column at this width: the labels follow the title while there is room.
      // Whole labels only, as many as fit.
      var room = titleWidth - TextWidth.of(titleText)
      var labels = ""
      for label in story.labels {
        let piece = " #" + label
        guard TextWidth.of(piece) <= room else { break }
        labels += piece
        room -= TextWidth.of(piece)
      }
      if !labels.isEmpty { title.append(Span(labels, base)) }
    }
    grid.put(title, at: Point(columns.title, area.y), limit: titleWidth)
    for (field, x, width) in columns.fields {
      let at = Point(x, area.y)
      switch field {
      case .points:
        let points = story.points.map { $0.description } ?? "–"
        grid.put(String(repeating: " ", count: max(0, width - TextWidth.of(points))) + points, at: at, limit: width, style: base)
      case .epic:
        if let epic = board.epic(story.epic) {
          grid.put(TextWidth.truncate(epic.title, to: width), at: at, limit: width, style: styled(Style(.epic(epic.colour))))
        }
      case .status:
        let column = board.column(story.status)?.title ?? story.status
        grid.put(TextWidth.truncate(column, to: width), at: at, limit: width, style: base)
      case .assignee:
        grid.put(TextWidth.truncate(story.assignee.map { "@" + $0 } ?? "", to: width), at: at, limit: width, style: base)
      case .labels:
        grid.put(TextWidth.truncate(story.labels.concatenated(separator: ","), to: width), at: at, limit: width, style: base)
      }
    }
  }

  /// "→ Sprint 15" for a product backlog story while the forecast is on; the first story of
  /// each forecast sprint in bold, so the sprints' boundaries show without colour.
  private func forecastTag(_ story: Story) -> Span? {
    guard state.showForecast, story.sprint == nil, let forecast = state.forecast,
      let landing = forecast.sprint(of: story.id)
    else { return nil }
    let first = forecast.startsSprint(story.id)
    return Span("→ " + landing.sprint.name, first ? Style(.accent, bold: true) : Style(.dim))
  }
}
