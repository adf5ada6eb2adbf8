import ArgumentParser
import Foundation

/// Exit codes as the spec sets them: 0 clean, 1 an error finding, 2 bad
/// input or command line. ArgumentParser's own usage errors (64) become 2.
Console.ignoreBrokenPipes()
do {
    var command = try Sightline.parseAsRoot()
    try command.run()
    if Console.failedStandardError { exit(2) }
} catch {
    let code = Sightline.exitCode(for: error)
    // A message that could not be written is a failure, whatever else happened.
    if Console.failedStandardError { exit(2) }
    if code == .success || error is ExitCode {
        Sightline.exit(withError: error)
    }
    Console.err(Sightline.fullMessage(for: error))
    exit(2)
}
