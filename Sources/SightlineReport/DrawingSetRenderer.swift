import PlanarGeometry
import SightlineEngine
import SightlineJSON
import SightlinePlan
import SightlineRules
import SightlineText

/// The drawing set an inspector signs, as print HTML (`--format pdf` prints
/// it through headless Chromium, ``PDFPrinter``): a cover sheet (site,
/// operator, profile, date, verdict, evidence hash, signature and stamp
/// boxes, sheet index), one landscape sheet per level with the plan drawn to
/// a stated scale (the largest of 1:50, 1:100, 1:150, 1:200, 1:300, 1:500 … 1:10000 that fits, after GB/T 50001), its legend,
/// north arrow, scale bar and title block, a camera schedule and the
/// findings grouped by camera, and an appendix quoting each cited provision
/// once in Chinese and English. Labels are bilingual (Chinese first).
///
/// Every string from the plan is escaped; the page has no script.
public struct DrawingSetRenderer: ReportRenderer {
    public enum Paper: String, CaseIterable, Sendable {
        case a3, a4
        /// Landscape width and height, mm.
        var size: (width: Double, height: Double) { self == .a3 ? (420, 297) : (297, 210) }
        var legendWidth: Double { self == .a3 ? 78 : 62 }
        var titleBlockHeight: Double { self == .a3 ? 30 : 26 }
        var name: String { rawValue.uppercased() }
    }

    public var paper: Paper
    public init(paper: Paper = .a3) { self.paper = paper }

    /// Page margins, mm (the bottom one holds the page number).
    static let margin = 10.0, bottomMargin = 13.0

    /// The drawing scales offered, as their denominators.
    static let scales: [Double] = [50, 100, 150, 200, 300, 500, 1000, 2000, 5000, 10000]

    /// The scale (denominator) a drawing of `width` × `height` metres is
    /// printed at in an area of `areaWidth` × `areaHeight` mm: the largest
    /// standard scale at which it fits, or for a site too large for
    /// 1:10000 the exact scale that fits it.
    public static func scale(width: Double, height: Double, areaWidth: Double, areaHeight: Double) -> Double {
        let needed = max(width * 1000 / areaWidth, height * 1000 / areaHeight)
        return scales.first { $0 >= needed } ?? (needed / 1000).rounded(.up) * 1000
    }

    public func render(_ report: CheckReport) -> String {
        let plan = report.plan
        let l = report.language
        let contents = plan.contentsByLevel()
        let indices = PlanDrawing.indices(report)
        let sheetCount = plan.levels.count + 3
        var html = """
            <!DOCTYPE html>
            <html lang="\(l == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="generator" content="sightline \(Escape.html(report.toolVersion))">
            <title>\(Escape.html(plan.metadata.site.name ?? plan.file)) — \(l.t(.sheetTitle))</title>
            <style>\(css(l))</style>
            </head>
            <body>

            """
        html += cover(report, sheetCount: sheetCount)
        var anchors: [Int: String] = [:]
        for (i, f) in report.findings.enumerated() where f.geometry.map({ !$0.isEmpty }) ?? false { anchors[i] = "f\(i)" }
        for (n, level) in plan.levels.enumerated() {
            let drawing = PlanDrawing(
                report: report, level: level, findingAnchors: anchors, contents: contents[level.id] ?? LevelContents(),
                cameraIndices: indices.cameras[level.id] ?? [], zoneIndices: indices.zones[level.id] ?? [])
            html += levelSheet(report, drawing: drawing, sheet: n + 2, of: sheetCount)
        }
        let consequences = ConsequenceKeys(report.findings)
        html += schedule(report, consequences: consequences, sheet: sheetCount - 1, of: sheetCount)
        html += appendix(report, consequences: consequences, sheet: sheetCount, of: sheetCount)
        html += "</body>\n</html>\n"
        return html
    }

    // MARK: Sheets

    private func sheetNumber(_ n: Int, _ of: Int) -> String { "S-\(n < 10 ? "0" : "")\(n) / \(of)" }

    private func cover(_ report: CheckReport, sheetCount: Int) -> String {
        let plan = report.plan
        let site = plan.metadata.site
        let l = report.language
        let verdict = report.verdict
        var out = "<section class=\"sheet cover\">\n"
        out += "<h1>\(l.t(.sheetHeading))</h1>\n"
        let counts = [
            l.count(report.errorCount, .errorsOne, .errorsMany), l.count(report.warningCount, .warningsOne, .warningsMany),
            l.count(report.analysis.cameras.count, .camerasOne, .camerasMany),
        ].joined(separator: l.t(.commaSeparator))
        out += "<p class=\"verdict \(verdict)\">\(l.t(verdict == "fail" ? .verdictFail : .verdictPass)) — \(counts)</p>\n"
        out += "<table class=\"facts\">\n"
        let rows: [(String, String)] = [
            (l.t(.fieldSite), "\(site.name ?? "—")\(site.id.map { " (\($0))" } ?? "")"),
            (l.t(.fieldAddress), site.address ?? "—"),
            (
                l.t(.fieldOperator),
                "\(site.operatorName ?? "—")\(site.operatorCreditCode.map { " · \($0)" } ?? "") (\(site.operatorKind.rawValue))"
            ),
            (l.t(.fieldPlace), site.placeCategory.rawValue),
            (l.t(.sheetRulebook), "\(report.profile.id): \(l == .zh ? report.profile.law.zh : report.profile.law.en)"),
            (l.t(.fieldCheckedAsOf), l.date(report.asOf)),
            (l.t(.fieldPlanFile), plan.file),
            (l.t(.sheetEvidence), report.inputSHA256),
            (l.t(.fieldTool), "sightline \(report.toolVersion)"),
        ]
        for (k, v) in rows { out += "<tr><th>\(Escape.html(k))</th><td>\(Escape.html(v))</td></tr>\n" }
        out += "</table>\n"
        if let note = report.profile.note(in: l) { out += "<p class=\"note\">\(Escape.html(note))</p>\n" }
        if !report.outcome.notes.isEmpty {
            out += "<p class=\"note\">\(l.t(.sheetNotes))</p>\n<ul class=\"notes\">\n"
            for note in report.outcome.notes { out += "<li>\(Escape.html(l == .zh ? note.zh : note.en))</li>\n" }
            out += "</ul>\n"
        }
        out += "<div class=\"cover-foot\">\n<table class=\"index\"><tr><th colspan=\"2\">\(l.t(.sheetIndex))</th></tr>\n"
        out += "<tr><td>\(sheetNumber(1, sheetCount))</td><td>\(l.t(.sheetCover))</td></tr>\n"
        for (n, level) in plan.levels.enumerated() {
            out +=
                "<tr><td>\(sheetNumber(n + 2, sheetCount))</td><td>\(Escape.html(l.t(.sheetLevelPlan, level.name ?? level.id)))</td></tr>\n"
        }
        out += "<tr><td>\(sheetNumber(sheetCount - 1, sheetCount))</td><td>\(l.t(.sheetScheduleAndFindings))</td></tr>\n"
        out += "<tr><td>\(sheetNumber(sheetCount, sheetCount))</td><td>\(l.t(.sheetAppendix))</td></tr>\n</table>\n"
        out += "<table class=\"signature\"><tr><th>\(l.t(.sheetSignature))</th><th>\(l.t(.sheetDate))</th><th>\(l.t(.sheetStamp))</th></tr>"
        out += "<tr><td></td><td></td><td class=\"stamp\"></td></tr></table>\n</div>\n"
        return out + "</section>\n"
    }

    private func levelSheet(_ report: CheckReport, drawing: PlanDrawing, sheet: Int, of count: Int) -> String {
        let size = paper.size
        let areaWidth = size.width - 2 * Self.margin - paper.legendWidth - 4
        let areaHeight = size.height - Self.margin - Self.bottomMargin - paper.titleBlockHeight - 4
        let layout = drawing.layout
        let scale = Self.scale(width: layout.width, height: layout.height, areaWidth: areaWidth, areaHeight: areaHeight)
        let level = drawing.level
        let l = report.language
        let cameras = drawing.cameraIndices.count
        let findings = report.findings.filter { $0.level == level.id }
        var out = "<section class=\"sheet level\">\n<div class=\"frame\">\n<div class=\"drawing\">\n"
        out += drawing.svg(scale: scale)
        out += "</div>\n<aside class=\"legend\">\n<h3>\(l.t(.sheetLegend))</h3>\n<ul>\n"
        let keys: [(String, Phrase)] = [
            (
                "<rect width=\"10\" height=\"6\" fill=\"#fde2e2\" stroke=\"#d62828\"/><line x1=\"0\" y1=\"6\" x2=\"6\" y2=\"0\" stroke=\"#d62828\"/>",
                .legendProhibited
            ),
            ("<rect width=\"10\" height=\"6\" fill=\"#f3f3f1\" stroke=\"#bbb\"/>", .legendOtherZone),
            ("<rect width=\"10\" height=\"6\" fill=\"hsl(137,70%,50%)\" fill-opacity=\".35\"/>", .legendView),
            ("<rect width=\"10\" height=\"6\" fill=\"#888\" fill-opacity=\".3\" stroke=\"#888\" stroke-dasharray=\"2 1\"/>", .legendMasked),
            ("<rect width=\"10\" height=\"6\" fill=\"#e5007e\" fill-opacity=\".7\"/>", .legendIntrusionError),
            ("<rect width=\"10\" height=\"6\" fill=\"#f77f00\" fill-opacity=\".7\"/>", .legendIntrusionWarning),
            ("<line x1=\"0\" y1=\"3\" x2=\"10\" y2=\"3\" stroke=\"#111\" stroke-width=\"1.5\"/>", .legendWall),
            (
                "<line x1=\"0\" y1=\"3\" x2=\"10\" y2=\"3\" stroke=\"#777\" stroke-width=\"1.5\" stroke-dasharray=\"3 1.5\"/>",
                .legendLowWall
            ),
            ("<line x1=\"0\" y1=\"3\" x2=\"10\" y2=\"3\" stroke=\"#4ea8de\" stroke-width=\"1.5\"/>", .legendGlass),
            ("<line x1=\"0\" y1=\"3\" x2=\"10\" y2=\"3\" stroke=\"#2b8a3e\" stroke-width=\"2.5\"/>", .legendOpenDoor),
            ("<line x1=\"0\" y1=\"3\" x2=\"10\" y2=\"3\" stroke=\"#7f4f24\" stroke-width=\"2.5\"/>", .legendClosedDoor),
            ("<rect x=\"3\" y=\"1\" width=\"4\" height=\"4\" fill=\"#2b8a3e\"/>", .legendSign),
            ("<circle cx=\"5\" cy=\"3\" r=\"2.5\" fill=\"#1d3557\"/>", .legendCamera),
            ("<circle cx=\"5\" cy=\"3\" r=\"2.5\" fill=\"#c1121f\"/>", .legendCameraError),
        ]
        for (swatch, text) in keys {
            out += "<li><svg width=\"10mm\" height=\"6mm\" viewBox=\"0 0 10 6\">\(swatch)</svg> \(Escape.html(l.t(text)))</li>\n"
        }
        out += "</ul>\n<p>\(l.count(cameras, .camerasOne, .camerasMany)) · \(l.count(findings.count, .findingsOne, .findingsMany))</p>\n"
        out += "<p class=\"note\">\(l.t(.sheetScaleNote, paper.name))</p>\n"
        out += "</aside>\n</div>\n"
        out += titleBlock(
            report, drawingTitle: l.t(.sheetLevelTitle, level.name ?? level.id),
            scale: "1:\(DecimalText.fixed(scale, 0)) (\(paper.name))", sheet: sheetNumber(sheet, count))
        return out + "</section>\n"
    }

    private func titleBlock(_ report: CheckReport, drawingTitle: String, scale: String, sheet: String) -> String {
        let site = report.plan.metadata.site
        let l = report.language
        var out = "<table class=\"title-block\"><tr>"
        out += "<td><b>\(l.t(.blockSite))</b><br>\(Escape.html(site.name ?? "—"))<br><small>\(Escape.html(site.address ?? ""))</small></td>"
        out += "<td class=\"wide\"><b>\(l.t(.blockDrawing))</b><br>\(Escape.html(drawingTitle))</td>"
        out += "<td><b>\(l.t(.blockScale))</b><br>\(Escape.html(scale))</td>"
        out += "<td><b>\(l.t(.blockSheet))</b><br>\(Escape.html(sheet))</td>"
        out += "<td><b>\(l.t(.sheetDate))</b><br>\(Escape.html(l.date(report.asOf)))</td>"
        out += "<td><b>\(l.t(.blockVerdict))</b><br>\(l.t(report.verdict == "fail" ? .verdictFail : .verdictPass))</td>"
        out +=
            "<td><b>\(l.t(.blockDrawn))</b><br>\(Escape.html(l.t(.blockTool, report.toolVersion)))<br><small>\(Escape.html(l.t(.blockHash, String(report.inputSHA256.prefix(16)))))</small></td>"
        out += "<td class=\"sign\"><b>\(l.t(.blockChecked))</b></td>"
        return out + "</tr></table>\n"
    }

    /// The finding number printed on every sheet (the HTML report's `#`).
    static func number(_ index: Int) -> String { "F-\(index < 9 ? "0" : "")\(index + 1)" }

    /// Each distinct consequence once, keyed `C-1`, `C-2`… in the order
    /// findings first carry them: the findings table names the key, the
    /// appendix spells it out, so a measure and its fines are printed once,
    /// not on every finding.
    struct ConsequenceKeys {
        private(set) var consequences: [Consequence] = []
        private var index: [String: Int] = [:]
        init(_ findings: [Finding]) {
            for f in findings {
                for c in f.consequences where index[c.summary] == nil {
                    index[c.summary] = consequences.count
                    consequences.append(c)
                }
            }
        }
        func key(_ summary: String) -> String { index[summary].map { "C-\($0 + 1)" } ?? "" }
    }

    private func schedule(_ report: CheckReport, consequences: ConsequenceKeys, sheet: Int, of count: Int) -> String {
        let l = report.language
        var out = "<section class=\"sheet tables\">\n<h2>\(l.t(.scheduleHeading))</h2>\n"
        let columns: [Phrase] = [
            .scheduleId, .columnLevel, .scheduleType, .scheduleLens, .scheduleMount, .scheduleHeadingDeg, .scheduleTilt,
            .scheduleHFOV, .scheduleRange, .scheduleDensity,
        ]
        out += "<table class=\"schedule\"><thead><tr>" + columns.map { "<th>\(l.t($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for c in report.analysis.cameras {
            let camera = c.camera
            var lens = "—"
            if let l = camera.lens {
                let focal =
                    l.focalLengthMaxMM.map { "\(DecimalText.trimmed(l.focalLengthMM, 1))–\(DecimalText.trimmed($0, 1)) mm" }
                    ?? "\(DecimalText.trimmed(l.focalLengthMM, 1)) mm"
                lens = focal + (l.sensorFormat.map { " \($0)" } ?? "")
            }
            if let r = camera.resolution { lens += " · \(r.width)×\(r.height)" }
            let farthest = c.intrusions.flatMap { $0.polygons.flatMap(\.shell) }.map { ($0 - camera.position).length }.max()
            let density =
                farthest.flatMap { d in c.optics.density.map { DecimalText.fixed($0.at(d), 0) } }
                ?? (c.intrusions.isEmpty ? "—" : l.t(.scheduleNoResolution))
            out +=
                "<tr><td>\(Escape.html(camera.id))</td><td>\(Escape.html(camera.info.level))</td><td>\(camera.type.rawValue)</td><td>\(Escape.html(lens))</td>"
            out +=
                "<td class=\"num\">\(DecimalText.fixed(camera.mountHeight, 2))</td><td class=\"num\">\(DecimalText.fixed(camera.heading, 1))</td>"
            out +=
                "<td class=\"num\">\(DecimalText.fixed(camera.tilt, 1))</td><td class=\"num\">\(DecimalText.fixed(c.optics.hfov, 1))</td>"
            out += "<td class=\"num\">\(DecimalText.fixed(c.optics.range, 1))</td><td class=\"num\">\(Escape.html(density))</td></tr>\n"
        }
        out += "</tbody></table>\n"
        out += "<h2>\(l.t(.findingsByCamera))</h2>\n"
        if report.findings.isEmpty { out += "<p>\(l.t(.none))</p>\n" }
        var groups: [(String?, [Int])] = []
        var position: [String: Int] = [:]
        for (i, f) in report.findings.enumerated() {
            let key = f.cameraID ?? ""
            if let at = position[key] {
                groups[at].1.append(i)
            } else {
                position[key] = groups.count
                groups.append((f.cameraID, [i]))
            }
        }
        // Camera groups in the report's order, site-wide findings last.
        groups.sort { ($0.0 == nil ? 1 : 0) < ($1.0 == nil ? 1 : 0) }
        for (camera, list) in groups {
            out += "<h3>\(Escape.html(camera.map { l.t(.findingsCamera, $0) } ?? l.t(.findingsSiteWide)))</h3>\n"
            let heads: [Phrase] = [
                .findingsNumber, .columnSeverity, .findingsRule, .columnZone, .columnArea, .columnArticle, .findingsConsequence,
            ]
            out += "<table class=\"findings\"><thead><tr>" + heads.map { "<th>\(l.t($0))</th>" }.joined() + "</tr></thead><tbody>\n"
            for i in list {
                let f = report.findings[i]
                var zone = f.zoneID.map { z in Escape.html(z) + (f.zoneName.map { "<br>\(Escape.html($0))" } ?? "") } ?? ""
                if let category = f.zoneCategory { zone += "<br><small>\(Escape.html(ZoneCategoryNames.name(category, l)))</small>" }
                out +=
                    "<tr class=\"\(f.severity.rawValue)\"><td>\(Self.number(i))</td><td>\(l.t(Phrase.severity(f.severity.rawValue)))</td>"
                out +=
                    "<td><code>\(Escape.html(f.rule))</code><br><small>\(Escape.html(f.message(in: report.language)))</small></td><td>\(zone)</td>"
                out +=
                    "<td class=\"num\">\(f.area.map { DecimalText.fixed($0, 2) } ?? "")</td><td>\(Escape.html(f.citation.reference(in: l)))</td>"
                out += "<td>\(f.consequences.map { consequences.key($0.summary) }.joined(separator: ", "))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += titleBlock(report, drawingTitle: l.t(.scheduleTitle), scale: "—", sheet: sheetNumber(sheet, count))
        return out + "</section>\n"
    }

    private func appendix(_ report: CheckReport, consequences: ConsequenceKeys, sheet: Int, of count: Int) -> String {
        let l = report.language
        var out = "<section class=\"sheet tables\">\n<h2>\(l.t(.sheetAppendix))</h2>\n"
        out +=
            "<p class=\"note\">\(Escape.html(report.profile.law.zh)) / \(Escape.html(report.profile.law.en)). \(l.t(.appendixNote))</p>\n"
        var seen = Set<String>()
        out += "<table class=\"provisions\"><tbody>\n"
        for f in report.findings {
            for p in f.citation.provisions where seen.insert(p.reference + "\u{0}" + p.zh).inserted {
                out +=
                    "<tr><th>\(Escape.html(l == .zh ? ArticleReference.zh(p.reference) : p.reference))</th><td><p class=\"zh\">\(Escape.html(p.zh))</p><p class=\"en\">\(Escape.html(p.en))</p></td></tr>\n"
            }
        }
        out += "</tbody></table>\n"
        if seen.isEmpty { out += "<p>\(l.t(.none))</p>\n" }
        if !consequences.consequences.isEmpty {
            out += "<h3>\(l.t(.appendixConsequences))</h3>\n<table class=\"provisions\"><tbody>\n"
            for (i, consequence) in consequences.consequences.enumerated() {
                out += "<tr><th>C-\(i + 1)</th><td>\(Escape.html(consequence.summary(in: l)))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += titleBlock(report, drawingTitle: l.t(.appendixTitle), scale: "—", sheet: sheetNumber(sheet, count))
        return out + "</section>\n"
    }

    // MARK: Style

    private func css(_ l: Language) -> String {
        let size = paper.size
        let inner = size.height - Self.margin - Self.bottomMargin
        return """
            @page{size:\(paper.name) landscape;margin:\(Int(Self.margin))mm \(Int(Self.margin))mm \(Int(Self.bottomMargin))mm;
              @bottom-right{content:\(l.t(.cssPageCounter));font-size:8pt;color:#555}
              @bottom-left{content:"Sightline — \(l.t(.sheetTitle))";font-size:8pt;color:#555}}
            :root{--ink:#1d1d1f;--muted:#666;--error:#c1121f;--warning:#b56b00;--ok:#2b8a3e}
            *{box-sizing:border-box}
            body{margin:0;font:9pt/1.35 "Noto Sans CJK SC","Noto Sans",sans-serif;color:#1d1d1f}
            .sheet{break-after:page;position:relative}
            .sheet.cover,.sheet.level{height:\(DecimalText.trimmed(inner - 1, 1))mm;overflow:hidden}
            .sheet:last-child{break-after:auto}
            h1{font-size:20pt;margin:0 0 6mm} h1 small{font-size:12pt;color:#555;font-weight:normal}
            h2{font-size:13pt;margin:0 0 3mm;border-bottom:.4mm solid #333} h3{font-size:10pt;margin:4mm 0 1.5mm}
            .verdict{font-size:14pt;font-weight:700;padding:2mm 4mm;display:inline-block;color:#fff;border-radius:2mm}
            .verdict.fail{background:#c1121f} .verdict.pass{background:#2b8a3e}
            table{border-collapse:collapse} th,td{text-align:left;vertical-align:top;padding:1mm 1.6mm;border:.2mm solid #999}
            table.facts th{width:62mm;background:#f4f4f2;font-weight:600} table.facts{margin:4mm 0;max-width:100%}
            .note{color:#555;font-size:8pt} ul.notes{font-size:8pt;margin:1mm 0 0 4mm;padding:0} .en{color:#555}
            .cover-foot{position:absolute;bottom:0;left:0;right:0;display:flex;gap:8mm;align-items:flex-end}
            table.index td:first-child{white-space:nowrap}
            table.signature{flex:1} table.signature td{height:28mm} table.signature td.stamp{width:45mm}
            .frame{display:flex;gap:4mm;height:calc(100% - \(DecimalText.trimmed(paper.titleBlockHeight + 2, 1))mm)}
            .drawing{flex:1;display:flex;align-items:center;justify-content:center;overflow:hidden;border:.3mm solid #333}
            .legend{width:\(DecimalText.trimmed(paper.legendWidth, 1))mm;border:.3mm solid #333;padding:2mm;font-size:8pt}
            .legend h3{margin:0 0 2mm} .legend ul{list-style:none;margin:0;padding:0} .legend li{margin:0 0 1.2mm;display:flex;gap:2mm;align-items:center}
            table.title-block{position:absolute;bottom:0;left:0;right:0;width:100%;height:\(DecimalText.trimmed(paper.titleBlockHeight, 1))mm;font-size:8pt}
            table.title-block td{border:.3mm solid #333} table.title-block td.wide{width:30%} table.title-block td.sign{width:14%}
            .sheet.tables{padding-bottom:\(DecimalText.trimmed(paper.titleBlockHeight + 4, 1))mm;min-height:\(DecimalText.trimmed(inner - 1, 1))mm}
            .sheet.tables table.title-block{position:absolute}
            table.schedule,table.findings,table.provisions{width:100%;font-size:8pt} thead{display:table-header-group} tr{break-inside:avoid}
            td.num{text-align:right;white-space:nowrap} tr.error td:nth-child(2){color:#c1121f;font-weight:700} tr.warning td:nth-child(2){color:#b56b00;font-weight:700}
            table.provisions th{width:28mm;white-space:nowrap} table.provisions p{margin:0 0 1mm} code{font-size:7.5pt}
            svg.plan{display:block;background:#fff}
            \(PlanDrawing.css)
            """
    }
}
