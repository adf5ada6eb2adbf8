import PlanarGeometry
import SightlineEngine
import SightlinePlan
import SightlineRules

/// Everything a renderer needs about one check, gathered once.
public struct CheckReport: Sendable {
    public var toolVersion: String
    public var profile: Profile
    public var analysis: PlanAnalysis
    public var outcome: RuleOutcome
    public var asOf: CalendarDate

    public init(toolVersion: String, profile: Profile, analysis: PlanAnalysis, outcome: RuleOutcome, asOf: CalendarDate) {
        self.toolVersion = toolVersion
        self.profile = profile
        self.analysis = analysis
        self.outcome = outcome
        self.asOf = asOf
    }

    public var findings: [Finding] { outcome.findings }

    public var plan: Plan { analysis.plan }
    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }
    /// `fail` when any finding is an error, else `pass`.
    public var verdict: String { errorCount > 0 ? "fail" : "pass" }
}

/// One output format.
public protocol ReportRenderer {
    func render(_ report: CheckReport) -> String
}
