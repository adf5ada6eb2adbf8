import PlanarGeometry
import SightlineEngine
import SightlinePlan
import SightlineText

/// The outcome of applying a profile to a plan's analysis.
public struct RuleOutcome: Sendable {
    public var findings: [Finding]
    /// Article groups applied, in the profile's order.
    public var applied: [Article]
    /// Article groups not applied to this place, with the reason.
    public var notApplied: [(article: Article, reason: Text)]
    /// Rules that could not be evaluated on this plan, and why.
    public var notEvaluated: [(rule: String, reason: String)]
    /// The same reasons in Chinese, by rule id.
    public var notEvaluatedZh: [String: String] = [:]

    /// Why `rule` was not evaluated, in `language`.
    public func notEvaluatedReason(_ rule: String, _ reason: String, _ language: Language) -> String {
        language == .zh ? (notEvaluatedZh[rule] ?? reason) : reason
    }
    /// Remarks on how the law was read for this plan (who is liable, a later
    /// law, a deadline on a holiday): judgements the report states as such.
    public var notes: [Text] = []
}

/// Applies a profile to an analysis. Findings come in a stable order: per
/// camera in file order (rule, then zone), then the findings about zones and
/// the site in rule order.
public struct RuleEngine: Sendable {
    public let profile: Profile
    /// The day the check is made, for filing deadlines (`--as-of`).
    public let asOf: CalendarDate
    /// The public-security cameras of an earlier plan (`check --baseline`),
    /// against which moves, changes and removals are found (Art. 23 (2));
    /// empty: not compared.
    public var baseline: [Camera] = []

    public init(profile: Profile, asOf: CalendarDate) {
        self.profile = profile
        self.asOf = asOf
    }

    /// Whether `article` applies to a place: the place's applicability
    /// first, then the article's own scope (Art. 33: non-public places).
    func applies(_ article: Article, at place: PlaceCategory) -> Bool {
        (profile.applicability[place]?.applies(article.key) ?? true) && (article.appliesTo?.contains(place) ?? true)
    }

    /// The findings and the report's account of the law for `analysis`.
    /// `contents`: the plan's features by level (``Plan/contentsByLevel()``),
    /// when the caller has grouped them already (for the engine).
    public func evaluate(_ analysis: PlanAnalysis, contents: [String: LevelContents]? = nil) -> RuleOutcome {
        let plan = analysis.plan
        let facts = PlanFacts(plan: plan)
        let pass = RulePass(engine: self, plan: plan, facts: facts)
        let levels = pass.evaluate(analysis, contents: contents ?? plan.contentsByLevel())
        let whole = pass.finish(facts: facts)
        var findings: [Finding] = []
        findings.reserveCapacity(
            levels.cameraFindings.reduce(levels.otherFindings.count + whole.otherFindings.count) { $0 + $1.findings.count })
        for (_, own) in levels.cameraFindings { findings += own }
        let others = (levels.otherFindings + whole.otherFindings).enumerated().map { ($0.element.order(sequence: $0.offset), $0.element) }
        findings += others.sorted { $0.0 < $1.0 }.map(\.1.finding)
        var account = RuleAccount()
        account.add(levels)
        account.add(whole)
        return pass.outcome(findings: findings, account: account)
    }

    /// Findings only, for callers that need nothing else.
    public func findings(for analysis: PlanAnalysis) -> [Finding] { evaluate(analysis).findings }
}

extension CheckKind {
    /// The checks about private places (Art. 8), which also run on a
    /// "non-public" plan that holds guest rooms.
    static let privacy: Set<CheckKind> = [.cameraInside, .viewIntrusion, .viewMasked, .audioIntrusion, .placeContradiction]
}

/// What one rule produced.
struct RuleResult {
    var findings: [Finding] = []
    /// Set when the plan lacks what the rule needs: why, in each language.
    var notEvaluated: ((Language) -> String)?
    /// Remarks for the report (e.g. a due date on a holiday), each with the
    /// index of the feature it concerns (-1 for none), which orders the
    /// remarks of levels checked apart.
    var notes: [(feature: Int, text: Text)] = []
}

/// Everything a check reads, and the helpers every check shares.
struct RuleContext {
    let profile: Profile
    let plan: Plan
    let analysis: PlanAnalysis
    let asOf: CalendarDate
    /// When set, the privacy checks consider only zones of these categories
    /// (the guest rooms of a "non-public" homestay).
    let privateScope: Set<ZoneCategory>?
    /// The plan's features by level, grouped once for every check.
    let contents: [String: LevelContents]
    /// The plan's zone categories and camera counts (the whole plan's, when
    /// the analysis is one level's).
    let facts: PlanFacts
    /// The engine's ``RuleEngine/baseline``.
    var baseline: [Camera] = []
    /// Citations resolved so far, by rule and Art. 8 item: a plan's hundreds
    /// of findings share a handful, and resolving scans the statute texts.
    private let citations = CitationCache()

    init(
        profile: Profile, plan: Plan, analysis: PlanAnalysis, asOf: CalendarDate, privateScope: Set<ZoneCategory>?,
        contents: [String: LevelContents], facts: PlanFacts
    ) {
        self.profile = profile
        self.plan = plan
        self.analysis = analysis
        self.asOf = asOf
        self.privateScope = privateScope
        self.contents = contents
        self.facts = facts
    }

    var parameters: Parameters { profile.parameters }

    /// How the profile cites an article group, e.g. `Art. 14` or `Art. 15`.
    func reference(_ article: String) -> String {
        profile.articles.first { $0.key == article }?.reference ?? article
    }

    /// The profile's reference for an article group, as `language` cites it.
    func reference(_ article: String, _ language: Language) -> String {
        language == .zh ? ArticleReference.zh(reference(article)) : reference(article)
    }

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
        case .installerUnauthorized: return installerUnauthorized(rule)
        case .placeContradiction: return placeContradiction(rule)
        case .viewIntoOccupied: return viewIntoOccupied(rule)
        case .filingChangeUnfiled: return filingChangeUnfiled(rule)
        case .retentionExcessive: return retentionExcessive(rule)
        case .publicCameraObstructed: return publicCameraObstructed(rule)
        case .ptzNotFixed: return ptzNotFixed(rule)
        case .mandatoryPlaceUncovered: return mandatoryPlaceUncovered(rule)
        case .privacyNotEvaluated: return privacyNotEvaluated(rule)
        case .audioIntoOccupied: return audioIntoOccupied(rule)
        case .viewIntoRestricted: return viewIntoRestricted(rule)
        case .inspectionUnrecorded: return inspectionUnrecorded(rule)
        case .acceptanceUnrecorded: return acceptanceUnrecorded(rule)
        case .monitoringRoomUncontrolled: return monitoringRoomUncontrolled(rule)
        case .monitoringScreensExposed: return monitoringScreensExposed(rule)
        case .publicCameraChanged: return publicCameraChanged(rule)
        }
    }

    /// A finding of `rule`, with its citation resolved for `category`'s item
    /// and the consequence for the operator's kind.
    func finding(
        _ rule: RuleDefinition, camera: Camera? = nil, zone: Zone? = nil, level: String? = nil,
        area: Double? = nil, geometry: [PolygonRings]? = nil, message: String
    ) -> Finding {
        let item = zone.flatMap { profile.prohibited[$0.category] }
        let citation = citations.citation(rule.id, item: item) {
            rule.citation.resolve(item: item, text: item.flatMap { profile.items[$0] })
        }
        let resolve = { (spec: ConsequenceSpec) in
            let (kind, payer) = self.liable(spec.liable, camera: camera, zone: zone)
            return spec.resolve(for: kind, payer: payer)
        }
        var consequences = rule.consequences.map { key in
            profile.consequences[key].map(resolve) ?? Consequence(article: key, measures: [], fines: [], condition: nil, note: nil)
        }
        if let later = profile.laterLaw, asOf >= later.from {
            consequences = later.consequences(of: rule.id, own: consequences, resolve: resolve)
        }
        return Finding(
            rule: rule.id, severity: rule.severity, camera: camera, zone: zone, level: level ?? zone?.info.level, area: area,
            geometry: geometry,
            citation: citation, consequence: consequences[0], furtherConsequences: Array(consequences.dropFirst()),
            message: message)
    }

    /// The kind and, when it is not the site's operator, the name of the
    /// party an article fines: the camera's installer (`owner`) or the
    /// zone's manager (`managedBy`), each of the kind the plan gives it, a
    /// bare name of the operator's kind; the operator where the plan names
    /// no one else.
    func liable(_ party: LiableParty, camera: Camera?, zone: Zone?) -> (kind: OperatorKind, payer: String?) {
        let site = plan.metadata.site
        let named: (name: String?, kind: OperatorKind?)
        switch party {
        case .installer: named = (camera?.owner, camera?.ownerKind)
        case .manager: named = (zone?.managedBy, zone?.managedByKind)
        case .operator: named = (nil, nil)
        }
        guard let name = named.name, name != site.operatorName else { return (named.kind ?? site.operatorKind, nil) }
        return (named.kind ?? site.operatorKind, name)
    }

    /// "toilet wc-3f (Public toilet)".
    func describe(_ zone: Zone) -> String { describe(zone, .en) }

    /// "guest room F1-room-n5 (Room 1105)" / "客房 F1-room-n5（Room 1105）".
    func describe(_ zone: Zone, _ language: Language) -> String {
        let category = ZoneCategoryNames.name(zone.category.rawValue, language)
        if let name = zone.name { return language.t(.zoneDescriptionNamed, category, zone.id, name) }
        return language.t(.zoneDescription, category, zone.id)
    }

    /// A finding whose message the catalogue writes in every language.
    func finding(
        _ rule: RuleDefinition, camera: Camera? = nil, zone: Zone? = nil, level: String? = nil, area: Double? = nil,
        geometry: [PolygonRings]? = nil, say: (Language) -> String
    ) -> Finding {
        var f = finding(rule, camera: camera, zone: zone, level: level, area: area, geometry: geometry, message: say(.en))
        f.messageZh = say(.zh)
        return f
    }
}

/// Resolved citations by rule id and item, filled as the checks ask (the
/// rule engine runs on one thread).
private final class CitationCache {
    private var resolved: [String: Citation] = [:]

    func citation(_ rule: String, item: String?, resolve: () -> Citation) -> Citation {
        let key = "\(rule)\u{1F}\(item ?? "")"
        if let known = resolved[key] { return known }
        let citation = resolve()
        resolved[key] = citation
        return citation
    }
}
