import ArgumentParser
import Foundation
import SightlineBatch
import SightlineIO
import SightlineJSON
import SightlinePlan
import SightlineRules

/// `sightline batch`: portfolios of plans, in parallel, into SQLite.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Check a portfolio of plans in parallel into a SQLite database; resumable and shardable.",
        subcommands: [Run.self, Merge.self, Report.self],
        defaultSubcommand: Run.self)

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Check every plan of the inputs (folders, files, @list.txt) into --db.",
            discussion: """
                A building whose path, SHA-256, profile and tool version are already in the database is skipped; \
                a changed file is redone; --force redoes all. Each building is committed on its own, so a killed \
                run loses only the buildings in flight. Exit 0 when every building is clean, 1 when any has an \
                error finding or is invalid, 2 for a wrong command line.
                """)

        @Argument(help: "Folders (searched recursively for *.json, *.geojson), plan files, or @list.txt.")
        var inputs: [String]

        @Option(help: "The results database (SQLite), created if missing.")
        var db: String

        @Option(help: "Buildings checked at once (default: all cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Flag(help: "Check every building again, even those already in the database.")
        var force = false

        @Option(help: "Take shard K of N (0 ≤ K < N) of the inputs, by a stable hash of each path.")
        var shard: String?

        @Option(help: "The number of shards, when the shard index comes from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID.")
        var shards: Int?

        @OptionGroup var rulebook: RulebookOptions

        @Flag(help: "No progress line on standard error.")
        var quiet = false

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if let shards, shards < 1 { throw ValidationError("--shards must be at least 1") }
        }

        func run() throws {
            do {
                let shardAssigned =
                    try shard.map { try Shard(parsing: $0) }
                    ?? Shard.fromEnvironment(ProcessInfo.processInfo.environment, shards: shards)
                var skipped: [String] = []
                let list = try PortfolioInputs.collect(inputs) { skipped.append($0) }
                if !skipped.isEmpty && !quiet {
                    let shown = skipped.prefix(5).map(TerminalText.escaped).joined(separator: ", ")
                    Console.err(
                        "skipped \(skipped.count) file\(skipped.count == 1 ? "" : "s") that \(skipped.count == 1 ? "is" : "are") neither a plan (.json, .geojson) nor a drawing (.dxf, .osm, .osm.pbf, IMDF .zip or folder): \(shown)\(skipped.count > 5 ? ", …" : "")"
                    )
                }
                let options = BatchOptions(
                    database: db, jobs: jobs, force: force, shard: shardAssigned, profile: rulebook.profile,
                    asOf: rulebook.checkDate, toolVersion: Sightline.version)
                if let profile = rulebook.profile {
                    do { _ = try ProfileLoader.load(profile) } catch {
                        printProblems(error.problems)
                        throw ExitCode(2)
                    }
                }
                let runner = BatchRunner(options: options)
                let progress = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) == 1)
                runner.onProgress = { progress.show($0) }
                let summary = try runner.run(list)
                progress.finish()
                let rate = summary.seconds > 0 ? Double(summary.checked) / summary.seconds : 0
                if !quiet {
                    Console.err(
                        TerminalText.escaped(
                            "\(summary.total) buildings\(shardAssigned.map { " (shard \($0))" } ?? ""): \(summary.checked) checked, \(summary.skipped) already in \(db); \(summary.clean) clean, \(summary.violations) with findings, \(summary.invalid) invalid; \(DecimalText.fixed1(rate)) buildings/s"
                        ))
                }
                if !summary.allClean { throw ExitCode(1) }
            } catch let error as BatchError {
                Console.err(TerminalText.escaped("\(error)"))
                throw ExitCode(2)
            } catch let error as DatabaseError {
                Console.err(TerminalText.escaped("\(error)"))
                throw ExitCode(2)
            }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Combine shard databases; a building in several is kept once (the latest result).")

        @Argument(help: "Shard databases.") var databases: [String]
        @Option(name: .shortAndLong, help: "The combined database.") var output: String

        func run() throws {
            do {
                let count = try ResultMerge.merge(databases, into: output)
                Console.err(TerminalText.escaped("\(output): \(count) buildings from \(databases.count) databases"))
            } catch {
                Console.err(TerminalText.escaped("\(error)"))
                throw ExitCode(2)
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Summarise a results database: buildings by status, findings by rule, worst and invalid buildings.")

        @Argument(help: "The results database.") var database: String
        @Option(
            name: .shortAndLong,
            help:
                "text, json (a `buildings` array), csv (one row per finding) or gpkg (a GeoPackage for QGIS: buildings as points, findings as features; needs -o)."
        )
        var format: Format = .text
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, gpkg }

        func validate() throws {
            if format == .gpkg, output == nil { throw ValidationError("--format gpkg writes a file: give it with -o PORTFOLIO.gpkg") }
        }

        func run() throws {
            guard let format = PortfolioReport.Format(rawValue: format.rawValue) else {
                let summary: PortfolioGeoPackage.Summary
                do { summary = try PortfolioGeoPackage.write(database: database, to: output ?? "") } catch {
                    Console.err(TerminalText.escaped("\(error)"))
                    throw ExitCode(2)
                }
                let off = summary.buildings - summary.placed
                if off > 0 {
                    Console.err(
                        TerminalText.escaped(
                            "\(output ?? ""): \(off) of \(summary.buildings) buildings have no place on the map (plans without a lon/lat georeference, or checked before Sightline recorded places): their rows have no geometry"
                        ))
                }
                try Console.out(
                    Data(
                        (TerminalText.escaped("\(summary.buildings) buildings (\(summary.placed) on the map) written to \(output ?? "")")
                            + "\n").utf8))
                if summary.failing { throw ExitCode(1) }
                return
            }
            let rendered: (text: String, failing: Bool)
            do { rendered = try PortfolioReport.render(database: database, format: format) } catch {
                Console.err(TerminalText.escaped("\(error)"))
                throw ExitCode(2)
            }
            try emit(rendered.text, to: output)
            if rendered.failing { throw ExitCode(1) }
        }
    }
}

/// A live line on standard error: done / total, rate, ETA, invalid so far.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private var last = 0.0
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ s: BatchSummary) {
        guard enabled else { return }
        let done = s.checked + s.skipped
        guard s.seconds - last >= 0.2 || done == s.total else { return }
        last = s.seconds
        let rate = s.seconds > 0 ? Double(s.checked) / s.seconds : 0
        let remaining = rate > 0 ? Int(Double(s.total - done) / rate) : 0
        let eta = "\(remaining / 60):\(remaining % 60 < 10 ? "0" : "")\(remaining % 60)"
        Console.errRaw("\r\u{1B}[2K  \(done)/\(s.total) buildings · \(DecimalText.fixed1(rate))/s · ETA \(eta) · \(s.invalid) invalid")
        shown = true
    }

    func finish() {
        if enabled, shown { Console.errRaw("\n") }
    }
}
