import SightlineEngine
import SightlineJSON
import SightlinePlan
import SightlineRules
import SightlineText

/// `--format markdown`: a summary and a findings table that read well pasted
/// into a ticket or a pull request. Every plan string is escaped.
public struct MarkdownReportRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        let plan = report.plan
        let l = report.language
        let site = plan.metadata.site
        let e = Escape.markdown
        let verdict = l == .en ? report.verdict.uppercased() : l.t(report.verdict == "fail" ? .verdictFail : .verdictPass)
        var lines: [String] = []
        lines.append("## Sightline: \(verdict) — \(e(site.name ?? plan.file))")
        lines.append("")
        lines.append(
            l.t(
                .markdownSummary, l.count(report.errorCount, .errorsOne, .errorsMany),
                l.count(report.warningCount, .warningsOne, .warningsMany),
                l.count(report.analysis.cameras.count, .camerasOne, .camerasMany), e(report.profile.id),
                e(l == .zh ? report.profile.law.zh : report.profile.law.en), l.date(report.asOf)))
        lines.append("")
        lines.append("| | |")
        lines.append("|---|---|")
        lines.append("| \(l.t(.fieldSite)) | \(e(site.name ?? "—")) |")
        lines.append("| \(l.t(.fieldAddress)) | \(e(site.address ?? "—")) |")
        lines.append("| \(l.t(.fieldOperator)) | \(e(site.operatorName ?? "—")) (\(site.operatorKind.rawValue)) |")
        lines.append("| \(l == .en ? "Plan" : l.t(.fieldPlanFile)) | \(e(plan.file)) |")
        lines.append("| SHA-256 | `\(report.inputSHA256)` |")
        lines.append("| \(l.t(.fieldTool)) | sightline \(e(report.toolVersion)) |")
        lines.append("")
        if report.findings.isEmpty {
            lines.append(l.t(.noFindings))
        } else {
            let columns: [Phrase] = [
                .columnSeverity, .columnRule, .columnCamera, .columnZone, .columnArea, .columnDetail, .columnArticle, .columnConsequence,
            ]
            lines.append("| # | " + columns.map { l.t($0) }.joined(separator: " | ") + " |")
            lines.append("|---:|---|---|---|---|---:|---|---|---|")
            for (i, f) in report.findings.enumerated() {
                let zone = f.zoneID.map { z in e(z) + (f.zoneName.map { " (\(e($0)))" } ?? "") } ?? ""
                let article = l == .zh ? e(f.citation.zhCited) : "\(e(f.citation.reference)): \(e(f.citation.zh))<br>\(e(f.citation.en))"
                let severity = l == .en ? f.severity.rawValue : l.t(Phrase.severity(f.severity.rawValue))
                lines.append(
                    "| \(i + 1) | \(severity) | \(e(f.rule)) | \(e(f.cameraID ?? "")) | \(zone) | \(f.area.map { DecimalText.fixed($0, 2) } ?? "") | \(e(f.dori ?? "")) | \(article) | \(e(f.consequenceSummary(in: l))) |"
                )
            }
            lines.append("")
            lines.append("<details><summary>\(l.t(.messages))</summary>")
            lines.append("")
            for (i, f) in report.findings.enumerated() { lines.append("\(i + 1). \(e(f.message(in: l)))") }
            lines.append("")
            lines.append("</details>")
        }
        if !report.outcome.notApplied.isEmpty || !report.outcome.notEvaluated.isEmpty {
            lines.append("")
            for (a, reason) in report.outcome.notApplied {
                lines.append(
                    "- \(e(l == .zh ? ArticleReference.zh(a.reference) : a.reference)) \(l.t(.notApplied))\(l.t(.colon))\(e(l == .zh ? reason.zh : reason.en))"
                )
            }
            for (rule, reason) in report.outcome.notEvaluated {
                lines.append("- " + e(l.t(.notEvaluated, rule, report.outcome.notEvaluatedReason(rule, reason, l))))
            }
        }
        if !report.outcome.notes.isEmpty {
            lines.append("")
            lines.append(l.t(.markdownNotesHeading))
            lines.append("")
            for note in report.outcome.notes { lines.append(l == .en ? "- \(e(note.en)) \(e(note.zh))" : "- \(e(note.zh))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
