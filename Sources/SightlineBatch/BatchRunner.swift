import Foundation
import SightlineCheck
import SightlineIO
import SightlineImport
import SightlinePlan
import SightlineReport
import SightlineRules

/// Options of a batch run, the same engine and profile options as `check`.
public struct BatchOptions: Sendable {
    public var database: String
    public var jobs: Int
    public var force: Bool
    public var shard: Shard?
    public var profile: String?
    public var asOf: CalendarDate
    public var toolVersion: String

    public init(database: String, jobs: Int, force: Bool, shard: Shard?, profile: String?, asOf: CalendarDate, toolVersion: String) {
        self.database = database
        self.jobs = jobs
        self.force = force
        self.shard = shard
        self.profile = profile
        self.asOf = asOf
        self.toolVersion = toolVersion
    }
}

/// What a run did.
public struct BatchSummary: Sendable {
    public var total = 0
    public var checked = 0
    public var skipped = 0
    public var clean = 0
    public var violations = 0
    public var invalid = 0
    public var seconds = 0.0
    /// Every building of this run's share is clean (the skipped ones as stored).
    public var allClean = true
}

/// Checks buildings in parallel and streams each result into SQLite.
///
/// Workers take the next input in turn; each building is read, hashed,
/// skipped if the database already has it (same path, SHA-256, profile and
/// tool version), else checked with one level at a time and written by the
/// worker itself, on its own connection, in its own transaction (SQLite's
/// WAL lets the connections take turns at the write lock). So `--jobs 1`
/// really is one core, nothing waits in memory, and memory stays flat
/// however large the portfolio.
public final class BatchRunner: @unchecked Sendable {
    public let options: BatchOptions
    /// Called after each building, one call at a time (for progress).
    public var onProgress: (@Sendable (BatchSummary) -> Void)?

    public init(options: BatchOptions) { self.options = options }

    /// State the workers share, under one lock.
    private final class RunState: @unchecked Sendable {
        let lock = NSLock()
        var next = 0
        var summary = BatchSummary()
        var error: Error?

        func take() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard error == nil else { return nil }
            let index = next
            next += 1
            return index
        }

        func fail(_ e: Error) {
            lock.lock()
            if error == nil { error = e }
            lock.unlock()
        }
    }

    public func run(_ inputs: [PortfolioInput]) throws -> BatchSummary {
        let share = options.shard.map { shard in inputs.filter { shard.contains($0.key) } } ?? inputs
        let stored = try ResultStore(path: options.database).existing()
        let existing = options.force ? [:] : stored
        let state = RunState()
        state.summary.total = share.count
        let started = Date()
        let checker = PlanChecker(toolVersion: options.toolVersion, profileOption: options.profile, asOf: options.asOf, parallelism: 1)

        DispatchQueue.concurrentPerform(iterations: max(1, min(options.jobs, share.count))) { _ in
            // Each worker has its own connection, and parses its own profiles:
            // sharing one profile's storage between threads costs atomic
            // reference counting.
            let store: ResultStore
            do {
                store = try ResultStore(path: options.database)
            } catch {
                state.fail(error)
                return
            }
            let profiles = ProfileCache()
            while let index = state.take(), index < share.count {
                let input = share[index]
                let result = self.check(
                    input, existing: existing[input.key], store: options.force ? nil : store, checker: checker,
                    profiles: profiles)
                do {
                    if case .checked(let building) = result { try store.record(building) }
                } catch {
                    state.fail(error)
                    return
                }
                state.lock.lock()
                switch result {
                case .skipped(let failing):
                    state.summary.skipped += 1
                    // A skipped building's stored result still counts for the exit code.
                    if failing { state.summary.allClean = false }
                case .checked(let building):
                    state.summary.checked += 1
                    switch building.status {
                    case .clean: state.summary.clean += 1
                    case .violations: state.summary.violations += 1
                    case .invalid: state.summary.invalid += 1
                    }
                    if building.failsRun { state.summary.allClean = false }
                }
                state.summary.seconds = Date().timeIntervalSince(started)
                self.onProgress?(state.summary)
                state.lock.unlock()
            }
        }
        if let error = state.error { throw error }
        var summary = state.summary
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// `2026-01-15T08:30:00Z`, without building a date formatter per
    /// building (Foundation's are costly to create).
    static func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CalendarDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let inDay = seconds - day.dayNumber * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day)T\(two(inDay / 3600)):\(two(inDay / 60 % 60)):\(two(inDay % 60))Z"
    }

    private enum Outcome: Sendable {
        case skipped(failing: Bool)
        case checked(BuildingResult)
    }

    /// - Parameter store: when given, asked again for the path's stored key
    ///   if the snapshot taken at the start has none that matches: another
    ///   run on the same file may have checked it meanwhile (shared work).
    private func check(
        _ input: PortfolioInput, existing: ResultStore.StoredKey?, store: ResultStore?,
        checker: PlanChecker, profiles: ProfileCache
    ) -> Outcome {
        let started = Date()
        let checkedAt = Self.timestamp(started)
        func invalid(_ sha: String, _ problems: [PlanProblem], profile: String) -> BuildingResult {
            BuildingResult(
                path: input.key, sha256: sha, profile: profile, toolVersion: options.toolVersion, asOf: options.asOf.description,
                status: .invalid, errors: 0, warnings: 0, infos: 0, cameras: nil,
                inputError: problems.map(\.description).joined(separator: "\n"),
                seconds: Date().timeIntervalSince(started), checkedAt: checkedAt, findings: [])
        }
        // A drawing is imported as `check` imports it; its digest is the
        // drawing file's (an IMDF folder's, the imported plan's), known only
        // once imported.
        let drawing = DrawingImport.importer(for: input.file) != nil
        var bytes: [UInt8] = []
        var sha = ""
        if !drawing {
            do { bytes = try PlanDecoder.readFile(input.file) } catch {
                return .checked(invalid("", error.problems, profile: options.profile ?? ""))
            }
            sha = SHA256.hex(bytes)
        }
        func matches(_ key: ResultStore.StoredKey) -> Bool {
            key.sha256 == sha && key.toolVersion == options.toolVersion
                && (options.profile.map { key.profile == $0 || key.profile == (try? profiles.profile($0).id) } ?? true)
        }
        if !drawing {
            if let existing, matches(existing) { return .skipped(failing: existing.failing) }
            if let store, let now = try? store.key(for: input.key), matches(now) { return .skipped(failing: now.failing) }
        }
        do {
            let loaded: LoadedPlan
            if drawing {
                loaded = try LoadedPlan.load(
                    input.file, profileOption: options.profile, cache: profiles, keepDocument: false, keepSource: false)
                sha = loaded.sha256
                if let existing, matches(existing) { return .skipped(failing: existing.failing) }
                if let store, let now = try? store.key(for: input.key), matches(now) { return .skipped(failing: now.failing) }
            } else {
                loaded = try LoadedPlan.load(
                    bytes: bytes, file: input.file, profileOption: options.profile, cache: profiles, sha256: sha, keepDocument: false,
                    keepSource: false)
            }
            let report: CheckReport
            do {
                report = try checker.check(loaded)
            } catch {
                return .checked(invalid(sha, error.problems, profile: loaded.profile.id))
            }
            let map = MapPlacement(report)
            let findings = report.findings.map {
                StoredFinding(
                    rule: $0.rule, severity: $0.severity.rawValue, level: $0.level, camera: $0.cameraID, zone: $0.zoneID,
                    area: $0.area, dori: $0.dori, message: $0.message, wkt: map?.wkt($0))
            }
            var result = BuildingResult(
                path: input.key, sha256: sha, profile: loaded.profile.id, toolVersion: options.toolVersion, asOf: options.asOf.description,
                status: report.findings.isEmpty ? .clean : .violations, errors: report.errorCount, warnings: report.warningCount,
                infos: report.findings.filter { $0.severity == .info }.count, cameras: report.analysis.cameras.count, inputError: nil,
                seconds: Date().timeIntervalSince(started), checkedAt: checkedAt, findings: findings)
            result.site = map?.site
            return .checked(result)
        } catch {
            return .checked(invalid(sha, error.problems, profile: options.profile ?? ""))
        }
    }
}
