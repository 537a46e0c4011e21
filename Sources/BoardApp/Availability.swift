import ScrumCore

extension AppState {
  /// Why `command` would do nothing in `scope` right now, in a few words, or nil when it
  /// applies. The one place that says so: the reducer shows it when the key is pressed, the
  /// help shows it beside the key. Cheap for every key (no pass over the stories).
  public func whyNot(_ command: Command, in scope: Scope) -> String? {
    whyNotHere(command, in: scope) ?? whyNotGlobally(command)
  }

  private func whyNotHere(_ command: Command, in scope: Scope) -> String? {
    switch scope {
    case .global: return nil
    case .backlog: return whyNotInBacklog(command)
    case .board: return whyNotOnBoard(command)
    case .standup: return board.activeSprint == nil ? "no active sprint" : nil
    case .reports:
      switch command {
      case .previousSprint, .nextSprint:
        return board.sprints.allSatisfy({ $0.state == .planned }) ? "no sprint has started yet" : nil
      default: return nil
      }
    case .detail: return whyNotInDetail(command)
    case .poker: return whyNotInPoker(command)
    case .picker, .help, .who: return nil
    }
  }

  /// The first key bound to a command, as hints name it, for messages that say what to press.
  func keyName(_ command: Command, in scope: Scope) -> String {
    (keymap.keys(for: command, in: scope).first ?? keymap.keys(for: command, in: .global).first)?.description
      ?? command.rawValue
  }

  private func whyNotGlobally(_ command: Command) -> String? {
    switch command {
    case .follow:
      if together.following { return nil }
      if isLead { return "you lead: the others follow you" }
      return lead == nil ? "nobody leads: \(keyName(.takeLead, in: .global)) takes the lead" : nil
    case .startPoker:
      guard storyForPoker != nil else { return "no story here" }
      if let lead, lead.instance != together.instance {
        return "the facilitator starts a round (\(lead.member) leads)"
      }
      return nil
    case .undo: return undoStack.isEmpty ? "nothing to undo yet" : nil
    case .redo: return redoStack.isEmpty ? "nothing undone to redo" : nil
    default: return nil
    }
  }

  private func whyNotInBacklog(_ command: Command) -> String? {
    // Worked out only when needed: this runs for every key.
    var noStory: String {
      filter.isActive ? "no story matches the filter" : "no story yet: \(keyName(.addStory, in: .backlog)) adds one"
    }
    switch command {
    case .openDetail, .editTitle, .editInEditor, .rankDown, .rankUp, .rankTop, .rankBottom, .splitStory, .toggleMark,
      .markRange:
      return backlog.selection == nil ? noStory : nil
    case .setPoints, .setLabels, .setAssignee, .setEpic, .deleteStory:
      return backlog.selection == nil && marked.isEmpty ? noStory : nil
    case .toggleSprint:
      if backlog.selection == nil && marked.isEmpty { return noStory }
      return board.sprints.contains(where: { $0.state != .closed })
        ? nil : "no planned or active sprint: \(keyName(.newSprint, in: .board)) on the sprint board creates one"
    case .nextMatch, .previousMatch:
      return filter.isActive ? nil : "no filter: \(keyName(.filterText, in: .backlog)) filters as you type"
    default: return nil
    }
  }

  private func whyNotOnBoard(_ command: Command) -> String? {
    switch command {
    case .startSprint:
      if let active = board.activeSprint {
        return "\(active.name) is active: close it first (\(keyName(.closeSprint, in: .board)))"
      }
      return board.sprints.contains(where: { $0.state == .planned })
        ? nil : "no planned sprint: \(keyName(.newSprint, in: .board)) creates one"
    case .closeSprint:
      return board.activeSprint == nil ? "no active sprint to close" : nil
    case .startStandup:
      return board.activeSprint == nil ? "no active sprint to walk: \(keyName(.startSprint, in: .board)) starts one" : nil
    case .moveCardLeft, .moveCardRight, .setBlocked, .setPoints, .openDetail:
      if board.activeSprint == nil { return "no active sprint" }
      return currentCard == nil ? "no card here" : nil
    case .toggleMine:
      return user.isEmpty ? "who you are is not known ($USER is not set)" : nil
    default: return nil
    }
  }

  private func whyNotInPoker(_ command: Command) -> String? {
    guard let round = together.round else { return nil }
    switch command {
    case .reveal, .acceptValue, .newRound:
      guard facilitatesRound else { return "only the facilitator can (\(round.facilitator))" }
      if command == .acceptValue {
        if !round.isRevealed(participants: pokerParticipants) {
          return "the votes are not shown yet: \(keyName(.reveal, in: .poker)) reveals them"
        }
        if PokerCard.deck[safe: together.pokerCursor]?.points == nil { return "? is not an estimate: choose a value" }
      }
      return nil
    case .vote:
      return round.isRevealed(participants: pokerParticipants) ? "the votes are shown: the facilitator accepts or starts again" : nil
    default: return nil
    }
  }

  private func whyNotInDetail(_ command: Command) -> String? {
    switch command {
    case .toggleDone, .deleteLine, .lineDown, .lineUp:
      switch detail?.cursor {
      case .criterion?, .task?: return nil
      default:
        return "on a criterion or a task only: move to one with \(keyName(.moveDown, in: .detail)) or \(keyName(.nextSection, in: .detail))"
      }
    default: return nil
    }
  }
}
