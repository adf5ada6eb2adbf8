import SightlineEngine
import SightlinePlan
import SightlineRules

/// `--format markdown`: a summary and a findings table that read well pasted
/// into a ticket or a pull request. Every plan string is escaped.
public struct MarkdownReportRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        let plan = report.plan
        let site = plan.metadata.site
        let e = Escape.markdown
        var lines: [String] = []
        lines.append("## Sightline: \(report.verdict.uppercased()) — \(e(site.name ?? plan.file))")
        lines.append("")
        lines.append("**\(report.errorCount)** error\(report.errorCount == 1 ? "" : "s"), **\(report.warningCount)** warning\(report.warningCount == 1 ? "" : "s"), \(report.analysis.cameras.count) camera\(report.analysis.cameras.count == 1 ? "" : "s"); profile \(e(report.profile.id)) (\(e(report.profile.law.en))), as of \(report.asOf).")
        lines.append("")
        lines.append("| | |")
        lines.append("|---|---|")
        lines.append("| Site | \(e(site.name ?? "—")) |")
        lines.append("| Address | \(e(site.address ?? "—")) |")
        lines.append("| Operator | \(e(site.operatorName ?? "—")) (\(site.operatorKind.rawValue)) |")
        lines.append("| Plan | \(e(plan.file)) |")
        lines.append("| SHA-256 | `\(report.inputSHA256)` |")
        lines.append("| Tool | sightline \(e(report.toolVersion)) |")
        lines.append("")
        if report.findings.isEmpty {
            lines.append("No findings.")
        } else {
            lines.append("| # | Severity | Rule | Camera | Zone | Area m² | Detail | Article | Consequence |")
            lines.append("|---:|---|---|---|---|---:|---|---|---|")
            for (i, f) in report.findings.enumerated() {
                let zone = f.zone.map { z in e(z) + (f.zoneName.map { " (\(e($0)))" } ?? "") } ?? ""
                let article = "\(e(f.citation.reference)): \(e(f.citation.zh))<br>\(e(f.citation.en))"
                lines.append("| \(i + 1) | \(f.severity.rawValue) | \(e(f.rule)) | \(e(f.camera ?? "")) | \(zone) | \(f.area.map { DecimalText.fixed($0, 2) } ?? "") | \(e(f.dori ?? "")) | \(article) | \(e(f.consequenceSummary)) |")
            }
            lines.append("")
            lines.append("<details><summary>Messages</summary>")
            lines.append("")
            for (i, f) in report.findings.enumerated() { lines.append("\(i + 1). \(e(f.message))") }
            lines.append("")
            lines.append("</details>")
        }
        if !report.outcome.notApplied.isEmpty || !report.outcome.notEvaluated.isEmpty {
            lines.append("")
            for (a, reason) in report.outcome.notApplied { lines.append("- \(e(a.reference)) not applied: \(e(reason.en))") }
            for (rule, reason) in report.outcome.notEvaluated { lines.append("- \(e(rule)) not evaluated: \(e(reason))") }
        }
        if !report.outcome.notes.isEmpty {
            lines.append("")
            lines.append("**Notes** (Sightline's reading, not law text):")
            lines.append("")
            for note in report.outcome.notes { lines.append("- \(e(note.en)) \(e(note.zh))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
