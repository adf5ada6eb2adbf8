import SightlineEngine
import SightlinePlan

/// The facts about one camera the rules read.
struct CameraResultView {
    let id: String
    let level: String
    let insideZones: [Zone]
    let intrusions: [Intrusion]
}

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
            let view = CameraResultView(id: camera.camera.id, level: camera.camera.info.level,
                                        insideZones: camera.insideZones, intrusions: camera.intrusions)
            out += art8.findings(for: view).sorted { ($0.rule, $0.zone ?? "") < ($1.rule, $1.zone ?? "") }
        }
        return out
    }
}
