import ArgumentParser
import Foundation
import SightlineIO
import SightlinePlan

/// Exit codes as the spec sets them: 0 clean, 1 an error finding, 2 bad
/// input or command line. ArgumentParser's own usage errors (64) become 2.
Console.ignoreBrokenPipes()
// A mistyped subcommand ("chek") gets a hint, not ArgumentParser's
// "unexpected argument".
if let word = CommandLine.arguments.dropFirst().first, !word.hasPrefix("-"), word != "help" {
    let names = Sightline.configuration.subcommands.map { $0._commandName }
    if !names.contains(word) {
        let hint = Suggestion.closest(to: word, in: names).map { "; did you mean `\($0)`?" } ?? ""
        Console.err(TerminalText.escaped("sightline: unknown command `\(word)`\(hint) (commands: \(names.joined(separator: ", ")))"))
        exit(2)
    }
}
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
