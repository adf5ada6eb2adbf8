import Foundation
import SightlineEngine
import SightlineIO
import SightlineImport
import SightlinePlan
import SightlineReport
import SightlineRules

/// The check of a plan file made one level at a time, for the JSON report:
/// the file is mapped, not read (``MappedFile``); one pass indexes it
/// (``PlanIndex``); then each level is decoded, analysed, put through the
/// rules and rendered into the report's spool (``StreamedJSONReport``), and
/// let go, a few levels at once. The rules about the whole plan run last, on
/// cameras counted level by level (``PlanFacts``).
///
/// Peak memory is then the index (tens of bytes a feature) and the levels
/// in flight, not the building: the 480-floor hotel's check took 140 MB
/// whole. The report is byte for byte the whole check's (the tests compare
/// them), and anything the streamed check cannot vouch for — a plan with an
/// error, a drawing, standard input — is left to the whole check (``make``
/// returns `nil`), which reports exactly as before.
public final class StreamedCheck {
    /// The plan's metadata and site-wide features.
    public let plan: Plan
    public let profile: Profile
    private let report: StreamedJSONReport
    private let outcome: RuleOutcome
    private let warnings: [PlanProblem]
    private let sha256: String
    private let checker: PlanChecker

    private init(
        plan: Plan, profile: Profile, report: StreamedJSONReport, outcome: RuleOutcome, warnings: [PlanProblem], sha256: String,
        checker: PlanChecker
    ) {
        self.plan = plan
        self.profile = profile
        self.report = report
        self.outcome = outcome
        self.warnings = warnings
        self.sha256 = sha256
        self.checker = checker
    }

    /// Findings by severity, and cameras.
    public var counts: StreamedJSONReport.Counts { report.counts }

    /// The smallest file checked level by level. A smaller plan's whole
    /// check takes little memory (39 MB for a 40-floor hotel, 1.9 MB), and
    /// is faster on one core: the streamed check parses each feature twice.
    public static let minimumFileBytes = 2 << 20

    /// Checks the plan file at `path` level by level, or `nil` when it is
    /// to be checked whole: a file smaller than `minimumBytes`, standard
    /// input or a drawing, a file that is not a regular file, a plan with an
    /// error, a profile that cannot be loaded, geometry the engine refuses —
    /// the whole check says what.
    ///
    /// What is checked is a private snapshot of the file
    /// (``MappedFile/snapshot(of:maxBytes:folder:)``), so a program that rewrites or
    /// truncates the plan during the check changes neither the answer nor
    /// the digest it names, and cannot crash it.
    ///
    /// - Parameter includeViews: the report's cameras carry their view
    ///   polygons.
    /// - Throws: ``PlanError`` when the file changed while it was being read.
    public static func make(
        path: String, checker: PlanChecker, cache: ProfileCache = ProfileCache(), includeViews: Bool = true,
        minimumBytes: Int = minimumFileBytes
    ) throws(PlanError) -> StreamedCheck? {
        let lower = path.lowercased()
        var size = stat()
        guard path != "-", !lower.hasSuffix(".ifc"), !lower.hasSuffix(".ifczip"), DrawingImport.importer(for: path) == nil,
            stat(path, &size) == 0, size.st_mode & S_IFMT == S_IFREG, Int(size.st_size) >= minimumBytes
        else { return nil }
        let snapshot: (file: MappedFile, sha256: String)?
        do { snapshot = try MappedFile.snapshot(of: path, maxBytes: PlanDecoder.maxFileBytes) } catch {
            throw PlanError([PlanProblem(file: path, message: error.description)])
        }
        guard let (file, sha256) = snapshot, file.buffer.count >= minimumBytes else { return nil }
        let choice = ProfileChoice(option: checker.profileOption, cache: cache, planFile: path)
        guard
            let index = PlanIndex.make(
                bytes: file.buffer, file: path, extraCategories: choice.categories, crsResolver: PlanCoordinateSystems.resolver,
                release: file.release, reader: file.read),
            let profile = try? choice.profile(),
            let report = try? StreamedJSONReport(frame: index.skeleton.frame, includeViews: includeViews)
        else { return nil }
        let plan = index.skeleton
        var facts = PlanFacts(zoneCategories: index.zoneCategories)
        var rules = RuleEngine(profile: profile, asOf: checker.asOf)
        rules.baseline = checker.baseline
        let pass = RulePass(engine: rules, plan: plan, facts: facts)
        var places: [String: Int] = [:]
        for (i, level) in plan.levels.enumerated() { places[level.id] = i }
        let levels = LevelChecker(
            index: index, engine: checker.engine(for: profile), below: Engine.levelsBelow(plan.levels), places: places, pass: pass,
            report: report)

        var account = RuleAccount()
        var featureWarnings = FeatureWarnings()
        featureWarnings.add(index.siteWarnings)
        var engineWarnings: [PlanProblem] = []
        // A few levels at once, taken in in the plan's order of levels.
        let batch = max(1, checker.parallelism)
        var first = 0
        while first < plan.levels.count {
            let indices = Array(first..<min(plan.levels.count, first + batch))
            first += batch
            let results = levels.check(indices)
            for result in results {
                guard let result else { return nil }
                report.add(result.rendered)
                facts.count(result.cameras)
                featureWarnings.add(result.featureWarnings)
                engineWarnings += result.engineWarnings
                account.add(result.rules)
            }
        }
        let paperwork = pass.finish(facts: facts)
        report.add(report.render(PlanAnalysis(plan: plan, cameras: [], problems: []), paperwork))
        account.add(paperwork)
        return StreamedCheck(
            plan: plan, profile: profile, report: report, outcome: pass.outcome(findings: [], account: account),
            warnings: featureWarnings.merged(after: index.leadingWarnings) + engineWarnings, sha256: sha256, checker: checker)
    }

    /// Writes the JSON report to `output`.
    ///
    /// - Throws: ``FileWriteError`` when the temporary file the report was
    ///   set aside in failed.
    public func write(to output: ByteOutput) throws(FileWriteError) {
        try report.write(
            to: output, toolVersion: checker.toolVersion, plan: plan, inputSHA256: sha256, profile: profile, asOf: checker.asOf,
            outcome: outcome, warnings: warnings)
    }
}

/// Checks levels of an indexed plan, several at once.
private struct LevelChecker: @unchecked Sendable {
    let index: PlanIndex
    let engine: Engine
    let below: [String: Level]
    /// Each level's place in the plan's list, by id.
    let places: [String: Int]
    let pass: RulePass
    let report: StreamedJSONReport

    /// What one level's check leaves for the report and the plan-wide rules.
    struct LevelResult {
        var rendered: StreamedJSONReport.Part
        var cameras: [Camera]
        var featureWarnings: [FeatureProblem]
        var engineWarnings: [PlanProblem]
        /// The rules' notes and reasons (the findings are rendered).
        var rules: RulePart
    }

    /// The levels at `indices` checked, in that order; `nil` for a level
    /// that cannot be checked here.
    func check(_ indices: [Int]) -> [LevelResult?] {
        if indices.count == 1 { return [check(level: indices[0])] }
        let lock = NSLock()
        nonisolated(unsafe) var results = [LevelResult?](repeating: nil, count: indices.count)
        DispatchQueue.concurrentPerform(iterations: indices.count) { k in
            let result = check(level: indices[k])
            lock.lock()
            results[k] = result
            lock.unlock()
        }
        return results
    }

    private func check(level i: Int) -> LevelResult? {
        let plan = index.skeleton
        let level = plan.levels[i]
        guard let decoded = index.levelPlan(i) else { return nil }
        var contents = [level.id: LevelContents(decoded.plan)]
        // The level below, when this one's voids look down on it.
        if decoded.plan.zones.contains(where: { $0.category == .void }), let lower = below[level.id], let j = places[lower.id] {
            guard let lowerPlan = index.levelPlan(j) else { return nil }
            contents[lower.id] = LevelContents(lowerPlan.plan)
        }
        guard let analysis = try? engine.analyze(level: level, of: decoded.plan, contents: contents, below: below) else { return nil }
        var rules = pass.evaluate(analysis, contents: contents)
        let rendered = report.render(analysis, rules)
        rules.cameraFindings = []
        rules.otherFindings = []
        return LevelResult(
            rendered: rendered, cameras: decoded.plan.cameras, featureWarnings: decoded.warnings, engineWarnings: analysis.problems,
            rules: rules)
    }
}

extension LevelContents {
    /// The features of a plan decoded for one level.
    fileprivate init(_ plan: Plan) {
        self.init()
        zones = plan.zones
        walls = plan.walls
        openings = plan.openings
        cameras = plan.cameras
        signs = plan.signs
    }
}
