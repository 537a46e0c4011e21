import GRDB

/// Every migration of the board file, in one place. A migration, once released, never changes:
/// add a new one instead. A file holding a migration this list does not know was written by a
/// newer `scrum` and is refused.
public enum Schema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-board") { db in
      try db.create(table: "board") { t in
        t.column("id", .integer).primaryKey().check { $0 == 1 }
        t.column("name", .text).notNull()
        t.column("prefix", .text).notNull()
        t.column("nextStoryNumber", .integer).notNull()
      }
      try db.create(table: "doneItem") { t in
        t.column("position", .integer).primaryKey()
        t.column("text", .text).notNull()
      }
      try db.create(table: "boardColumn") { t in
        t.column("id", .text).primaryKey()
        t.column("position", .integer).notNull()
        t.column("title", .text).notNull()
        t.column("wipLimit", .integer)
      }
      try db.create(table: "member") { t in
        t.column("name", .text).primaryKey()
        t.column("position", .integer).notNull()
      }
      try db.create(table: "epic") { t in
        t.column("key", .text).primaryKey()
        t.column("position", .integer).notNull()
        t.column("title", .text).notNull()
        t.column("colour", .integer).notNull()
      }
      try db.create(table: "sprint") { t in
        t.column("name", .text).primaryKey()
        t.column("position", .integer).notNull()
        t.column("goal", .text).notNull()
        t.column("start", .text)
        t.column("end", .text)
        t.column("state", .text).notNull()
        t.column("capacity", .double)
      }
      try db.create(table: "story") { t in
        t.column("number", .integer).primaryKey()
        t.column("title", .text).notNull()
        t.column("description", .text).notNull()
        t.column("type", .text).notNull()
        t.column("points", .double)
        t.column("status", .text).notNull()
        t.column("rank", .text).notNull().indexed()
        t.column("sprint", .text)
        t.column("epic", .text)
        t.column("labels", .text).notNull()  // a JSON array of strings
        t.column("assignee", .text)
        t.column("blocked", .text)
        t.column("createdAt", .double).notNull()  // seconds since 1970, UTC
        t.column("updatedAt", .double).notNull()
      }
      try db.create(table: "criterion") { t in
        t.column("storyNumber", .integer).notNull().references("story", onDelete: .cascade)
        t.column("position", .integer).notNull()
        t.column("text", .text).notNull()
        t.column("done", .boolean).notNull()
        t.primaryKey(["storyNumber", "position"])
      }
      try db.create(table: "task") { t in
        t.column("storyNumber", .integer).notNull().references("story", onDelete: .cascade)
        t.column("position", .integer).notNull()
        t.column("title", .text).notNull()
        t.column("done", .boolean).notNull()
        t.column("assignee", .text)
        t.primaryKey(["storyNumber", "position"])
      }
      try db.create(table: "statusChange") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("storyNumber", .integer).notNull().references("story", onDelete: .cascade).indexed()
        t.column("fromStatus", .text)
        t.column("toStatus", .text).notNull()
        t.column("at", .double).notNull()
      }
    }
    migrator.registerMigration("v2-revisions") { db in
      // Every write bumps the board's revision and stamps the stories it touched, so that
      // other processes reload only what changed since the revision they last saw.
      try db.alter(table: "board") { t in t.add(column: "revision", .integer).notNull().defaults(to: 0) }
      try db.alter(table: "story") { t in t.add(column: "revision", .integer).notNull().defaults(to: 0) }
      try db.create(index: "story_revision", on: "story", columns: ["revision"])
      try db.create(table: "deletedStory") { t in
        t.column("number", .integer).primaryKey()
        t.column("revision", .integer).notNull().indexed()
      }
    }
    migrator.registerMigration("v3-split-links") { db in
      try db.alter(table: "story") { t in t.add(column: "splitFrom", .integer) }
    }
    migrator.registerMigration("v4-references") { db in
      try db.alter(table: "story") { t in t.add(column: "reference", .text) }
    }
    migrator.registerMigration("v5-reports") { db in
      // What reports need beyond status history: which sprint each story was in, with which
      // estimate, over time; when each sprint closed; which days the team works.
      try db.create(table: "scopeChange") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("storyNumber", .integer).notNull().references("story", onDelete: .cascade).indexed()
        t.column("at", .double).notNull()
        t.column("sprint", .text)
        t.column("points", .double)
        t.column("previousSprint", .text)
        t.column("previousPoints", .double)
      }
      try db.alter(table: "sprint") { t in t.add(column: "closedAt", .double) }
      try db.alter(table: "board") { t in t.add(column: "workingDays", .text).notNull().defaults(to: "mon-fri") }
    }
    migrator.registerMigration("v6-together") { db in
      // Who is on the board (one row per running instance, renewed every few seconds) and
      // planning poker rounds with their votes. Every row carries the Unix user that wrote it;
      // triggers refuse a change to another user's row (scrum_uid() is the connection's user,
      // registered by every connection scrum opens; the sqlite3 shell has none, so it cannot
      // change these rows either). Stale presence rows may be swept by anyone.
      try db.create(table: "presence") { t in
        t.primaryKey("instance", .text)
        t.column("uid", .integer).notNull()
        t.column("member", .text).notNull()
        t.column("place", .text).notNull()
        t.column("storyNumber", .integer)
        t.column("leadingSince", .double)
        t.column("following", .boolean).notNull().defaults(to: false)
        t.column("heartbeat", .double).notNull()
      }
      try db.create(table: "pokerRound") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("uid", .integer).notNull()
        t.column("storyNumber", .integer).notNull().references("story", onDelete: .cascade).indexed()
        t.column("facilitator", .text).notNull()
        t.column("facilitatorInstance", .text).notNull()
        t.column("startedAt", .double).notNull()
        t.column("revealedAt", .double)
        t.column("closedAt", .double)
        t.column("outcome", .text)
        t.column("accepted", .double)
      }
      try db.create(table: "pokerVote") { t in
        t.column("round", .integer).notNull().references("pokerRound", onDelete: .cascade)
        t.column("member", .text).notNull()
        t.column("uid", .integer).notNull()
        t.column("card", .text).notNull()
        t.column("at", .double).notNull()
        t.primaryKey(["round", "member"])
      }
      for table in ["presence", "pokerRound", "pokerVote"] {
        try db.execute(
          sql: """
            CREATE TRIGGER \(table)_insert_own BEFORE INSERT ON \(table)
            WHEN NEW.uid != scrum_uid() BEGIN SELECT RAISE(ABORT, 'a row of another user'); END;
            CREATE TRIGGER \(table)_update_own BEFORE UPDATE ON \(table)
            WHEN OLD.uid != scrum_uid() OR NEW.uid != OLD.uid BEGIN SELECT RAISE(ABORT, 'a row of another user'); END;
            """)
      }
      try db.execute(
        sql: """
          CREATE TRIGGER presence_delete_own BEFORE DELETE ON presence
          WHEN OLD.uid != scrum_uid() AND OLD.heartbeat > CAST(strftime('%s', 'now') AS REAL) - 60
          BEGIN SELECT RAISE(ABORT, 'a row of another user'); END;
          """)
    }
    migrator.registerMigration("v7-sprint-index") { db in
      // The first screen of a large board reads the open sprints' stories and the top of the
      // backlog in order by this index, instead of every story.
      try db.create(index: "story_on_sprint_rank", on: "story", columns: ["sprint", "rank"])
    }
    migrator.registerMigration("v8-backlog-totals") { db in
      // The first screen of a large board shows the backlog's count, points and ready points
      // before the stories are loaded: triggers keep them in a one-row table, so that no writer
      // (the sqlite3 shell included) can forget them and nothing needs counting at start.
      // Readiness needs each story's number of criteria, which triggers keep on the story.
      // (Points are halves and whole numbers: adding and taking them away stays exact.)
      try db.alter(table: "story") { t in t.add(column: "criteria", .integer).notNull().defaults(to: 0) }
      try db.create(table: "backlogTotals") { t in
        t.column("id", .integer).primaryKey().check { $0 == 1 }
        t.column("stories", .integer).notNull()
        t.column("points", .double).notNull()
        t.column("readyPoints", .double).notNull()
      }
      func share(of row: String) -> String {
        """
        stories = stories \(row == "NEW" ? "+" : "-") 1,
        points = points \(row == "NEW" ? "+" : "-") coalesce(\(row).points, 0),
        readyPoints = readyPoints \(row == "NEW" ? "+" : "-") (CASE WHEN \(readyCondition(of: row)) THEN \(row).points ELSE 0 END)
        """
      }
      try db.execute(
        sql: """
          UPDATE story SET criteria = (SELECT count(*) FROM criterion WHERE storyNumber = story.number);
          INSERT INTO backlogTotals (id, stories, points, readyPoints)
            SELECT 1, count(*), total(points), total(CASE WHEN \(readyCondition(of: "story")) THEN points END)
            FROM story WHERE sprint IS NULL;
          CREATE TRIGGER criterion_counted AFTER INSERT ON criterion
          BEGIN UPDATE story SET criteria = criteria + 1 WHERE number = NEW.storyNumber; END;
          CREATE TRIGGER criterion_uncounted AFTER DELETE ON criterion
          BEGIN UPDATE story SET criteria = criteria - 1 WHERE number = OLD.storyNumber; END;
          CREATE TRIGGER criterion_moved AFTER UPDATE OF storyNumber ON criterion
          BEGIN
            UPDATE story SET criteria = criteria - 1 WHERE number = OLD.storyNumber;
            UPDATE story SET criteria = criteria + 1 WHERE number = NEW.storyNumber;
          END;
          CREATE TRIGGER story_into_backlog_totals AFTER INSERT ON story WHEN NEW.sprint IS NULL
          BEGIN UPDATE backlogTotals SET \(share(of: "NEW")); END;
          CREATE TRIGGER story_out_of_backlog_totals AFTER DELETE ON story WHEN OLD.sprint IS NULL
          BEGIN UPDATE backlogTotals SET \(share(of: "OLD")); END;
          CREATE TRIGGER story_changed_in_backlog_totals AFTER UPDATE OF sprint, points, criteria, title ON story
          BEGIN
            UPDATE backlogTotals SET \(share(of: "OLD")) WHERE OLD.sprint IS NULL;
            UPDATE backlogTotals SET \(share(of: "NEW")) WHERE NEW.sprint IS NULL;
          END;
          """)
    }
    return migrator
  }
}

extension Schema {
  /// Every migration this `scrum` knows.
  static let identifiers = Set(migrator.migrations)

  /// The newest migration, which names the board files this `scrum` writes ("v8-backlog-totals").
  public static var current: String { migrator.migrations.last ?? "" }

  /// The scalars Unicode counts as white space (the `White_Space` property, which
  /// `Story.isReady` asks of a title's characters), as SQL: `trim(title, this)` is empty exactly
  /// when the title has nothing else.
  static let whitespaceScalars: [UInt32] = [
    0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
    0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
  ]

  /// `Story.isReady` in SQL, on a story row (`NEW`, `OLD` in a trigger, or the table): an
  /// estimate, at least one criterion and a title with more than white space.
  static func readyCondition(of row: String) -> String {
    let whitespace = whitespaceScalars.map(String.init).joined(separator: ",")
    return "\(row).points IS NOT NULL AND \(row).criteria > 0 AND trim(\(row).title, char(\(whitespace))) <> ''"
  }
}
