import ArgumentParser
import Foundation

/// Runs a command's body; any error becomes one line on stderr and exit status 1, so a user
/// or a script sees what went wrong and nothing else.
func reportingFailure(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let exit as ExitCode {
    throw exit
  } catch {
    FileHandle.standardError.write(Data("scrum: \(error)\n".utf8))
    throw ExitCode.failure
  }
}
