import ArgumentParser
import Foundation
import SightlineBatch
import SightlineCheck
import SightlineIO
import SightlinePlan
import SightlineRules
import SightlineText

/// Options shared by the commands that read a plan against a rulebook.
struct RulebookOptions: ParsableArguments {
    @Option(
        help:
            "The rulebook: a built-in profile (\(BuiltInProfiles.names.joined(separator: ", "))) or a profile file (.json). Default: the plan's `profile`, else cn-2025.",
        completion: .list(BuiltInProfiles.names))
    var profile: String?

    @Option(help: "The date the check is made, YYYY-MM-DD, for filing deadlines (default: today).")
    var asOf: String?

    func validate() throws {
        if let asOf, CalendarDate(iso: asOf) == nil {
            throw ValidationError("--as-of: expected a date as YYYY-MM-DD, found `\(asOf)`")
        }
    }

    /// `--as-of`, or today's date where the tool runs.
    var checkDate: CalendarDate {
        if let asOf, let date = CalendarDate(iso: asOf) { return date }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}

/// `--lang`, for the commands whose output people read.
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of what people read: zh or en (default: the plan's site.locale, else LANG, else zh for cn-* profiles).")
    var lang: Language?

    /// The language for a loaded plan: `--lang`, else the plan's, the
    /// environment's or the rulebook's.
    func language(for loaded: LoadedPlan) -> Language { language(plan: loaded.plan, profile: loaded.profile) }

    /// The language for a plan checked against `profile`.
    func language(plan: Plan, profile: Profile) -> Language {
        Language.resolve(
            option: lang, siteLocale: plan.metadata.site.locale, environment: ProcessInfo.processInfo.environment, profileID: profile.id)
    }
}

extension Language: ExpressibleByArgument {}

/// Prints problems on standard error, one a line.
func printProblems(_ problems: [PlanProblem]) {
    Console.err(problems.map(\.description).joined(separator: "\n"))
}

/// Writes `text` to `path`, or to standard output when `path` is nil.
func emit(_ text: String, to path: String?) throws {
    try emit(Array(text.utf8), to: path)
}

/// Writes `data` as ``emit(_:to:)-([UInt8],_)`` writes bytes.
func emit(_ data: Data, to path: String?) throws {
    try emit([UInt8](data), to: path)
}

/// Writes `bytes` to `path` atomically (a failure names the path and exits
/// 2, and leaves any file there as it was), or to standard output when
/// `path` is nil.
func emit(_ bytes: [UInt8], to path: String?) throws {
    if let path {
        try stream(to: path) { $0.write(bytes) }
    } else {
        try Console.out(Data(bytes))
    }
}

/// Writes the file at `path` atomically as `write` makes its bytes: a
/// failure (the file's, or one `write` throws) names the path and exits 2,
/// and leaves any file there as it was.
func stream(to path: String, _ write: (AtomicFile) throws(FileWriteError) -> Void) throws {
    do throws(FileWriteError) {
        let file = try AtomicFile(path: path)
        try write(file)
        try file.commit()
    } catch {
        Console.err(TerminalText.escaped(error.description))
        throw ExitCode(2)
    }
}
