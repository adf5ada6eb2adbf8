import SightlinePlan
import SightlineText

/// Duties a plan can record but not show: the daily management and
/// inspection of prohibited places (Art. 8 ¶2) and the system's acceptance
/// and archives (Art. 11). A plan that does not record one is not proof the
/// duty was neglected, so each finding is a warning that asks for the
/// record and claims no fine.
extension RuleContext {
    /// A public site holding prohibited places (in the rules' scope) whose
    /// plan records no `system.inspection`.
    func inspectionUnrecorded(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        guard plan.metadata.system.inspection == nil else { return out }
        let places = facts.zoneCategories.filter { profile.prohibited[$0] != nil && (privateScope?.contains($0) ?? true) }
        guard !places.isEmpty else { return out }
        out.findings.append(
            finding(rule) { l in
                let names = places.map { ZoneCategoryNames.name($0.rawValue, l) }.sorted()
                let provision = rule.citation.reference
                return l.t(
                    .messageInspectionUnrecorded, names.joined(separator: l.t(.listSeparator)),
                    l == .zh ? ArticleReference.zh(provision) : provision)
            })
        return out
    }

    /// Monitoring rooms (`monitoring_room` zones) whose plan does not record
    /// access control (`accessControl: true`): Art. 16 ¶2 (ii) asks for
    /// authorisation management and access control over who views footage.
    func monitoringRoomUncontrolled(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        for zone in plan.zones where zone.category == .monitoringRoom && zone.accessControl != true {
            let provision = rule.citation.reference
            out.findings.append(
                finding(rule, zone: zone) { l in
                    l.t(
                        zone.accessControl == false ? .messageMonitoringRoomOpen : .messageMonitoringRoomUnrecorded, describe(zone, l),
                        l == .zh ? ArticleReference.zh(provision) : provision)
                })
        }
        return out
    }

    /// A system in use (`commissionedOn`) whose plan records no
    /// `system.acceptance`.
    func acceptanceUnrecorded(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        let system = plan.metadata.system
        guard system.acceptance == nil, let commissioned = system.commissionedOn, commissioned <= asOf else { return out }
        out.findings.append(finding(rule) { l in l.t(.messageAcceptanceUnrecorded, l.date(commissioned), reference(rule.article, l)) })
        return out
    }
}
