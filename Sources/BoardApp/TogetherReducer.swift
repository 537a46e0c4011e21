import Foundation
import ScrumCore

/// w, Ctrl-T and F anywhere, P on a story, and every key while the who list or a poker round is
/// in front; nil for a command that is not about being together.
func reduceTogether(_ state: inout AppState, _ command: Command) -> [Effect]? {
  switch command {
  case .who, .takeLead, .follow, .startPoker: return reduceTogetherCommand(&state, command)
  default: break
  }
  switch state.scope {
  case .who:
    if command == .close { state.together.showsWho = false }
    return []
  case .poker: return reducePoker(&state, command)
  default: return nil
  }
}

/// A key or click of one's own: this session no longer follows the lead.
func stopFollowing(_ state: inout AppState) {
  guard state.together.following else { return }
  state.together.following = false
  state.flash = .info("Stopped following")
}

private func reduceTogetherCommand(_ state: inout AppState, _ command: Command) -> [Effect] {
  switch command {
  case .who:
    state.together.showsWho.toggle()
    return []
  case .takeLead:
    if state.isLead {
      state.together.leadingSince = nil
      state.flash = .info("You no longer lead")
    } else {
      state.together.leadingSince = state.now
      state.together.following = false
      let follow = state.keyName(.follow, in: .global)
      state.flash = .info("You lead: the others follow your screen with \(follow)")
    }
    return [.publishPresence]
  case .follow:
    state.together.following.toggle()
    if state.together.following {
      followLead(&state)
      state.flash = .info("Following \(state.lead?.member ?? "the lead"): any key of yours stops")
    } else {
      state.flash = .info("Not following")
    }
    return [.publishPresence]
  case .startPoker:
    guard let story = state.storyForPoker else { return [] }
    // Whoever starts a round with nobody leading facilitates it, and leads.
    if state.together.leadingSince == nil { state.together.leadingSince = state.now }
    state.together.pokerHiddenRound = nil
    return [.publishPresence, .startRound(story)]
  default:
    return []
  }
}

private func reducePoker(_ state: inout AppState, _ command: Command) -> [Effect] {
  guard let round = state.together.round else { return [] }
  let deck = PokerCard.deck
  switch command {
  case .previousValue:
    state.together.pokerCursor = max(0, state.together.pokerCursor - 1)
  case .nextValue:
    state.together.pokerCursor = min(deck.count - 1, state.together.pokerCursor + 1)
  case .vote:
    guard let card = deck[safe: state.together.pokerCursor] else { return [] }
    state.flash = .info("You voted; the others see that you did, not what")
    return [.vote(round: round.id, card)]
  case .reveal:
    return [.reveal(round: round.id)]
  case .newRound:
    return [.startRound(round.story)]
  case .acceptValue:
    guard let points = deck[safe: state.together.pokerCursor]?.points else { return [] }
    let now = state.now
    var effects = perform(&state) { _ in .storyEdited(round.story, [.points(points)], updatedAt: now) }
    if !effects.isEmpty {
      effects.append(.closeRound(round.id, .accepted, accepted: points))
      let undo = state.keyName(.undo, in: .global)
      state.flash = .info("\(state.board.key(of: round.story)): \(points) points by planning poker — \(undo) undoes")
    }
    return effects
  case .close:
    if state.facilitatesRound { return [.closeRound(round.id, .cancelled, accepted: nil)] }
    state.together.pokerHiddenRound = round.id
    state.flash = .info("Poker on \(state.board.key(of: round.story)) goes on: \(state.keyName(.startPoker, in: .backlog)) on it to vote")
    return []
  default:
    return []
  }
  return []
}

/// Takes in who is on the board and the open round; a follower goes where the lead is.
func reduceTogetherChanged(_ state: inout AppState, presence: [Presence], round: PokerRound?) -> [Effect] {
  let before = state.together.round
  state.together.presence = presence
  // A round whose facilitator is gone (quit, crashed) is over: nobody else may end it.
  let facilitatorHere = round.map { round in presence.contains { $0.instance == round.facilitatorInstance && $0.isAlive(at: state.now) } }
  state.together.round = facilitatorHere == false ? nil : round
  var effects: [Effect] = []
  // Someone took the lead after this session did: it stops claiming it.
  if state.together.leadingSince != nil, let lead = state.lead, lead.instance != state.together.instance {
    state.together.leadingSince = nil
    state.flash = .info("\(lead.member) leads now")
    effects.append(.publishPresence)
  }
  if let round = state.together.round {
    if round.id != before?.id {
      // A new round: its prompt opens on everyone's screen, on the deck's middle.
      state.together.pokerHiddenRound = nil
      state.together.pokerCursor = PokerCard.startIndex
    }
    let people = state.pokerParticipants
    if round.isRevealed(participants: people), !(before?.isRevealed(participants: people) ?? false),
      let median = round.summary(participants: people)?.median
    {
      // Revealed: the facilitator's cursor on the median, the value most teams settle on.
      state.together.pokerCursor = PokerCard.deck.firstIndex(of: .points(median)) ?? state.together.pokerCursor
    }
  } else if let before, before.isOpen, before.facilitatorInstance != state.together.instance {
    // (The facilitator keeps the message of what they just did.)
    let key = state.board.key(of: before.story)
    if facilitatorHere == false {
      state.flash = .info("Planning poker on \(key) is over: \(before.facilitator) left")
    } else {
      let points = state.board.story(before.story)?.points.map { ": \(key) is \($0) points" } ?? ""
      state.flash = .info("Planning poker on \(key) ended\(points)")
    }
  }
  if state.together.following { followLead(&state) }
  return effects
}

/// Puts this session where the lead is: the same pane and the same story.
func followLead(_ state: inout AppState) {
  guard let lead = state.lead, lead.instance != state.together.instance else { return }
  let story = lead.story.flatMap { state.board.story($0) != nil ? $0 : nil }
  switch lead.place {
  case "detail":
    guard let story else { return }
    if state.detail?.story != story { openDetail(&state, story, from: .backlog) }
  case "board", "standup":
    state.detail = nil
    state.pane = .board
    if let story { state.sprintBoard.selection = story }
    let model = SprintBoardModel(board: state.board, view: state.sprintBoard, user: state.user)
    if let story, let column = model.column(of: story) { state.sprintBoard.column = column }
  case "reports":
    state.detail = nil
    state.pane = .reports
  default:
    state.detail = nil
    state.pane = .backlog
    if let story, state.backlogRows.position(of: story) != nil { state.backlog.selection = story }
  }
}
