import SightlineEngine
import SightlinePlan

/// Checks about the system's paperwork: filing (Order 799 Art. 14) and
/// retention (Art. 17).
extension RuleContext {
    /// When the filing is due, or why that cannot be said.
    func filingDue() -> (due: CalendarDate?, reason: String) {
        let system = plan.metadata.system
        if let before = parameters.preexistingBefore, let due = parameters.preexistingFilingDue,
           system.preexisting || (system.commissionedOn.map { $0 < before } ?? false) {
            return (due, "the system was in use before \(before), so the filing was due by \(due)")
        }
        guard let commissioned = system.commissionedOn else {
            return (nil, "the plan gives no system.commissionedOn")
        }
        guard let days = parameters.filingDays else {
            return (nil, "this profile sets no filing deadline for systems put into use from \(parameters.preexistingBefore.map(\.description) ?? "its entry into force")")
        }
        let due = commissioned.adding(days: days)
        return (due, "the system was put into use on \(commissioned), so the filing was due within \(days) days, by \(due)")
    }

    func filingOverdue(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        let (due, reason) = filingDue()
        guard let due else {
            out.notEvaluated = reason
            return out
        }
        // On time on the due date itself; overdue only once the check date is past it.
        guard asOf > due else { return out }
        let filed = plan.metadata.system.filedOn
        if let filed, filed <= due { return out }
        let late = (filed ?? asOf).dayNumber - due.dayNumber
        let status = filed.map { "it was filed on \($0), \(late) days late" } ?? "it has not been filed (\(late) days past due as of \(asOf))"
        out.findings.append(finding(rule, message: "Art. 14 filing overdue: \(reason); \(status)"))
        return out
    }

    func filingIncomplete(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        let meta = plan.metadata
        var missing: [String] = []
        if meta.site.operatorName?.isEmpty ?? true { missing.append("the operator's name (plan.site.operator.name)") }
        if meta.site.address?.isEmpty ?? true { missing.append("the system's location (plan.site.address)") }
        if meta.system.retentionDays == nil { missing.append("the storage period (plan.system.retentionDays)") }
        if plan.cameras.isEmpty { missing.append("any camera (the number and types of devices)") }
        if !missing.isEmpty {
            out.findings.append(finding(rule, message: "the filing lacks " + missing.joined(separator: ", ")))
        }
        return out
    }

    func retentionShort(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        guard let days = plan.metadata.system.retentionDays else {
            out.notEvaluated = "the plan gives no system.retentionDays"
            return out
        }
        if days < parameters.retentionDays {
            out.findings.append(finding(rule, message: "footage is kept \(days) days; at least \(parameters.retentionDays) are required"))
        }
        return out
    }
}
