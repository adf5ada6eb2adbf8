import SightlineEngine
import SightlinePlan

/// What the plan says about when the filing was due.
struct FilingDue {
    var due: CalendarDate?
    /// How the due date follows from the plan, or why there is none.
    var reason: String
    /// A contradiction in the plan's system record, reported with the finding.
    var contradiction: String?
}

/// Checks about the system's paperwork: filing (Order 799 Art. 14;
/// Chongqing Art. 15) and retention (Art. 17; Chongqing Art. 19). Messages
/// name the profile's own article.
extension RuleContext {
    /// When the filing is due, or why that cannot be said. A `commissionedOn`
    /// on or after the cut-off date wins over `preexisting: true` (a system
    /// put into use later was not in use before), and the contradiction is
    /// reported.
    func filingDue() -> FilingDue {
        let system = plan.metadata.system
        var contradiction: String?
        if let before = parameters.preexistingBefore, let due = parameters.preexistingFilingDue {
            if let commissioned = system.commissionedOn, commissioned >= before {
                if system.preexisting {
                    contradiction = "the plan says the system was in use before \(before) (system.preexisting) but put into use on \(commissioned) (system.commissionedOn); the date is used"
                }
            } else if system.preexisting || system.commissionedOn != nil {
                return FilingDue(due: due, reason: "the system was in use before \(before), so the filing was due by \(due)")
            }
        }
        guard let commissioned = system.commissionedOn else {
            return FilingDue(due: nil, reason: "the plan gives no system.commissionedOn", contradiction: contradiction)
        }
        guard let days = parameters.filingDays else {
            return FilingDue(due: nil, reason: "this profile sets no filing deadline for systems put into use from \(parameters.preexistingBefore.map(\.description) ?? "its entry into force")",
                             contradiction: contradiction)
        }
        let due = commissioned.adding(days: days)
        return FilingDue(due: due, reason: "the system was put into use on \(commissioned), so the filing was due within \(days) days, by \(due)",
                         contradiction: contradiction)
    }

    func filingOverdue(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        let article = reference(rule.article)
        let due = filingDue()
        if let contradiction = due.contradiction {
            out.notes.append(Text(zh: "系统记录自相矛盾:\(contradiction)", en: "The system record contradicts itself: \(contradiction)."))
        }
        guard let dueDate = due.due else {
            out.notEvaluated = due.reason
            return out
        }
        if parameters.isRestDay(dueDate) {
            let source = parameters.holidaySource.map { " (holidays: \($0))" } ?? ""
            out.notes.append(Text(
                zh: "\(article)备案期限的最后一日 \(dueDate) 是休息日或法定节假日;依《民法典》第二百零三条,期间的最后一日是法定休假日的,以法定休假日结束的次日为期间的最后一日。是否适用于本期限并不确定,本报告未予顺延。",
                en: "The \(article) filing deadline, \(dueDate), falls on a weekend or statutory holiday\(source); Civil Code Art. 203 may extend it to the next working day. Whether it does for this deadline is uncertain, so the report does not apply it."))
        }
        // On time on the due date itself; overdue only once the check date is past it.
        guard asOf > dueDate else { return out }
        let filed = plan.metadata.system.filedOn
        if let filed, filed <= dueDate { return out }
        let late = (filed ?? asOf).dayNumber - dueDate.dayNumber
        let status = filed.map { "it was filed on \($0), \(late) days late" } ?? "it has not been filed (\(late) days past due as of \(asOf))"
        let contradiction = due.contradiction.map { " (\($0))" } ?? ""
        out.findings.append(finding(rule, message: "\(article) filing overdue: \(due.reason); \(status)\(contradiction)"))
        return out
    }

    /// The data the profile's filing needs that the plan does not give.
    func missingFilingData() -> [String] {
        let meta = plan.metadata
        func blank(_ s: String?) -> Bool { s?.isEmpty ?? true }
        return parameters.filingData.compactMap { datum -> String? in
            switch datum {
            case .operatorName: blank(meta.site.operatorName) ? "the operator's name (plan.site.operator.name)" : nil
            case .address: blank(meta.site.address) ? "the system's location (plan.site.address)" : nil
            case .retentionDays: meta.system.retentionDays == nil ? "the storage period (plan.system.retentionDays)" : nil
            case .cameras: plan.cameras.isEmpty ? "any camera (the number and types of devices)" : nil
            case .designProgramme: blank(meta.system.designProgramme) ? "the design programme (plan.system.designProgramme)" : nil
            case .testReport: blank(meta.system.testReport) ? "the test (detection) programme (plan.system.testReport)" : nil
            }
        }
    }

    /// A gap in the plan file is not a gap in the filing: the finding says
    /// the record cannot be prepared from the plan, and claims no fine.
    func filingIncomplete(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        let missing = missingFilingData()
        if !missing.isEmpty {
            out.findings.append(finding(rule, message:
                "the \(reference(rule.article)) record cannot be prepared from this plan: it lacks " + missing.joined(separator: ", ")))
        }
        return out
    }

    /// Cameras in the plan that differ, by type, from those filed: a change
    /// that needs 备案变更 (Art. 14 ¶1).
    func filingChangeUnfiled(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        guard let filed = plan.metadata.system.filing else {
            // Nothing filed yet: the overdue rule speaks; once filed, say what.
            if plan.metadata.system.filedOn != nil { out.notEvaluated = "the plan gives no system.filing (what was filed)" }
            return out
        }
        var differences: [String] = []
        for type in Camera.CameraType.allCases {
            let planned = plan.cameras.filter { $0.type == type }.count
            let recorded = filed.cameras[type.rawValue] ?? 0
            if planned != recorded { differences.append("\(planned) \(type.rawValue) in the plan, \(recorded) filed") }
        }
        guard !differences.isEmpty else { return out }
        let when = filed.date.map { " on \($0)" } ?? ""
        out.findings.append(finding(rule, message:
            "the cameras differ from those filed\(when): \(differences.joined(separator: "; ")); once installed, the change must be filed (\(reference(rule.article)) 备案变更)"))
        return out
    }

    func retentionShort(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        guard let days = plan.metadata.system.retentionDays else {
            out.notEvaluated = "the plan gives no system.retentionDays"
            return out
        }
        if days < parameters.retentionDays {
            out.findings.append(finding(rule, message: "footage is kept \(days) days; \(reference(rule.article)) requires at least \(parameters.retentionDays)"))
        }
        return out
    }

    /// Footage kept far beyond the minimum with no stated reason: after 30
    /// days, what has served its purpose must be deleted.
    func retentionExcessive(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        guard let limit = parameters.overRetentionDays else { return out }
        guard let days = plan.metadata.system.retentionDays else {
            out.notEvaluated = "the plan gives no system.retentionDays"
            return out
        }
        if days >= limit, plan.metadata.system.retentionBasis?.isEmpty ?? true {
            out.findings.append(finding(rule, message:
                "footage is kept \(days) days (\(limit) or more) and the plan states no system.retentionBasis; after \(parameters.retentionDays) days, footage whose purpose is served must be deleted"))
        }
        return out
    }
}
