import ArgumentParser
import Foundation

/// Exit codes as the spec sets them: 0 clean, 1 an error finding, 2 bad
/// input or command line. ArgumentParser's own usage errors (64) become 2.
do {
    var command = try Sightline.parseAsRoot()
    try command.run()
} catch {
    let code = Sightline.exitCode(for: error)
    if code == .success || error is ExitCode {
        Sightline.exit(withError: error)
    }
    FileHandle.standardError.write(Data((Sightline.fullMessage(for: error) + "\n").utf8))
    exit(2)
}
