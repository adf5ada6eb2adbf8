import SightlineEngine
import SightlinePlan

/// A profile applied to one plan in parts: the rules about cameras and
/// zones to each part of the analysis (the whole plan's, or one level's at a
/// time in a streamed check), then the rules about the whole plan (filing,
/// retention) once, to facts counted over every part.
///
/// Findings are put in the report's order from their parts: each camera's
/// in file order, sorted by rule then zone; then the others by the rule's
/// place in the profile, then the feature they are about in file order.
public struct RulePass: Sendable {
    let engine: RuleEngine
    /// The plan's metadata and site-wide features (its levels' features are
    /// in the parts).
    let plan: Plan
    /// The plan's zone categories (the rules about levels read no counts).
    let facts: PlanFacts
    /// The rules of the articles that apply, in the profile's order.
    let active: [RuleDefinition]
    /// When set, the privacy checks consider only zones of these categories
    /// (the guest rooms of a "non-public" homestay).
    let privateScope: Set<ZoneCategory>?
    /// Article groups applied, in the profile's order.
    public let applied: [Article]
    /// Article groups not applied to this place, with the reason.
    public let notApplied: [(article: Article, reason: Text)]
    /// The place's and the later law's notes, before any rule's.
    let leadingNotes: [Text]

    /// Settles which rules run on `plan`, given the zone categories of
    /// `facts` (a "non-public" plan with guest rooms is a public place for
    /// those rooms).
    public init(engine: RuleEngine, plan: Plan, facts: PlanFacts) {
        self.engine = engine
        self.plan = plan
        self.facts = facts
        let profile = engine.profile
        let place = plan.metadata.site.placeCategory
        let applicability = profile.applicability[place]
        let publicAnyway = facts.zoneCategories.intersection(applicability?.publicIfPresent ?? [])
        var articles = Set(profile.articles.filter { engine.applies($0, at: place) }.map(\.key))
        if !publicAnyway.isEmpty {
            articles.formUnion(profile.rules.filter { CheckKind.privacy.contains($0.check) }.map(\.article))
        }
        active = profile.rules.filter { articles.contains($0.article) }
        privateScope = publicAnyway.isEmpty ? nil : publicAnyway
        var notes: [Text] = applicability?.notes ?? []
        if let later = profile.laterLaw, engine.asOf >= later.from { notes.append(later.note) }
        leadingNotes = notes
        var applied: [Article] = []
        var notApplied: [(article: Article, reason: Text)] = []
        for article in profile.articles {
            if articles.contains(article.key) {
                applied.append(article)
            } else {
                let outOfScope = !(article.appliesTo?.contains(place) ?? true)
                if let reason = outOfScope ? article.elsewhere : applicability?.reason { notApplied.append((article, reason)) }
            }
        }
        self.applied = applied
        self.notApplied = notApplied
    }

    /// The rules about cameras and zones, applied to `analysis`.
    ///
    /// - Parameter contents: the features of the analysis's levels.
    public func evaluate(_ analysis: PlanAnalysis, contents: [String: LevelContents]) -> RulePart {
        var context = RuleContext(
            profile: engine.profile, plan: analysis.plan, analysis: analysis, asOf: engine.asOf, privateScope: privateScope,
            contents: contents, facts: facts)
        context.baseline = engine.baseline
        var part = RulePart()
        var perCamera: [String: [Finding]] = [:]
        for (order, rule) in active.enumerated() where !rule.check.isAboutWholePlan {
            part.add(context.run(rule), order: order, rule: rule.id) { perCamera[$0, default: []].append($1) }
        }
        // Each camera's list is taken out as it is used, so the findings are
        // held once, not twice.
        part.cameraFindings.reserveCapacity(perCamera.count)
        for camera in analysis.cameras {
            guard let own = perCamera.removeValue(forKey: camera.camera.id) else { continue }
            let sorted = own.enumerated().sorted { a, b in
                (a.element.rule, a.element.zoneID ?? "", a.offset) < (b.element.rule, b.element.zoneID ?? "", b.offset)
            }.map(\.element)
            part.cameraFindings.append((camera.camera.info.index, LiabilityOnce.apply(sorted)))
        }
        return part
    }

    /// The rules about the whole plan (filing, retention), given `facts`
    /// counted over every level.
    public func finish(facts: PlanFacts) -> RulePart {
        var context = RuleContext(
            profile: engine.profile, plan: plan, analysis: PlanAnalysis(plan: plan, cameras: [], problems: []), asOf: engine.asOf,
            privateScope: privateScope, contents: [:], facts: facts)
        context.baseline = engine.baseline
        var part = RulePart()
        for (order, rule) in active.enumerated() where rule.check.isAboutWholePlan {
            part.add(context.run(rule), order: order, rule: rule.id) { _, _ in }
        }
        return part
    }

    /// The report's account of the law given every part's notes and rules
    /// not evaluated, with `findings`.
    public func outcome(findings: [Finding], account: RuleAccount) -> RuleOutcome {
        var outcome = RuleOutcome(
            findings: findings, applied: applied, notApplied: notApplied,
            notEvaluated: account.notEvaluated.map { ($0.rule, $0.en) }, notes: leadingNotes + account.notes)
        for entry in account.notEvaluated { outcome.notEvaluatedZh[entry.rule] = entry.zh }
        return outcome
    }
}

/// What the rules made of one part of a plan.
public struct RulePart: Sendable {
    /// Each camera with findings, by its index in the file, cameras in file
    /// order, each camera's findings sorted by rule then zone.
    public var cameraFindings: [(camera: Int, findings: [Finding])] = []
    /// The findings about no camera, in the order their rules made them.
    public var otherFindings: [OrderedFinding] = []
    /// Remarks, with their rule's place and the feature they concern.
    var notes: [(order: Int, feature: Int, text: Text)] = []
    /// Rules that could not be evaluated, with their place.
    var notEvaluated: [(order: Int, rule: String, en: String, zh: String)] = []

    /// Takes in what rule `order` produced; findings about a camera go to
    /// `camera`.
    fileprivate mutating func add(_ result: RuleResult, order: Int, rule: String, camera: (String, Finding) -> Void) {
        if let reason = result.notEvaluated { notEvaluated.append((order, rule, reason(.en), reason(.zh))) }
        for note in result.notes { notes.append((order, note.feature, note.text)) }
        for f in result.findings {
            if let id = f.cameraID {
                camera(id, f)
            } else {
                otherFindings.append(OrderedFinding(ruleOrder: order, feature: f.featureIndex, finding: f))
            }
        }
    }
}

/// A finding about no camera, with what orders it among several parts'.
public struct OrderedFinding: Sendable {
    /// The place of its rule in the profile.
    public var ruleOrder: Int
    /// The index in the file of the zone or area it is about; -1 for none.
    public var feature: Int
    public var finding: Finding

    /// Its place in the report, `sequence` telling equals apart (the order
    /// they were made in: a part's number, then the place in it).
    public func order(sequence: Int) -> FindingOrder {
        FindingOrder(rule: ruleOrder, feature: feature, sequence: sequence)
    }
}

/// The report's order of the findings about no camera: by rule, then by
/// the feature they are about in file order, then as they were made.
public struct FindingOrder: Comparable, Sendable {
    public var rule: Int
    public var feature: Int
    public var sequence: Int

    public static func < (a: FindingOrder, b: FindingOrder) -> Bool {
        (a.rule, a.feature, a.sequence) < (b.rule, b.feature, b.sequence)
    }
}

/// The notes and the rules not evaluated of every part of a pass, merged
/// in the order of rules, then features, then parts.
public struct RuleAccount: Sendable {
    private var gathered: [(order: Int, feature: Int, sequence: Int, text: Text)] = []
    private var reasons: [Int: (rule: String, en: String, zh: String)] = [:]

    public init() {}

    /// Takes in a part's notes and reasons (a rule not evaluated in any
    /// part is reported once).
    public mutating func add(_ part: RulePart) {
        for note in part.notes { gathered.append((note.order, note.feature, gathered.count, note.text)) }
        for entry in part.notEvaluated where reasons[entry.order] == nil { reasons[entry.order] = (entry.rule, entry.en, entry.zh) }
    }

    var notes: [Text] { gathered.sorted { ($0.order, $0.feature, $0.sequence) < ($1.order, $1.feature, $1.sequence) }.map(\.text) }

    var notEvaluated: [(rule: String, en: String, zh: String)] {
        reasons.sorted { $0.key < $1.key }.map(\.value)
    }
}

extension CheckKind {
    /// The checks that read the plan's paperwork and counts, not its
    /// levels: run once, after every level (``RulePass/finish(facts:)``).
    var isAboutWholePlan: Bool {
        switch self {
        case .filingOverdue, .filingIncomplete, .filingChangeUnfiled, .retentionShort, .retentionExcessive, .inspectionUnrecorded,
            .acceptanceUnrecorded:
            true
        default: false
        }
    }
}

extension Finding {
    /// The index in the file of the zone or restricted area the finding is
    /// about; -1 for none.
    var featureIndex: Int { zone?.info.index ?? restrictedArea?.info.index ?? -1 }
}
