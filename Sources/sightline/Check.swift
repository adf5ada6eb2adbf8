import ArgumentParser
import Foundation
import SightlineCheck
import SightlineEngine
import SightlinePlan
import SightlineReport
import SightlineRules

/// Report formats, validated while the command line is parsed.
extension ReportFormat: ExpressibleByArgument {}

/// Formats of the smaller commands (`rules`, `filing`).
enum SimpleFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check one plan: view regions, findings under the rulebook, report.")

    @Argument(help: "The plan file (sightline-plan/1 GeoJSON).")
    var plan: String

    @Option(name: .shortAndLong, help: "Report format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @OptionGroup var rulebook: RulebookOptions

    @Option(help: "Levels analysed at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print how long each phase took to standard error.")
    var timings = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if format == .gpkg, output == nil { throw ValidationError("--format gpkg writes a file: give it with -o REPORT.gpkg") }
    }

    func run() throws {
        var clock = PhaseClock(enabled: timings)
        let loaded: LoadedPlan
        do {
            loaded = try LoadedPlan.load(plan, profileOption: rulebook.profile)
        } catch {
            try fail(error.problems)
        }
        clock.lap("read + decode")
        let checker = PlanChecker(toolVersion: Sightline.version, profileOption: rulebook.profile, asOf: rulebook.checkDate,
                                  parallelism: jobs)
        let report: CheckReport
        do {
            report = try checker.check(loaded)
        } catch {
            try fail(error.problems)
        }
        clock.lap("views + findings")
        if let renderer = format.renderer {
            let text = renderer.render(report)
            clock.lap("render")
            try emit(text, to: output)
            if format == .geojson, ReportCRS(of: loaded.plan).isLocal {
                Console.err(TerminalText.escaped(ReportCRS.warning(for: output ?? "standard output")))
            }
        } else if let output {
            do { try GeoPackageReportWriter().write(report, to: output) } catch {
                Console.err(TerminalText.escaped("\(error)"))
                throw ExitCode(2)
            }
            if ReportCRS(of: loaded.plan).isLocal { Console.err(TerminalText.escaped(ReportCRS.warning(for: output))) }
            Console.err(TerminalText.escaped("\(output): \(report.verdict), \(report.findings.count) findings (layers views, intrusions, cameras, zones, walls, wall_bodies, findings)"))
        }
        clock.lap("write")
        // Everything is written (Console writes are unbuffered): exit now
        // rather than spend tens of milliseconds freeing a big plan's geometry.
        Foundation.exit(Console.failedStandardError ? 2 : report.errorCount > 0 ? 1 : 0)
    }

    /// Prints the problems (stderr, one a line) and an empty JSON report, exits 2.
    private func fail(_ problems: [PlanProblem]) throws -> Never {
        printProblems(problems)
        if format == .json || format == .geojson || format == .sarif {
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
