import ArgumentParser
import Foundation
import ScrumConfig

struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Show where the configuration file is, check it, or print a commented default one.",
    discussion: """
      The file is $SCRUM_CONFIG, else $XDG_CONFIG_HOME/scrum/config.toml, else \
      ~/.config/scrum/config.toml. Start one with: scrum config --print-default > ~/.config/scrum/config.toml
      """)

  @Flag(help: "Write a configuration file with every default, commented, to standard output.")
  var printDefault = false

  @Flag(help: "Report every problem in the configuration file, with its line; exit 1 if there is one.")
  var check = false

  func validate() throws {
    if printDefault && check { throw ValidationError("give --print-default or --check, not both") }
  }

  func run() throws {
    if printDefault {
      emit(ScrumConfig.Config.defaultFileText())
      return
    }
    let environment = processEnvironment()
    let loaded = LoadedConfig.load(environment: environment)
    guard let path = loaded.path else {
      print("No configuration file at \(LoadedConfig.defaultPath(environment: environment)): every default applies.")
      return
    }
    if loaded.problems.isEmpty {
      print("\(path): no problems")
      return
    }
    if !check { print(path) }
    for problem in loaded.problems {
      FileHandle.standardError.write(Data("scrum: \(path): \(problem)\n".utf8))
    }
    if check { throw ExitCode(1) }
  }
}
