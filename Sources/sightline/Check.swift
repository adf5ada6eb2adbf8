import ArgumentParser
import Foundation
import SightlineEngine
import SightlinePlan
import SightlineReport
import SightlineRules

/// Output formats `check` can write.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check one plan: view regions, Art. 8 findings, report.")

    @Argument(help: "The plan file (sightline-plan/1 GeoJSON).")
    var plan: String

    @Option(name: .shortAndLong, help: "Report format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "The rulebook (default: the plan's `profile`, else cn-2025).")
    var profile: String?

    @Option(help: "Levels analysed at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print how long each phase took to standard error.")
    var timings = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let profile, Profile.named(profile) == nil {
            throw ValidationError("unknown profile `\(profile)`: expected one of \(Profile.builtIn.map(\.id).joined(separator: ", "))")
        }
    }

    func run() throws {
        var clock = PhaseClock(enabled: timings)
        let decoded: Plan
        do {
            decoded = try PlanDecoder.decode(contentsOf: plan)
        } catch {
            try fail(error.problems)
        }
        clock.lap("read + decode")
        let profileID = profile ?? decoded.metadata.profile
        guard let rulebook = Profile.named(profileID) else {
            try fail([PlanProblem(file: plan, property: "plan.profile",
                                  message: "unknown profile `\(profileID)`: expected one of \(Profile.builtIn.map(\.id).joined(separator: ", "))")])
        }
        let analysis: PlanAnalysis
        do {
            analysis = try Engine(prohibited: rulebook.prohibited, parallelism: jobs).analyze(decoded)
        } catch let error as PlanError {
            try fail(error.problems)
        }
        clock.lap("view regions")
        let findings = RuleEngine(profile: rulebook).findings(for: analysis)
        clock.lap("findings")
        let report = CheckReport(toolVersion: Sightline.version, profile: rulebook, analysis: analysis, findings: findings)
        let text: String = switch format {
        case .json: JSONReportRenderer().render(report)
        case .text: TextReportRenderer().render(report)
        }
        clock.lap("render")
        try emit(text)
        clock.lap("write")
        // Everything is written (FileHandle writes are unbuffered): exit now
        // rather than spend tens of milliseconds freeing a big plan's geometry.
        Foundation.exit(report.errorCount > 0 ? 1 : 0)
    }

    /// Prints the problems (stderr, one a line) and an empty JSON report, exits 2.
    private func fail(_ problems: [PlanProblem]) throws -> Never {
        FileHandle.standardError.write(Data((problems.map(\.description).joined(separator: "\n") + "\n").utf8))
        if format == .json {
            try? emit(JSONReportRenderer.invalidInput(file: plan, problems: problems, toolVersion: Sightline.version))
        }
        throw ExitCode(2)
    }

    private func emit(_ text: String) throws {
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                FileHandle.standardError.write(Data("\(output): cannot write the report: \(error.localizedDescription)\n".utf8))
                throw ExitCode(2)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
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
        FileHandle.standardError.write(Data("\(phase): \((ms * 10).rounded() / 10) ms\n".utf8))
        last = now
    }
}
