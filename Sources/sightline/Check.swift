import ArgumentParser
import Foundation
import SightlineCheck
import SightlineEngine
import SightlineIO
import SightlinePlan
import SightlineReport
import SightlineRules
import SightlineText

/// Report formats, validated while the command line is parsed.
extension ReportFormat: ExpressibleByArgument {}
extension DrawingSetRenderer.Paper: ExpressibleByArgument {}

/// Formats of the smaller commands (`rules`, `filing`).
enum SimpleFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check one plan: view regions, findings under the rulebook, report.")

    @Argument(
        help: "The plan file (sightline-plan/1 GeoJSON, a .dxf drawing, an IMDF folder or zip, an .osm file; - for standard input).",
        completion: .file(extensions: ["json", "geojson", "dxf", "osm", "zip"]))
    var plan: String

    @Option(name: .shortAndLong, help: "Report format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Flag(
        help:
            "With --format geojson: write one file per layer (views, cameras, intrusions, finding_points, zones, walls, wall_bodies) into the folder -o names."
    )
    var layers = false

    @Option(help: "Paper for --format pdf, landscape: \(DrawingSetRenderer.Paper.allCases.map(\.rawValue).joined(separator: ", ")).")
    var paper: DrawingSetRenderer.Paper = .a3

    @OptionGroup var language: LanguageOption

    @OptionGroup var rulebook: RulebookOptions

    @OptionGroup var drawing: DrawingReadingOptions

    @Option(help: ArgumentHelp("Levels analysed at once.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        name: .customLong("rules-doc"),
        help: ArgumentHelp(
            "With --format sarif: the URI of RULES.md for each rule's helpUri (default: $\(RulesDocumentation.variable), else the copy installed with sightline).",
            valueName: "uri"))
    var rulesDoc: String?

    @Flag(help: "Print how long each phase took to standard error.")
    var timings = false

    @Option(
        help: ArgumentHelp(
            "An earlier plan of the site: its public-security cameras moved, altered or removed in this one are findings (Art. 23 (2)).",
            valueName: "old.json"))
    var baseline: String?

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if format == .gpkg, output == nil { throw ValidationError("--format gpkg writes a file: give it with -o REPORT.gpkg") }
        if layers, format != .geojson || output == nil {
            throw ValidationError("--layers writes one GeoJSON file per layer: use it with --format geojson and -o FOLDER")
        }
    }

    func run() throws {
        var clock = PhaseClock(enabled: timings)
        var checker = PlanChecker(
            toolVersion: Sightline.version, profileOption: rulebook.profile, asOf: rulebook.checkDate,
            parallelism: jobs)
        if let baseline {
            do {
                checker.baseline = try LoadedPlan.load(baseline, profileOption: rulebook.profile, keepDocument: false, keepSource: false)
                    .plan.cameras.filter(\.publicSecurity)
            } catch {
                try fail(error.problems)
            }
        }
        // The JSON report of a plan file is made level by level, so a
        // building of any height checks in the memory of a few levels.
        let streamedCheck: StreamedCheck?
        do { streamedCheck = format == .json ? try StreamedCheck.make(path: plan, checker: checker) : nil } catch {
            try fail(error.problems)
        }
        if let streamed = streamedCheck {
            clock.lap("streamed check") // not prose: a diagnostic
            try write(streamed)
            clock.lap("write")
            Foundation.exit(Console.failedStandardError ? 2 : streamed.counts.errors > 0 ? 1 : 0)
        }
        let loaded: LoadedPlan
        do {
            // The check never rewrites the plan: its tree is let go feature by
            // feature as it is decoded, never held whole, and the file's bytes
            // are kept only for SARIF's line numbers.
            loaded = try LoadedPlan.load(
                plan, profileOption: rulebook.profile, keepDocument: false, keepSource: format == .sarif,
                drawing: drawing.drawingOptions())
        } catch {
            try fail(error.problems)
        }
        clock.lap("read + decode")
        var report: CheckReport
        do {
            report = try checker.check(loaded)
        } catch {
            try fail(error.problems)
        }
        report.language = language.language(for: loaded)
        if format == .sarif { report.rulesDocumentation = RulesDocumentation.uri(option: rulesDoc) }
        clock.lap("views + findings")
        if layers, let output {
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                // not prose: a diagnostic, English as every input and file error is
                Console.err(TerminalText.escaped("\(output): cannot create the folder: \(error.localizedDescription)"))
                throw ExitCode(2)
            }
            let files = GeoJSONReportRenderer().layers(report)
            for (name, text) in files { try emit(text, to: (output as NSString).appendingPathComponent("\(name).geojson")) }
            clock.lap("render + write")
            let summary = Self.verdictLine(report, written: output) + " (\(files.map { "\($0.name).geojson" }.joined(separator: ", ")))"
            try Console.out(Data((TerminalText.escaped(summary) + "\n").utf8))
            if ReportCRS(of: loaded.plan).isLocal { Console.err(TerminalText.escaped(ReportCRS.warning(for: output))) }
        } else if let renderer = format.renderer {
            if format == .text, output == nil, Self.colourOnStandardOutput {
                let text = Self.coloured(renderer.render(report))
                clock.lap("render")
                try emit(text, to: output)
            } else if let output {
                // Streamed into the file as it is made: a report of tens of
                // megabytes is never whole in memory.
                try stream(to: output) { renderer.write(report, to: $0) }
                clock.lap("render + write")
            } else {
                let bytes = renderer.renderBytes(report)
                clock.lap("render")
                try emit(bytes, to: output)
            }
            if let output { try Console.out(Data((TerminalText.escaped(Self.verdictLine(report, written: output)) + "\n").utf8)) }
            if format == .geojson, ReportCRS(of: loaded.plan).isLocal {
                Console.err(TerminalText.escaped(ReportCRS.warning(for: output ?? "standard output"))) // not prose: a diagnostic
            }
        } else if format == .pdf {
            let pdf: [UInt8]
            do { pdf = try PDFPrinter.pdf(html: DrawingSetRenderer(paper: paper).render(report)) } catch {
                Console.err(TerminalText.escaped(error.description))
                throw ExitCode(2)
            }
            clock.lap("render + print")
            try emit(Data(pdf), to: output)
            if let output { try Console.out(Data((TerminalText.escaped(Self.verdictLine(report, written: output)) + "\n").utf8)) }
        } else if let output {
            do { try GeoPackageReportWriter().write(report, to: output) } catch {
                Console.err(TerminalText.escaped("\(error)"))
                throw ExitCode(2)
            }
            if ReportCRS(of: loaded.plan).isLocal { Console.err(TerminalText.escaped(ReportCRS.warning(for: output))) }
            try Console.out(Data((TerminalText.escaped(Self.verdictLine(report, written: output)) + "\n").utf8))
        }
        clock.lap("write")
        // Everything is written (Console writes are unbuffered): exit now
        // rather than spend tens of milliseconds freeing a big plan's geometry.
        Foundation.exit(Console.failedStandardError ? 2 : report.errorCount > 0 ? 1 : 0)
    }

    /// Writes a streamed check's JSON report to `-o` (and the verdict line)
    /// or to standard output.
    private func write(_ streamed: StreamedCheck) throws {
        if let output {
            try stream(to: output) { file throws(FileWriteError) in try streamed.write(to: file) }
            let counts = streamed.counts
            let line = Self.verdictLine(
                language.language(plan: streamed.plan, profile: streamed.profile), errors: counts.errors,
                others: counts.findings - counts.errors, written: output)
            try Console.out(Data((TerminalText.escaped(line) + "\n").utf8))
        } else {
            let standardOutput = StandardOutput()
            do { try streamed.write(to: standardOutput) } catch {
                Console.err(TerminalText.escaped(error.description))
                throw ExitCode(2)
            }
            if let failure = standardOutput.failure { try Console.outputFailed(failure) }
        }
    }

    /// Colour for a terminal that has not asked for none (`NO_COLOR`,
    /// https://no-color.org): standard output is a TTY and `NO_COLOR` is
    /// unset or empty.
    static var colourOnStandardOutput: Bool {
        isatty(STDOUT_FILENO) != 0 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The text report with FAIL and `error` in red, PASS in green and
    /// `warning` in yellow, where they open a line (the report's own words,
    /// never text from the plan, which is escaped before it gets here).
    static func coloured(_ text: String) -> String {
        let red = "\u{1B}[1;31m"
        let green = "\u{1B}[1;32m"
        let yellow = "\u{1B}[33m"
        let reset = "\u{1B}[0m"
        // Each language's words, "FAIL" before "PASS" and 不符合 before 符合.
        let words = Language.allCases.flatMap { l in
            [
                (l.t(.verdictFail), red), (l.t(.verdictPass), green), ("  " + l.t(.severityError), red),
                ("  " + l.t(.severityWarning), yellow),
            ]
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for (word, colour) in words where line.hasPrefix(word) {
                let bare = word.trimmingCharacters(in: .whitespaces)
                let indent = String(word.prefix(word.count - bare.count))
                return indent + colour + bare + reset + line.dropFirst(word.count)
            }
            return String(line)
        }.joined(separator: "\n")
    }

    /// The one line `check -o FILE` prints on standard output: the verdict
    /// and where the report went.
    static func verdictLine(_ report: CheckReport, written path: String) -> String {
        let errors = report.errorCount
        return verdictLine(report.language, errors: errors, others: report.findings.count - errors, written: path)
    }

    /// The verdict line in `l`: a fail when any finding is an error.
    static func verdictLine(_ l: Language, errors: Int, others: Int, written path: String) -> String {
        l.t(
            .verdictLine, l.t(errors > 0 ? .verdictFail : .verdictPass), l.count(errors, .errorsOne, .errorsMany),
            l.count(others, .otherFindingsOne, .otherFindingsMany), path)
    }

    /// Prints the problems (stderr, one a line) and an empty JSON report, exits 2.
    private func fail(_ problems: [PlanProblem]) throws -> Never {
        printProblems(problems)
        if format == .sarif {
            try? emit(SARIFReportRenderer.invalidInput(file: plan, problems: problems, toolVersion: Sightline.version), to: output)
        } else if format == .json || format == .geojson {
            try? emit(JSONReportRenderer.invalidInput(file: plan, problems: problems, toolVersion: Sightline.version), to: output)
        }
        throw ExitCode(2)
    }
}

/// Wall-clock laps for `--timings`.
struct PhaseClock {
    let enabled: Bool
    private var last = DispatchTime.now().uptimeNanoseconds

    init(enabled: Bool) { self.enabled = enabled }

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let ms = Double(now - last) / 1e6
        Console.err("\(phase): \((ms * 10).rounded() / 10) ms")
        last = now
    }
}
