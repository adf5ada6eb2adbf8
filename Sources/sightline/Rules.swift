import ArgumentParser
import Foundation
import SightlineIO
import SightlineJSON
import SightlinePlan
import SightlineReport
import SightlineRules

/// `sightline rules`: what a rulebook checks.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List a profile's rules: id, severity, article and what triggers each.")

    @Option(help: "A built-in profile (\(BuiltInProfiles.names.joined(separator: ", "))) or a profile file.")
    var profile: String = "cn-2025"

    /// `markdown`: the rule reference (`Documentation/RULES.md` is this for
    /// every built-in profile, with `--profile all`).
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Option(name: .shortAndLong, help: "Output format: text, json or markdown (with --profile all: every built-in profile).")
    var format: Format = .text

    func run() throws {
        if format == .markdown {
            let ids = profile == "all" ? BuiltInProfiles.names : [profile]
            do { try emit(RuleReference.markdown(try ids.map { try ProfileLoader.load($0) }), to: nil) } catch let error as ProfileError {
                printProblems(error.problems)
                throw ExitCode(2)
            }
            return
        }
        let rulebook: Profile
        do { rulebook = try ProfileLoader.load(profile) } catch {
            printProblems(error.problems)
            throw ExitCode(2)
        }
        switch format {
        case .text:
            var lines = ["\(rulebook.id): \(rulebook.title)", "  \(rulebook.law.en)"]
            if let note = rulebook.note { lines.append("  note: \(note)") }
            lines.append("")
            let idWidth = rulebook.rules.map(\.id.count).max() ?? 0
            for rule in rulebook.rules {
                let article = rule.citation.reference.replacingOccurrences(of: " {item}", with: "")
                lines.append(
                    "\(rule.id.padding(toLength: idWidth, withPad: " ", startingAt: 0))  \(rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(article)"
                )
                lines.append("    \(rule.title): \(rule.description)")
            }
            lines.append("")
            lines.append(
                "prohibited zone categories: "
                    + rulebook.prohibited.keys.sorted().map { "\($0.rawValue) \(rulebook.prohibited[$0]!)" }.joined(separator: ", "))
            if !rulebook.extraCategories.isEmpty {
                lines.append(
                    "categories this profile adds: " + rulebook.extraCategories.keys.sorted().map(\.rawValue).joined(separator: ", "))
            }
            try emit(TerminalText.lines(lines), to: nil)
        case .markdown:
            break
        case .json:
            var w = JSONWriter()
            w.beginObject()
            w.field("profile", rulebook.id)
            w.field("title", rulebook.title)
            w.key("rules")
            w.beginArray()
            for rule in rulebook.rules {
                w.beginObject()
                w.field("id", rule.id)
                w.field("severity", rule.severity.rawValue)
                w.field("check", rule.check.rawValue)
                w.field("article", rule.citation.reference)
                w.field("title", rule.title)
                w.field("description", rule.description)
                w.endObject()
            }
            w.endArray()
            w.endObject()
            try emit(w.string + "\n", to: nil)
        }
    }
}
