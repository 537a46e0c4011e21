import Foundation
import ScrumCore
import TermUI

/// `w`: everyone on the board, where they are, who leads and who follows.
struct WhoOverlay {
  let state: AppState

  func draw(into grid: inout Grid, layout: Layout) {
    let people = state.together.presence.filter { $0.isAlive(at: state.now) }
    let lead = state.lead
    let width = min(layout.size.width - 4, 72)
    let height = min(layout.body.height, people.count + 4)
    let box = Rect(x: (layout.size.width - width) / 2, y: layout.body.y, width: width, height: max(4, height))
    grid.drawBox(box, title: "On the board · \(people.count) \(people.count == 1 ? "person" : "people")", style: Style(.accent))
    let inside = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
    let everyone = people.sorted { ($0.instance != state.together.instance ? 1 : 0, $0.member) < ($1.instance != state.together.instance ? 1 : 0, $1.member) }
    for (offset, person) in everyone.prefix(inside.height - 1).enumerated() {
      let you = person.instance == state.together.instance
      var line: StyledLine = [
        Span(state.initials(of: person.member) + " ", Style(.accent, bold: true)),
        Span(person.member + (you ? " (you)" : ""), Style(bold: you)),
        Span(" · " + placeName(person), Style(.dim)),
      ]
      if person.instance == lead?.instance { line.append(Span(" · leads", Style(.warning, bold: true))) }
      if person.following { line.append(Span(" · follows", Style(.dim))) }
      grid.put(line, at: Point(inside.x, inside.y + offset), limit: inside.width)
    }
    let keys = "\(state.keyName(.takeLead, in: .who)) lead · \(state.keyName(.follow, in: .who)) follow · \(state.keyName(.close, in: .who)) close"
    grid.put(keys, in: inside.row(inside.height - 1), style: Style(.dim))
  }

  private func placeName(_ person: Presence) -> String {
    let story = person.story.map { " " + state.board.key(of: $0) } ?? ""
    switch person.place {
    case "detail": return "reading" + story
    case "board": return "sprint board" + story
    case "standup": return "standup" + story
    case "reports": return "reports"
    default: return "backlog" + story
    }
  }
}

/// The planning poker prompt: the story, the deck, who has voted (not what), then the votes
/// side by side with their spread.
struct PokerOverlay {
  let state: AppState

  func draw(into grid: inout Grid, layout: Layout) {
    guard let round = state.together.round else { return }
    let people = state.pokerParticipants
    let revealed = round.isRevealed(participants: people)
    let story = state.board.story(round.story)
    var lines: [StyledLine] = [[Span(story?.title ?? "(story deleted)", Style(bold: true))]]
    lines.append(deckLine(round))
    if revealed {
      let votes = round.countedVotes(participants: people)
      lines.append(
        votes.isEmpty
          ? [Span("No votes", Style(.dim))]
          : votes.flatMap { [Span($0.member + " ", Style(.dim)), Span($0.card.description + "   ", Style(.accent, bold: true))] })
      let silent = round.waitingFor(participants: people)
      if !silent.isEmpty {
        lines.append([Span("no vote from: ", Style(.dim)), Span(silent.joined(separator: " "), Style(.warning))])
      }
      if let summary = round.summary(participants: people) {
        let agreed = summary.min == summary.max && votes.compactMap(\.card.points).count > 1
        lines.append([
          Span("min \(summary.min) · median \(summary.median) · max \(summary.max)", Style(bold: true)),
          Span(agreed ? "  · agreed" : "  · talk it over: lowest and highest explain", Style(agreed ? .success : .warning)),
        ])
      }
    } else {
      let voted = round.votes.filter { people.contains($0.member) }.map(\.member)
      let waiting = round.waitingFor(participants: people)
      lines.append(
        [Span("voted: ", Style(.dim)), Span(voted.isEmpty ? "nobody yet" : voted.map { "✓" + $0 }.joined(separator: " "), Style(.success))])
      lines.append([Span("waiting for: ", Style(.dim)), Span(waiting.joined(separator: " "), Style(.warning))])
    }
    lines.append(keysLine(revealed))
    // As tall as its lines, at the bottom of the body: the list above stays in view.
    let width = min(layout.size.width - 2, 76)
    let height = min(layout.body.height, lines.count + 2)
    let box = Rect(x: (layout.size.width - width) / 2, y: layout.body.maxY - height, width: width, height: height)
    let title = "Planning poker · \(state.board.key(of: round.story)) · \(round.facilitator) facilitates"
    grid.drawBox(box, title: title, style: Style(.accent))
    let inside = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
    for (offset, line) in lines.prefix(inside.height).enumerated() {
      grid.put(line, at: Point(inside.x, inside.y + offset), limit: inside.width)
    }
  }

  private func deckLine(_ round: PokerRound) -> StyledLine {
    let mine = round.votes.first { $0.member == state.ownPresence.member }?.card
    var line: StyledLine = []
    for (index, card) in PokerCard.deck.enumerated() {
      let text = card.description
      // The card pointed at in brackets (no colour needed to see it), the one voted underlined.
      let shown = index == state.together.pokerCursor ? "[\(text)]" : " \(text) "
      var style = index == state.together.pokerCursor ? Style(.selection, bold: true) : Style()
      if card == mine { style.underline = true }
      line.append(Span(shown, style))
    }
    return line
  }

  private func keysLine(_ revealed: Bool) -> StyledLine {
    let key = { (command: Command) in state.keyName(command, in: .poker) }
    var text = "\(key(.previousValue))/\(key(.nextValue)) card  \(key(.vote)) vote"
    if state.facilitatesRound {
      text = revealed
        ? "\(key(.previousValue))/\(key(.nextValue)) card  \(key(.acceptValue)) accept  \(key(.newRound)) vote again  \(key(.close)) end"
        : text + "  \(key(.reveal)) reveal  \(key(.close)) end"
    } else if revealed {
      text = "the facilitator accepts a value or votes again  \(key(.close)) hide"
    } else {
      text += "  \(key(.close)) hide"
    }
    return [Span(text, Style(.dim))]
  }
}
