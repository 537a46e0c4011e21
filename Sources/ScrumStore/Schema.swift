import GRDB

/// Every migration of the board file, in one place. A migration, once released, never changes:
/// add a new one instead. A file holding a migration this list does not know was written by a
/// newer `scrum` and is refused.
enum Schema {
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
    return migrator
  }
}
