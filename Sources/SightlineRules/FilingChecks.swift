import SightlineEngine
import SightlinePlan
import SightlineText

/// What the plan says about when the filing was due.
struct FilingDue {
    var due: CalendarDate?
    /// A contradiction in the plan's system record, reported with the finding.
    var contradiction: ((Language) -> String)? = nil
    /// How the due date follows from the plan, or why there is none, in
    /// every language.
    var says: (Language) -> String
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
        var contradiction: ((Language) -> String)?
        if let before = parameters.preexistingBefore, let due = parameters.preexistingFilingDue {
            if let commissioned = system.commissionedOn, commissioned >= before {
                if system.preexisting {
                    contradiction = { l in l.t(.noteSystemContradiction, l.date(before), l.date(commissioned)) }
                }
            } else if system.preexisting || system.commissionedOn != nil {
                return FilingDue(due: due, says: { l in l.t(.messageDuePreexisting, l.date(before), l.date(due)) })
            }
        }
        guard let commissioned = system.commissionedOn else {
            return FilingDue(due: nil, contradiction: contradiction, says: { $0.t(.reasonNoCommissioned) })
        }
        guard let days = parameters.filingDays else {
            return FilingDue(
                due: nil, contradiction: contradiction,
                says: { [from = parameters.preexistingBefore] l in l.t(.reasonNoDeadline, from.map(l.date) ?? l.t(.reasonEntryIntoForce)) })
        }
        let due = commissioned.adding(days: days)
        return FilingDue(
            due: due, contradiction: contradiction,
            says: { l in l.t(.messageDueCommissioned, l.date(commissioned), String(days), l.date(due)) })
    }

    func filingOverdue(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        let article = reference(rule.article)
        let due = filingDue()
        if let contradiction = due.contradiction {
            out.notes.append((-1, Text(.noteRecordContradicts) { [contradiction($0)] }))
        }
        guard let dueDate = due.due else {
            out.notEvaluated = due.says
            return out
        }
        // On time on the due date itself; overdue only once the check date is past it.
        guard asOf > dueDate else { return out }
        let filed = plan.metadata.system.filedOn
        if let filed, filed <= dueDate { return out }
        let late = (filed ?? asOf).dayNumber - dueDate.dayNumber
        let contradiction = due.contradiction
        var f = finding(rule) { l in
            let status =
                filed.map { l.t(.messageFiledLate, l.date($0), String(late)) } ?? l.t(.messageNotFiled, String(late), l.date(asOf))
            let aside = contradiction.map { l.t(.aside, $0(l)) } ?? ""
            return l.t(.messageOverdue, l == .zh ? ArticleReference.zh(article) : article, due.says(l), status, aside)
        }
        // A deadline on a rest day, met on the first working day after it:
        // on time if Civil Code Art. 203 moves the deadline, late if not.
        // Both readings are stated, as a warning; the rest day is only
        // mentioned where it changes the answer.
        if parameters.isRestDay(dueDate), (filed ?? asOf) <= parameters.firstWorkingDay(after: dueDate) {
            let next = parameters.firstWorkingDay(after: dueDate)
            let (source, sourceZh) = (parameters.holidaySource, parameters.holidaySourceZh ?? parameters.holidaySource)
            let message = f.message
            let messageZh = f.messageZh
            f.severity = .warning
            f.message =
                message
                + Language.en.t(
                    .messageRestDayReadings, Language.en.date(dueDate), source.map { Language.en.t(.noteHolidaySource, $0) } ?? "",
                    Language.en.date(next))
            f.messageZh =
                (messageZh ?? message)
                + Language.zh.t(
                    .messageRestDayReadings, Language.zh.date(dueDate), sourceZh.map { Language.zh.t(.noteHolidaySource, $0) } ?? "",
                    Language.zh.date(next))
        }
        // Filed late but filed: Art. 29's order to correct within a time
        // limit has nothing left to order, and its fine is for refusing to.
        if filed != nil {
            var made = Consequence(
                article: f.consequence.article, measures: [], fines: [], condition: nil, note: Language.en.t(.consequenceFilingMade))
            made.noteZh = Language.zh.t(.consequenceFilingMade)
            f.consequence = made
        }
        out.findings.append(f)
        return out
    }

    /// The data the profile's filing needs that the plan does not give.
    func missingFilingData(_ l: Language = .en) -> [String] {
        let meta = plan.metadata
        func blank(_ s: String?) -> Bool { s?.isEmpty ?? true }
        return parameters.filingData.compactMap { datum -> String? in
            switch datum {
            case .operatorName: blank(meta.site.operatorName) ? l.t(.dataOperatorName) : nil
            case .address: blank(meta.site.address) ? l.t(.dataAddress) : nil
            case .retentionDays: meta.system.retentionDays == nil ? l.t(.dataRetention) : nil
            case .cameras: facts.cameraCount == 0 ? l.t(.dataCameras) : nil
            case .designProgramme: blank(meta.system.designProgramme) ? l.t(.dataDesign) : nil
            case .testReport: blank(meta.system.testReport) ? l.t(.dataTest) : nil
            }
        }
    }

    /// A gap in the plan file is not a gap in the filing: the finding says
    /// the record cannot be prepared from the plan, and claims no fine.
    func filingIncomplete(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        if !missingFilingData().isEmpty {
            out.findings.append(
                finding(rule) { l in
                    l.t(.messageFilingIncomplete, reference(rule.article, l), missingFilingData(l).joined(separator: l.t(.listSeparator)))
                })
        }
        return out
    }

    /// Cameras in the plan that differ, by type, from those filed: a change
    /// that needs 备案变更 (Art. 14 ¶1).
    func filingChangeUnfiled(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        guard let filed = plan.metadata.system.filing else {
            // Nothing filed yet: the overdue rule speaks; once filed, say what.
            if plan.metadata.system.filedOn != nil { out.notEvaluated = { $0.t(.reasonNoFiling) } }
            return out
        }
        // The particulars Art. 14 ¶1 names that a plan shows: the cameras'
        // number and type, the storage period, the construction location
        // (compared where the filing records them).
        var differences: [(Language) -> String] = []
        for type in Camera.CameraType.allCases {
            let planned = facts.cameras(of: type)
            let recorded = filed.cameras[type.rawValue] ?? 0
            if planned != recorded {
                differences.append { l in l.t(.messageCameraDifference, String(planned), type.rawValue, String(recorded)) }
            }
        }
        if let recorded = filed.retentionDays, let planned = plan.metadata.system.retentionDays, planned != recorded {
            differences.append { l in l.t(.messageRetentionDifference, String(planned), String(recorded)) }
        }
        if let recorded = filed.address, let planned = plan.metadata.site.address, planned != recorded {
            differences.append { l in l.t(.messageAddressDifference, planned, recorded) }
        }
        guard !differences.isEmpty else { return out }
        out.findings.append(
            finding(rule) { l in
                let when = filed.date.map { l.t(.messageFiledOn, l.date($0)) } ?? ""
                let listed = differences.map { $0(l) }
                return l.t(.messageChangeUnfiled, when, listed.joined(separator: l == .zh ? "；" : "; "), reference(rule.article, l))
            })
        return out
    }

    func retentionShort(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        guard let days = plan.metadata.system.retentionDays else {
            out.notEvaluated = { $0.t(.reasonNoRetention) }
            return out
        }
        if days < parameters.retentionDays {
            out.findings.append(
                finding(rule) { l in
                    l.t(.messageRetentionShort, String(days), reference(rule.article, l), String(parameters.retentionDays))
                })
        }
        return out
    }

    /// Footage kept far beyond the minimum with no stated reason: after 30
    /// days, what has served its purpose must be deleted.
    func retentionExcessive(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        guard let limit = parameters.overRetentionDays else { return out }
        guard let days = plan.metadata.system.retentionDays else {
            out.notEvaluated = { $0.t(.reasonNoRetention) }
            return out
        }
        let basis = plan.metadata.system.retentionBasis.flatMap { $0.isEmpty ? nil : $0 }
        if days >= limit, !(basis.map(Self.namesLawOrRegulation) ?? false) {
            out.findings.append(
                finding(rule) { l in
                    l.t(
                        .messageRetentionExcessive, String(days), String(limit), String(parameters.retentionDays),
                        basis.map { l.t(.messageRetentionBasisNotLaw, $0) } ?? "")
                })
        }
        return out
    }

    /// Whether a stated retention basis names a law or an administrative
    /// regulation, the only sources Art. 17 defers to (法律、行政法规对…另有
    /// 规定的，从其规定): a title with 法 or 条例, or in English "Law",
    /// "Act" or "Regulation(s)". A contract, a policy or a wish does not.
    static func namesLawOrRegulation(_ basis: String) -> Bool {
        if basis.contains("法") || basis.contains("条例") { return true } // not prose: the words a law's or a regulation's title holds
        let words = basis.lowercased().split { !$0.isLetter }
        return words.contains { ["law", "act", "regulation", "regulations"].contains($0) }
    }
}
