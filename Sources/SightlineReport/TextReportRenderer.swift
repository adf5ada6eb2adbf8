import SightlineEngine
import SightlinePlan
import SightlineRules

/// The default terminal format: a summary line, then findings grouped by
/// camera with ids, zone names and areas.
public struct TextReportRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        let plan = report.plan
        var lines: [String] = []
        let site = plan.metadata.site.name.map { " — \($0)" } ?? ""
        let verdict = report.verdict.uppercased()
        lines.append("\(verdict): \(plan.file)\(site): \(report.analysis.cameras.count) camera\(report.analysis.cameras.count == 1 ? "" : "s"), \(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), \(report.warningCount) warning\(report.warningCount == 1 ? "" : "s") (profile \(report.profile.id))")
        lines.append("input sha256 \(report.inputSHA256) · sightline \(report.toolVersion) · as of \(report.asOf)")
        let byCamera = Dictionary(grouping: report.findings.filter { $0.camera != nil }, by: { $0.camera! })
        for c in report.analysis.cameras {
            guard let findings = byCamera[c.camera.id], !findings.isEmpty else { continue }
            lines.append("")
            lines.append("camera \(c.camera.id) (level \(c.camera.info.level), heading \(DecimalText.fixed(c.camera.heading, 1))°, view \(DecimalText.fixed(c.viewArea, 2)) m²)")
            for f in findings {
                let zone = f.zone.map { z in f.zoneName.map { "\(z) \"\($0)\"" } ?? z } ?? "-"
                let area = f.area.map { "  \(DecimalText.fixed($0, 2)) m²" } ?? (f.distance.map { "  at \(DecimalText.fixed($0, 2)) m" } ?? "")
                let dori = f.dori.flatMap(DORILevel.init(rawValue:)).map { "  \($0.rawValue) (\($0.meaning))" } ?? ""
                lines.append("  \(f.severity.rawValue.padding(7)) \(f.rule)  zone \(zone)\(area)\(dori)")
                lines += lawLines(f)
            }
        }
        let siteWide = report.findings.filter { $0.camera == nil }
        if !siteWide.isEmpty {
            lines.append("")
            lines.append("site and zones")
            for f in siteWide {
                lines.append("  \(f.severity.rawValue.padding(7)) \(f.rule)  \(f.message)")
                lines += lawLines(f)
            }
        }
        if !report.outcome.notApplied.isEmpty || !report.outcome.notEvaluated.isEmpty {
            lines.append("")
            lines.append("not applied or not evaluated")
            for (article, reason) in report.outcome.notApplied { lines.append("  \(article.reference) (\(article.title)): \(reason.en)") }
            for (rule, reason) in report.outcome.notEvaluated { lines.append("  \(rule): not evaluated, \(reason)") }
        }
        if !report.outcome.notes.isEmpty {
            lines.append("")
            lines.append("notes (Sightline's reading, not law text)")
            for note in report.outcome.notes { lines.append("  \(note.en)") }
        }
        let warnings = plan.warnings + report.analysis.problems
        if !warnings.isEmpty {
            lines.append("")
            lines.append("input warnings")
            for w in warnings { lines.append("  \(w)") }
        }
        return TerminalText.lines(lines)
    }

    /// The provisions a finding rests on, then every consequence on its own line.
    private func lawLines(_ f: Finding) -> [String] {
        ["          \(f.citation.reference)"] + f.consequences.map { "          → \($0.summary)" }
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
