import ArgumentParser

/// The command line. Every command names itself (`commandName:`):
/// ArgumentParser otherwise derives each name from `String(describing:)` of
/// its type, which the Swift runtime answers with conformance scans — 32 M
/// instructions, 8.5 % of checking a 10-floor hotel, before any work
/// (a test holds every command to it).
struct Sightline: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "sightline",
        abstract: "Check CCTV camera placements on floor plans against privacy law (China, Order 799).",
        discussion: """
            Exit status: 0 when no finding is an error, 1 when one is, 2 when the \
            input or the command line is wrong.
            """,
        version: version,
        subcommands: [Check.self, Import.self, Fix.self, Serve.self, Batch.self, Rules.self, Filing.self, Generate.self]
    )
}
