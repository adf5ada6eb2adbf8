import Foundation

/// Where `Documentation/RULES.md` is, as an absolute URI for SARIF's
/// `helpUri`: `--rules-doc`, else `SIGHTLINE_RULES_DOC`, else the copy
/// installed beside the binary (`../share/doc/sightline/RULES.md`, as the
/// container installs it) or the source checkout it was built in (a
/// `Documentation/RULES.md` in a folder above it), as a `file://` URI.
/// Sightline has no published web address, so nothing is made up: with
/// none of these the SARIF has the rule's help text and no `helpUri`.
enum RulesDocumentation {
    static let variable = "SIGHTLINE_RULES_DOC"

    static func uri(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let option, !option.isEmpty { return option }
        if let set = environment[variable] { return set.isEmpty ? nil : set }
        return installedCopy().map { URL(fileURLWithPath: $0).absoluteString }
    }

    /// The first RULES.md beside or above the executable.
    static func installedCopy() -> String? {
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        let installed = folder.deletingLastPathComponent().appendingPathComponent("share/doc/sightline/RULES.md").path
        if FileManager.default.fileExists(atPath: installed) { return installed }
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("Documentation/RULES.md").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }
}
