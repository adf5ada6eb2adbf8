import SightlineEngine
import SightlinePlan

/// Applies a profile to an analysis and returns its findings in a stable
/// order: by camera (file order), then rule, then zone.
public struct RuleEngine: Sendable {
    public let profile: Profile
    public init(profile: Profile) { self.profile = profile }

    public func findings(for analysis: PlanAnalysis) -> [Finding] {
        let plan = analysis.plan
        // Order 799 governs public places only (Art. 2, Art. 8 "公共场所").
        guard plan.metadata.site.placeCategory != .nonPublic else { return [] }
        let art8 = Article8Rules(profile: profile, plan: plan)
        var out: [Finding] = []
        for camera in analysis.cameras {
            out += art8.findings(for: camera).sorted { ($0.rule, $0.zone ?? "") < ($1.rule, $1.zone ?? "") }
        }
        return out
    }
}
