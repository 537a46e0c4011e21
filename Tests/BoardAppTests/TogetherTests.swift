import Foundation
import ScrumCore
import ScrumStore
import TermUI
import TestSupport
import Testing

@testable import BoardApp

/// Several people on one board: sessions on one store are people on one board file.
@Suite struct TogetherTests {
  func team(_ names: String...) throws -> [Session] {
    let store = try BoardRepository.inMemory(Fixtures.sampleBoard())
    let sessions = try names.map { try Session(store: store, user: $0) }
    for session in sessions { session.tick() }
    for session in sessions { session.tick() }
    return sessions
  }

  @Test func everyoneSeesWhoIsOnTheBoardAndWhere() throws {
    let people = try team("ana", "bo")
    let (ana, bo) = (people[0], people[1])
    bo.press(.moveDown, .moveDown)
    bo.advanceClock(by: 1)
    bo.tick()
    ana.tick()
    #expect(ana.state.others.map(\.member) == ["bo"])
    #expect(ana.lines[0].contains("+1"))
    // bo is on SB-3: his initial marks its row on ana's screen.
    let row = try #require(ana.lines.first { $0.contains("SB-3 ") })
    #expect(row.hasPrefix(" BSB-3"))
    ana.press(.who)
    #expect(ana.lines.contains { $0.contains("ana (you)") })
    #expect(ana.lines.contains { $0.contains("bo · backlog SB-3") })
    ana.press(.close)
    #expect(!ana.state.together.showsWho)
  }

  @Test func oneWhoLeavesOrCrashesDisappears() throws {
    let people = try team("ana", "bo", "cy")
    let (ana, bo) = (people[0], people[1])
    #expect(ana.state.others.count == 2)
    bo.leave()
    ana.tick()
    #expect(ana.state.others.map(\.member) == ["cy"])
    // cy's process is killed: no more heartbeats. Nine seconds on, she is gone too.
    ana.advanceClock(by: 9)
    ana.tick()
    #expect(ana.state.others.isEmpty)
  }

  @Test func followersTrackTheLeadUntilTheyPressAKeyOfTheirOwn() throws {
    let people = try team("ana", "bo")
    let (ana, bo) = (people[0], people[1])
    #expect(bo.state.whyNot(.follow, in: .global) == "nobody leads: Ctrl-T takes the lead")
    ana.press(.takeLead)
    bo.tick()
    bo.press(.follow)
    #expect(bo.state.together.following)
    ana.press(.last)
    ana.advanceClock(by: 1)
    ana.tick()
    bo.tick()
    #expect(bo.state.backlog.selection == ana.state.backlog.selection)
    ana.press(.showBoard, .columnRight)
    ana.advanceClock(by: 1)
    ana.tick()
    bo.tick()
    #expect(bo.state.pane == .board)
    #expect(bo.state.sprintBoard.selection == ana.state.sprintBoard.selection)
    #expect(bo.lines[0].contains("following ana"))
    // A click of bo's own on the board stops following too; so does a key.
    bo.click(Point(0, 0))
    #expect(!bo.state.together.following)
    bo.press(.follow)
    ana.advanceClock(by: 1)
    ana.tick()
    bo.tick()
    #expect(bo.state.together.following)
    // A key of bo's own: he stops following, and stays where he is.
    bo.press(.moveDown)
    #expect(!bo.state.together.following)
    ana.press(.columnRight)
    ana.advanceClock(by: 1)
    ana.tick()
    bo.tick()
    #expect(bo.state.sprintBoard.selection != ana.state.sprintBoard.selection)
  }

  @Test func theLatestToTakeTheLeadLeads() throws {
    let people = try team("ana", "bo")
    let (ana, bo) = (people[0], people[1])
    ana.press(.takeLead)
    bo.tick()
    bo.advanceClock(by: 1)
    bo.press(.takeLead)
    ana.advanceClock(by: 1)
    ana.tick()
    #expect(!ana.state.isLead)
    #expect(ana.state.lead?.member == "bo")
    #expect(bo.state.isLead)
  }

  @Test func aPokerRoundFromStartToAcceptedPointsAndUndo() throws {
    let people = try team("ana", "bo", "cy")
    let (ana, bo, cy) = (people[0], people[1], people[2])
    ana.press(.last)  // SB-28, on the backlog
    let story = try #require(ana.state.backlog.selection)
    ana.press(.startPoker)
    #expect(ana.state.isLead, "who starts a round with nobody leading facilitates it")
    for person in [bo, cy] { person.tick() }
    #expect(bo.state.scope == .poker)
    #expect(bo.lines.contains { $0.contains("waiting for: ana bo cy") })
    // Only the facilitator reveals.
    bo.press(.reveal)
    #expect(bo.lines[22].contains("Only the facilitator can (ana)"))
    bo.press(.nextValue, .vote)  // 8
    cy.press(.vote)  // 5
    for person in [ana, bo, cy] { person.tick() }
    #expect(ana.lines.contains { $0.contains("voted: ✓bo ✓cy") })
    #expect(!ana.lines.contains { $0.contains("bo 8") }, "votes stay hidden until everyone voted")
    ana.press(.previousValue, .previousValue, .vote)  // 2
    for person in [ana, bo, cy] { person.tick() }
    #expect(cy.lines.contains { $0.contains("ana 2   bo 8   cy 5") })
    #expect(cy.lines.contains { $0.contains("min 2 · median 5 · max 8") })
    // Revealed: no more votes; the facilitator's card is on the median.
    #expect(cy.state.whyNot(.vote, in: .poker) != nil)
    ana.press(.acceptValue)
    #expect(ana.state.board.story(story)?.points == Points(5))
    #expect(ana.lines[22].contains("5 points by planning poker"))
    for person in [bo, cy] { person.tick() }
    #expect(bo.state.board.story(story)?.points == Points(5))
    #expect(bo.state.scope == .backlog, "the round is over on every screen")
    let history = try bo.store.rounds(of: story)
    #expect(history.map(\.outcome) == [.accepted])
    #expect(history.first?.votes.count == 3)
    // The points came in as an ordinary change: undo takes them back.
    ana.press(.undo)
    #expect(ana.state.board.story(story)?.points == Fixtures.sampleBoard().story(story)?.points)
  }

  @Test func aParticipantWhoLeavesIsDroppedAndANewRoundStartsAfresh() throws {
    let people = try team("ana", "bo", "cy")
    let (ana, bo, cy) = (people[0], people[1], people[2])
    ana.press(.startPoker)
    bo.tick()
    cy.tick()
    ana.press(.vote)
    bo.press(.vote)
    cy.leave()
    ana.tick()
    #expect(ana.lines.contains { $0.contains("ana 5   bo 5") }, "cy left: the two who stayed have all voted")
    #expect(ana.lines.contains { $0.contains("agreed") })
    ana.press(.newRound)
    bo.tick()
    #expect(bo.lines.contains { $0.contains("voted: nobody yet") })
    #expect(try bo.store.openRound()?.votes.isEmpty == true)
    // A participant may put the prompt away; the facilitator's Esc ends the round.
    bo.press(.close)
    #expect(bo.state.scope == .backlog)
    ana.press(.close)
    bo.tick()
    #expect(bo.state.together.round == nil)
    #expect(try bo.store.rounds(of: try #require(ana.state.backlog.selection)).map(\.outcome) == [.restarted, .cancelled])
  }

  @Test func revealedEarlyTheRoundSaysWhoDidNotVoteAndOneVoteIsNoAgreement() throws {
    let people = try team("ana", "bo", "cy")
    let (ana, bo, cy) = (people[0], people[1], people[2])
    ana.press(.startPoker)
    bo.tick()
    bo.press(.vote)
    ana.tick()
    ana.press(.reveal)
    cy.tick()
    #expect(cy.lines.contains { $0.contains("bo 5") })
    #expect(cy.lines.contains { $0.contains("no vote from: ana cy") })
    #expect(!cy.lines.contains { $0.contains("agreed") }, "one vote agrees with nobody")
    #expect(cy.lines.contains { $0.contains("the facilitator accepts a value or votes again") })
  }

  @Test func aRoundWhoseFacilitatorLeftIsOverForEveryone() throws {
    let people = try team("ana", "bo")
    let (ana, bo) = (people[0], people[1])
    ana.press(.startPoker)
    bo.tick()
    #expect(bo.state.scope == .poker)
    ana.leave()
    bo.tick()
    #expect(bo.state.scope == .backlog)
    #expect(bo.lines[22].contains("is over: ana left"))
    // Nobody leads now: bo may start a round of his own.
    bo.press(.startPoker)
    #expect(bo.state.together.round?.facilitator == "bo")
  }

  @Test func whileSomeoneElseLeadsOnlyTheyStartARound() throws {
    let people = try team("ana", "bo")
    let (ana, bo) = (people[0], people[1])
    ana.press(.takeLead)
    bo.tick()
    bo.press(.startPoker)
    #expect(bo.state.together.round == nil)
    #expect(bo.lines[22].contains("The facilitator starts a round (ana leads)"))
  }
}
