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
                lines.append("          \(f.citation.reference) · \(penalty(f.consequence))")
            }
        }
        let siteWide = report.findings.filter { $0.camera == nil }
        if !siteWide.isEmpty {
            lines.append("")
            lines.append("site and zones")
            for f in siteWide {
                lines.append("  \(f.severity.rawValue.padding(7)) \(f.rule)  \(f.message)")
                lines.append("          \(f.citation.reference) · \(penalty(f.consequence))")
            }
        }
        if !report.outcome.notApplied.isEmpty || !report.outcome.notEvaluated.isEmpty {
            lines.append("")
            lines.append("not applied or not evaluated")
            for (article, reason) in report.outcome.notApplied { lines.append("  \(article.reference) (\(article.title)): \(reason.en)") }
            for (rule, reason) in report.outcome.notEvaluated { lines.append("  \(rule): not evaluated, \(reason)") }
        }
        let warnings = plan.warnings + report.analysis.problems
        if !warnings.isEmpty {
            lines.append("")
            lines.append("input warnings")
            for w in warnings { lines.append("  \(w)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func penalty(_ c: Consequence) -> String {
        let fines = c.fines.map { "\($0.party) \(yuanRange($0))" }.joined(separator: ", ")
        var text = fines.isEmpty ? c.article : "\(c.article): \(fines)"
        if let condition = c.condition { text += ", \(condition)" }
        if fines.isEmpty, let first = c.measures.first { text += ": \(first)" }
        if let note = c.note { text += " (\(note))" }
        return text
    }
}


func thousands(_ n: Int) -> String {
    let s = String(n)
    var out = ""
    for (i, ch) in s.enumerated() {
        if i > 0, (s.count - i) % 3 == 0 { out.append(",") }
        out.append(ch)
    }
    return out
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

/// "¥10,000–20,000", "up to ¥10,000", "from ¥1,000", or "amount unclear".
func yuanRange(_ fine: Fine) -> String {
    switch (fine.minYuan, fine.maxYuan) {
    case let (lo?, hi?): "¥\(thousands(lo))–\(thousands(hi))"
    case let (nil, hi?): "up to ¥\(thousands(hi))"
    case let (lo?, nil): "from ¥\(thousands(lo))"
    case (nil, nil): "amount unclear"
    }
}
