import Foundation
import ScrumCore

/// The others on the board, who leads, whether this session follows, and the poker round.
public struct TogetherState: Equatable, Sendable {
  /// This running instance's id, as its presence row names it.
  public var instance = ""
  /// Every instance alive on the board, this one included, as last read.
  public var presence: [Presence] = []
  /// Since when this session leads (facilitates), or nil.
  public var leadingSince: Date?
  /// Whether this session's pane and selection track the lead's.
  public var following = false
  /// The open planning poker round, if any.
  public var round: PokerRound?
  /// The card the poker prompt points at, an index into the deck.
  public var pokerCursor = PokerCard.startIndex
  /// The round whose prompt this participant put away (Esc), until the next round.
  public var pokerHiddenRound: Int?
  /// The `w` overlay is open.
  public var showsWho = false
  public init() {}
}

extension AppState {
  /// The others alive on the board.
  public var others: [Presence] {
    together.presence.filter { $0.instance != together.instance && $0.isAlive(at: now) }
  }

  /// The instance that leads, if one does: this session as it is now, with the others as last read.
  public var lead: Presence? { (others + [ownPresence]).lead(at: now) }

  public var isLead: Bool { together.leadingSince != nil && (lead == nil || lead?.instance == together.instance) }

  /// Where this session is, as others see it.
  public var place: (name: String, story: StoryID?) {
    switch pane {
    case .backlog: return ("backlog", backlog.selection)
    case .detail: return ("detail", detail?.story)
    case .board: return (standup == nil ? "board" : "standup", currentCard)
    case .reports: return ("reports", nil)
    }
  }

  /// This session's row for the others.
  public var ownPresence: Presence {
    Presence(
      instance: together.instance, member: user.isEmpty ? "someone" : user, place: place.name, story: place.story,
      leadingSince: together.leadingSince, following: together.following, heartbeat: now)
  }

  /// The poker prompt shows: a round is open and this participant has not put it away.
  var showsPoker: Bool {
    guard let round = together.round, round.isOpen else { return false }
    return together.pokerHiddenRound != round.id
  }

  /// Members on the board now: the round's participants.
  var pokerParticipants: [String] { PokerRound.participants(together.presence, at: now) }

  var facilitatesRound: Bool { together.round?.facilitatorInstance == together.instance }

  /// The story a poker round would be about: where the user is.
  var storyForPoker: StoryID? {
    switch pane {
    case .backlog: return backlog.selection
    case .detail: return detail?.story
    case .board: return currentCard
    case .reports: return nil
    }
  }

  /// Others on a story, for the markers on its row or card.
  func others(on story: StoryID) -> [Presence] { others.filter { $0.story == story } }

  /// The two letters that stand for a member here, told apart from everyone else's on the
  /// board now.
  func initials(of member: String) -> String {
    Presence.initials(of: member, among: others.map(\.member) + [ownPresence.member])
  }
}
