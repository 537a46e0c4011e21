import ScrumStore

/// What `scrum --version` says: the release, and the two formats a board outlives it in (the
/// board file's schema, which an older `scrum` refuses once a newer one has migrated it, and
/// the JSON export's version), since those decide whether two teammates' copies get along.
enum ScrumVersion {
  static let release = "0.9.0"

  static var text: String {
    "scrum \(release) (board schema \(Schema.current), export format \(BoardExport.formatName) v\(BoardExport.version))"
  }
}
