import SightlineCheck
import SightlineEngine
import SightlinePlan
import SightlineReport
import SightlineRules

/// `fix --apply`: writes the chosen fixes into the plan's own JSON tree,
/// re-checks the result, and fixes what a changed view newly needs (a sign
/// for a zone a re-aimed camera now sees, an intrusion at a new heading) in
/// further rounds, until nothing is left or nothing changes (three at most).
public struct FixApplication: Sendable {
    /// The fixed plan, as written.
    public var bytes: [UInt8]
    /// What was applied, per camera (or added sign) id, over all rounds.
    public var applied: [String: String]
    /// The errors the last re-check still finds.
    public var remaining: [Finding]
    /// Rounds of apply and re-check run.
    public var rounds: Int

    /// Why applying stopped short: the rewritten plan no longer loads or
    /// checks (its problems), or the plan cannot be rewritten at all.
    public enum Failure: Error {
        case plan(PlanError)
        case other(String)
    }

    /// Applies `first` to `loaded` with `choice`, then re-checks and
    /// re-plans up to `maxRounds` times; `file` names the fixed plan in
    /// messages.
    public static func run(
        _ loaded: LoadedPlan, first: FixPlan, choice: PlanRewriter.Choice, checker: PlanChecker,
        planner: FixPlanner, file: String, maxRounds: Int = 3
    ) throws(Failure) -> FixApplication {
        var current = loaded
        var round = first
        var out = FixApplication(bytes: [], applied: [:], remaining: [], rounds: 0)
        while out.rounds < maxRounds {
            out.rounds += 1
            var rewriter: PlanRewriter
            do { rewriter = try PlanRewriter(plan: current.plan) } catch { throw .other("\(error)") }
            rewriter.apply(round, choice: choice)
            out.applied.merge(rewriter.applied) { $1 }
            out.bytes = rewriter.bytes
            let recheck: (report: CheckReport, session: PlanSession)
            do throws(PlanError) {
                current = try LoadedPlan.load(bytes: out.bytes, file: file, profileOption: checker.profileOption)
                recheck = try checker.checkKeepingScenes(current)
            } catch {
                throw .plan(error)
            }
            out.remaining = recheck.report.findings.filter { $0.severity == .error }
            guard !out.remaining.isEmpty, !rewriter.applied.isEmpty else { break }
            do { round = try planner.plan(current, report: recheck.report, session: recheck.session) } catch { throw .other("\(error)") }
        }
        return out
    }
}
