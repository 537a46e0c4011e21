/// The key list for the README, from the same table as the keymap and the help overlay.
/// A test keeps the README's copy identical to this.
public enum KeyReference {
  public static func markdown(_ keymap: Keymap = Keymap.defaults) -> String {
    var text = "| keys | where | does |\n|---|---|---|\n"
    for entry in keymap.documented {
      let keys = entry.keys.map { "`\($0.description)`" }.joined(separator: " ")
      text += "| \(keys) | \(entry.scope.title.lowercased()) | \(entry.command.help(in: entry.scope)) |\n"
    }
    return text
  }
}
