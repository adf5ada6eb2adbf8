import PlanarGeometry
import SightlineEngine
import SightlinePlan

/// The outcome of applying a profile to a plan's analysis.
public struct RuleOutcome: Sendable {
    public var findings: [Finding]
    /// Article groups applied, in the profile's order.
    public var applied: [Article]
    /// Article groups not applied to this place, with the reason.
    public var notApplied: [(article: Article, reason: Text)]
    /// Rules that could not be evaluated on this plan, and why.
    public var notEvaluated: [(rule: String, reason: String)]
}

/// Applies a profile to an analysis. Findings come in a stable order: per
/// camera in file order (rule, then zone), then the findings about zones and
/// the site in rule order.
public struct RuleEngine: Sendable {
    public let profile: Profile
    /// The day the check is made, for filing deadlines (`--as-of`).
    public let asOf: CalendarDate

    public init(profile: Profile, asOf: CalendarDate) {
        self.profile = profile
        self.asOf = asOf
    }

    public func evaluate(_ analysis: PlanAnalysis) -> RuleOutcome {
        let plan = analysis.plan
        let place = plan.metadata.site.placeCategory
        let applicability = profile.applicability[place]
        let active = profile.rules.filter { applicability?.applies($0.article) ?? true }
        let context = RuleContext(profile: profile, plan: plan, analysis: analysis, asOf: asOf)

        var perCamera: [String: [Finding]] = [:]
        var siteWide: [Finding] = []
        var notEvaluated: [(rule: String, reason: String)] = []
        for rule in active {
            let result = context.run(rule)
            if let reason = result.notEvaluated { notEvaluated.append((rule.id, reason)) }
            for f in result.findings {
                if let camera = f.camera { perCamera[camera, default: []].append(f) } else { siteWide.append(f) }
            }
        }
        var findings: [Finding] = []
        for camera in analysis.cameras {
            let own = perCamera[camera.camera.id] ?? []
            findings += own.enumerated().sorted { a, b in
                (a.element.rule, a.element.zone ?? "", a.offset) < (b.element.rule, b.element.zone ?? "", b.offset)
            }.map(\.element)
        }
        findings += siteWide

        var applied: [Article] = []
        var notApplied: [(article: Article, reason: Text)] = []
        for article in profile.articles {
            if applicability?.applies(article.key) ?? true { applied.append(article) } else if let applicability {
                notApplied.append((article, applicability.reason))
            }
        }
        return RuleOutcome(findings: findings, applied: applied, notApplied: notApplied, notEvaluated: notEvaluated)
    }

    /// Findings only, for callers that need nothing else.
    public func findings(for analysis: PlanAnalysis) -> [Finding] { evaluate(analysis).findings }
}

/// What one rule produced.
struct RuleResult {
    var findings: [Finding] = []
    /// Set when the plan lacks what the rule needs.
    var notEvaluated: String?
}

/// Everything a check reads, and the helpers every check shares.
struct RuleContext {
    let profile: Profile
    let plan: Plan
    let analysis: PlanAnalysis
    let asOf: CalendarDate

    var parameters: Parameters { profile.parameters }

    func run(_ rule: RuleDefinition) -> RuleResult {
        switch rule.check {
        case .cameraInside: return cameraInside(rule)
        case .viewIntrusion: return viewIntrusion(rule)
        case .viewMasked: return viewMasked(rule)
        case .audioIntrusion: return audioIntrusion(rule)
        case .consentMissing: return consentMissing(rule)
        case .signageMissing: return signageMissing(rule)
        case .viewBeyondSite, .viewBeyondProperty: return viewBeyondBoundary(rule)
        case .filingOverdue: return filingOverdue(rule)
        case .filingIncomplete: return filingIncomplete(rule)
        case .retentionShort: return retentionShort(rule)
        case .coverageUncovered: return coverageUncovered(rule)
        }
    }

    /// A finding of `rule`, with its citation resolved for `category`'s item
    /// and the consequence for the operator's kind.
    func finding(_ rule: RuleDefinition, camera: String? = nil, zone: Zone? = nil, level: String? = nil,
                 area: Double? = nil, geometry: [PolygonRings]? = nil, message: String) -> Finding {
        let item = zone.flatMap { profile.prohibited[$0.category] }
        let citation = rule.citation.resolve(item: item, text: item.flatMap { profile.items[$0] })
        let consequence = profile.consequences[rule.consequence]?.resolve(for: plan.metadata.site.operatorKind)
            ?? Consequence(article: rule.consequence, measures: [], fines: [], condition: nil, note: nil)
        return Finding(rule: rule.id, severity: rule.severity, camera: camera, zone: zone?.id, zoneName: zone?.name,
                       zoneCategory: zone?.category.rawValue, level: level ?? zone?.info.level, area: area, geometry: geometry,
                       citation: citation, consequence: consequence, message: message)
    }

    /// "toilet wc-3f (Public toilet)".
    func describe(_ zone: Zone) -> String {
        let category = zone.category.rawValue.replacingOccurrences(of: "_", with: " ")
        if let name = zone.name { return "\(category) \(zone.id) (\(name))" }
        return "\(category) \(zone.id)"
    }
}
