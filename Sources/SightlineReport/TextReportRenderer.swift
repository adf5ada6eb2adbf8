import SightlineEngine
import SightlineIO
import SightlineJSON
import SightlinePlan
import SightlineRules
import SightlineText

/// The default terminal format: a summary line, then findings grouped by
/// camera with ids, zone names and areas.
public struct TextReportRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        let plan = report.plan
        let l = report.language
        var lines: [String] = []
        let site = plan.metadata.site.name.map { " — \($0)" } ?? ""
        let verdict = l == .en ? report.verdict.uppercased() : l.t(report.verdict == "fail" ? .verdictFail : .verdictPass)
        lines.append(
            l.t(
                .textSummary, verdict, plan.file, site, l.count(report.analysis.cameras.count, .camerasOne, .camerasMany),
                l.count(report.errorCount, .errorsOne, .errorsMany), l.count(report.warningCount, .warningsOne, .warningsMany),
                report.profile.id))
        lines.append(l.t(.textInput, report.inputSHA256, report.toolVersion, l.date(report.asOf)))
        let byCamera = Dictionary(grouping: report.findings.filter { $0.camera != nil }, by: { $0.cameraID! })
        for c in report.analysis.cameras {
            guard let findings = byCamera[c.camera.id], !findings.isEmpty else { continue }
            lines.append("")
            lines.append(
                l.t(.textCamera, c.camera.id, c.camera.info.level, DecimalText.fixed(c.camera.heading, 1), DecimalText.fixed(c.viewArea, 2))
            )
            for f in findings {
                let zone = f.zoneID.map { z in f.zoneName.map { "\(z) \"\($0)\"" } ?? z } ?? "-"
                let area =
                    f.area.map { "  \(DecimalText.fixed($0, 2)) m²" }
                    ?? (f.distance.map { "  " + l.t(.textDistance, DecimalText.fixed($0, 2)) } ?? "")
                let dori =
                    f.dori.flatMap(DORILevel.init(rawValue:)).map {
                        l == .en ? "  \($0.rawValue) (\($0.meaning))" : "  " + l.t(Phrase.dori($0.rawValue))
                    } ?? ""
                lines.append("  \(severity(f, l).padding(7)) \(f.rule)  \(l.t(.textZone, zone))\(area)\(dori)")
                lines.append("          \(f.message(in: l))")
                lines += lawLines(f, l)
            }
        }
        let siteWide = report.findings.filter { $0.camera == nil }
        if !siteWide.isEmpty {
            lines.append("")
            lines.append(l.t(.textSiteAndZones))
            for f in siteWide {
                lines.append("  \(severity(f, l).padding(7)) \(f.rule)  \(f.message(in: l))")
                lines += lawLines(f, l)
            }
        }
        if !report.outcome.notApplied.isEmpty || !report.outcome.notEvaluated.isEmpty {
            lines.append("")
            lines.append(l.t(.textNotApplied))
            for (article, reason) in report.outcome.notApplied {
                lines.append(
                    "  \(l == .zh ? ArticleReference.zh(article.reference) : article.reference)\(l.t(.aside, article.title(in: l)))\(l.t(.colon))\(l == .zh ? reason.zh : reason.en)"
                )
            }
            for (rule, reason) in report.outcome.notEvaluated {
                lines.append("  " + l.t(.notEvaluated, rule, report.outcome.notEvaluatedReason(rule, reason, l)))
            }
        }
        if !report.outcome.notes.isEmpty {
            lines.append("")
            lines.append(l.t(.textNotes))
            for note in report.outcome.notes { lines.append("  \(l == .zh ? note.zh : note.en)") }
        }
        let warnings = plan.warnings + report.analysis.problems
        if !warnings.isEmpty {
            lines.append("")
            lines.append(l.t(.textInputWarnings))
            for w in warnings { lines.append("  \(w)") }
        }
        return TerminalText.lines(lines)
    }

    private func severity(_ f: Finding, _ l: Language) -> String { l.t(Phrase.severity(f.severity.rawValue)) }

    /// The provisions a finding rests on, each reference followed by its
    /// text (the statute's own words in Chinese), then every consequence on
    /// its own line.
    private func lawLines(_ f: Finding, _ l: Language) -> [String] {
        let provisions = ["          \(l == .zh ? f.citation.zhCited : f.citation.enCited)"]
        return provisions + f.consequences.map { "          → \($0.summary(in: l))" }
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
