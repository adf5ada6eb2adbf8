import SightlineEngine
import SightlinePlan

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
    /// `filed on time`, `filed late`, `overdue`, `due`, or `unknown`.
    public var status: String
    public var missing: [String]

    public init(plan: Plan, profile: Profile, asOf: CalendarDate) {
        let meta = plan.metadata
        operatorName = meta.site.operatorName
        operatorKind = meta.site.operatorKind
        creditCode = meta.site.operatorCreditCode
        siteName = meta.site.name
        address = meta.site.address
        levels = plan.levels.map { $0.name ?? $0.id }
        camerasByType = Camera.CameraType.allCases.map { type in (type.rawValue, plan.cameras.filter { $0.type == type }.count) }
            .filter { $0.1 > 0 }
        microphones = plan.cameras.filter(\.audioEnabled).count
        retentionDays = meta.system.retentionDays
        commissionedOn = meta.system.commissionedOn
        filedOn = meta.system.filedOn
        let empty = PlanAnalysis(plan: plan, cameras: [], problems: [])
        let context = RuleContext(profile: profile, plan: plan, analysis: empty, asOf: asOf)
        (due, dueReason) = context.filingDue()
        switch (due, filedOn) {
        case (nil, _): status = filedOn == nil ? "unknown" : "filed"
        case let (due?, filed?): status = filed <= due ? "filed on time" : "filed late"
        case let (due?, nil): status = asOf > due ? "overdue" : "due"
        }
        missing = []
        if operatorName?.isEmpty ?? true { missing.append("plan.site.operator.name") }
        if address?.isEmpty ?? true { missing.append("plan.site.address") }
        if retentionDays == nil { missing.append("plan.system.retentionDays") }
        if plan.cameras.isEmpty { missing.append("cameras") }
    }
}
