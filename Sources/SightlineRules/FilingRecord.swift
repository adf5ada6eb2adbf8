import SightlineEngine
import SightlinePlan
import SightlineText

/// The Art. 14 filing record: what the operator files with the county public
/// security organ (单位基本情况、建设位置、设备数量及类型、存储期限).
public struct FilingRecord: Sendable {
    public var operatorName: String?
    public var operatorKind: OperatorKind
    public var creditCode: String?
    public var siteName: String?
    public var address: String?
    public var levels: [String]
    public var camerasByType: [(type: String, count: Int)]
    public var microphones: Int
    public var retentionDays: Int?
    public var commissionedOn: CalendarDate?
    public var filedOn: CalendarDate?
    public var due: CalendarDate?
    /// How the due date follows from the plan (or why there is none).
    public var dueReason: String
    /// The same in Chinese.
    public var dueReasonZh: String
    public var status: FilingStatus
    public var missing: [String]
    /// What is missing, in Chinese.
    public var missingZh: [String]

    public init(plan: Plan, profile: Profile, asOf: CalendarDate) {
        let meta = plan.metadata
        operatorName = meta.site.operatorName
        operatorKind = meta.site.operatorKind
        creditCode = meta.site.operatorCreditCode
        siteName = meta.site.name
        address = meta.site.address
        levels = plan.levels.map { $0.name ?? $0.id }
        let facts = PlanFacts(plan: plan)
        camerasByType = Camera.CameraType.allCases.map { type in (type.rawValue, facts.cameras(of: type)) }.filter { $0.1 > 0 }
        microphones = facts.microphones
        retentionDays = meta.system.retentionDays
        commissionedOn = meta.system.commissionedOn
        filedOn = meta.system.filedOn
        let empty = PlanAnalysis(plan: plan, cameras: [], problems: [])
        // The due date reads the plan's dates, not its levels' features.
        let context = RuleContext(
            profile: profile, plan: plan, analysis: empty, asOf: asOf, privateScope: nil, contents: [:], facts: facts)
        let filingDue = context.filingDue()
        (due, dueReason, dueReasonZh) = (filingDue.due, filingDue.says(.en), filingDue.says(.zh))
        switch (due, filedOn) {
        case (nil, _): status = filedOn == nil ? .unknown : .filed
        case (let due?, let filed?): status = filed <= due ? .filedOnTime : .filedLate
        case (let due?, nil): status = asOf > due ? .overdue : .due
        }
        missing = context.missingFilingData()
        missingZh = context.missingFilingData(.zh)
        // Whether the filing applies to this place at all (Art. 9 ¶2 exempts
        // Art. 14; non-public places are outside the Regulations, Art. 2).
        let place = meta.site.placeCategory
        let engine = RuleEngine(profile: profile, asOf: asOf)
        let filingArticle = profile.rules.first { $0.check == .filingOverdue }.flatMap { rule in
            profile.articles.first { $0.key == rule.article }
        }
        if let filingArticle, !engine.applies(filingArticle, at: place) {
            notRequired = profile.applicability[place]?.reason ?? filingArticle.elsewhere
            status = .notRequired
            missing = []
            missingZh = []
        } else {
            notRequired = nil
        }
    }

    /// Why no filing is required for this place (the law's words), or `nil`.
    public var notRequired: Text?
}

/// Where the filing stands; the raw value is what the JSON record says.
public enum FilingStatus: String, Sendable {
    case filedOnTime = "filed on time" // not prose: a JSON value
    case filedLate = "filed late" // not prose: a JSON value
    case overdue, due, filed, unknown
    case notRequired = "not required" // not prose: a JSON value

    /// The status in `language`.
    public func text(in language: Language) -> String {
        let phrase: Phrase =
            switch self {
            case .filedOnTime: .statusFiledOnTime
            case .filedLate: .statusFiledLate
            case .overdue: .statusOverdue
            case .due: .statusDue
            case .filed: .statusFiled
            case .notRequired: .statusNotRequired
            case .unknown: .filingUnknown
            }
        return language.t(phrase)
    }
}
