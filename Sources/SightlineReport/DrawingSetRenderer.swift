import PlanarGeometry
import SightlineEngine
import SightlinePlan
import SightlineRules

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
        let contents = plan.contentsByLevel()
        let indices = PlanDrawing.indices(report)
        let sheetCount = plan.levels.count + 3
        var html = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="generator" content="sightline \(Escape.html(report.toolVersion))">
        <title>\(Escape.html(plan.metadata.site.name ?? plan.file)) — 视频监控隐私合规审查图册 CCTV privacy review drawing set</title>
        <style>\(css)</style>
        </head>
        <body>

        """
        html += cover(report, sheetCount: sheetCount)
        var anchors: [Int: String] = [:]
        for (i, f) in report.findings.enumerated() where f.geometry.map({ !$0.isEmpty }) ?? false { anchors[i] = "f\(i)" }
        for (n, level) in plan.levels.enumerated() {
            let drawing = PlanDrawing(report: report, level: level, findingAnchors: anchors, contents: contents[level.id] ?? LevelContents(),
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
        let plan = report.plan, site = plan.metadata.site
        let verdict = report.verdict
        var out = "<section class=\"sheet cover\">\n"
        out += "<h1>公共安全视频图像信息系统 隐私合规审查图册<br><small>CCTV privacy compliance review — drawing set</small></h1>\n"
        out += "<p class=\"verdict \(verdict)\">\(verdict == "fail" ? "不符合 FAIL" : "符合 PASS") — \(report.errorCount) 项错误 error\(report.errorCount == 1 ? "" : "s"), \(report.warningCount) 项警告 warning\(report.warningCount == 1 ? "" : "s"), \(report.analysis.cameras.count) 台摄像机 camera\(report.analysis.cameras.count == 1 ? "" : "s")</p>\n"
        out += "<table class=\"facts\">\n"
        let rows: [(String, String)] = [
            ("场所 Site", "\(site.name ?? "—")\(site.id.map { " (\($0))" } ?? "")"),
            ("地址 Address", site.address ?? "—"),
            ("运营单位 Operator", "\(site.operatorName ?? "—")\(site.operatorCreditCode.map { " · \($0)" } ?? "") (\(site.operatorKind.rawValue))"),
            ("场所类别 Place", site.placeCategory.rawValue),
            ("依据 Rulebook", "\(report.profile.id): \(report.profile.law.zh) / \(report.profile.law.en)"),
            ("审查日期 Checked as of", report.asOf.description),
            ("图纸文件 Plan file", plan.file),
            ("证据哈希 Evidence (SHA-256 of the plan)", report.inputSHA256),
            ("工具 Tool", "sightline \(report.toolVersion)"),
        ]
        for (k, v) in rows { out += "<tr><th>\(Escape.html(k))</th><td>\(Escape.html(v))</td></tr>\n" }
        out += "</table>\n"
        if let note = report.profile.note { out += "<p class=\"note\">\(Escape.html(note))</p>\n" }
        if !report.outcome.notes.isEmpty {
            out += "<p class=\"note\">说明（Sightline 的解读，非法律原文）Notes — Sightline's reading, not the law's text:</p>\n<ul class=\"notes\">\n"
            for note in report.outcome.notes { out += "<li>\(Escape.html(note.zh)) <span class=\"en\">\(Escape.html(note.en))</span></li>\n" }
            out += "</ul>\n"
        }
        out += "<div class=\"cover-foot\">\n<table class=\"index\"><tr><th colspan=\"2\">图纸目录 Sheets</th></tr>\n"
        out += "<tr><td>\(sheetNumber(1, sheetCount))</td><td>封面 Cover</td></tr>\n"
        for (n, level) in plan.levels.enumerated() {
            out += "<tr><td>\(sheetNumber(n + 2, sheetCount))</td><td>\(Escape.html(level.name ?? level.id)) 平面图 plan</td></tr>\n"
        }
        out += "<tr><td>\(sheetNumber(sheetCount - 1, sheetCount))</td><td>摄像机一览表及检查结果 Camera schedule and findings</td></tr>\n"
        out += "<tr><td>\(sheetNumber(sheetCount, sheetCount))</td><td>附录：引用条文 Appendix: provisions cited</td></tr>\n</table>\n"
        out += "<table class=\"signature\"><tr><th>审核人签字 Inspector's signature</th><th>日期 Date</th><th>单位盖章 Stamp</th></tr>"
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
        let cameras = drawing.cameraIndices.count
        let findings = report.findings.filter { $0.level == level.id }
        var out = "<section class=\"sheet level\">\n<div class=\"frame\">\n<div class=\"drawing\">\n"
        out += drawing.svg(scale: scale)
        out += "</div>\n<aside class=\"legend\">\n<h3>图例 Legend</h3>\n<ul>\n"
        let keys: [(String, String)] = [
            ("<rect width=\"10\" height=\"6\" fill=\"#fde2e2\" stroke=\"#d62828\"/><line x1=\"0\" y1=\"6\" x2=\"6\" y2=\"0\" stroke=\"#d62828\"/>", "禁止区域 prohibited zone (Art. 8)"),
            ("<rect width=\"10\" height=\"6\" fill=\"#f3f3f1\" stroke=\"#bbb\"/>", "其他区域 other zone"),
            ("<rect width=\"10\" height=\"6\" fill=\"hsl(137,70%,50%)\" fill-opacity=\".35\"/>", "视野 view (one colour per camera)"),
            ("<rect width=\"10\" height=\"6\" fill=\"#888\" fill-opacity=\".3\" stroke=\"#888\" stroke-dasharray=\"2 1\"/>", "遮蔽视野 masked view"),
            ("<rect width=\"10\" height=\"6\" fill=\"#e5007e\" fill-opacity=\".7\"/>", "侵入 intrusion (error), area in m²"),
            ("<rect width=\"10\" height=\"6\" fill=\"#f77f00\" fill-opacity=\".7\"/>", "侵入 intrusion (warning)"),
            ("<line x1=\"0\" y1=\"3\" x2=\"10\" y2=\"3\" stroke=\"#111\" stroke-width=\"1.5\"/>", "墙 wall"),
            ("<line x1=\"0\" y1=\"3\" x2=\"10\" y2=\"3\" stroke=\"#777\" stroke-width=\"1.5\" stroke-dasharray=\"3 1.5\"/>", "矮墙 low wall"),
            ("<line x1=\"0\" y1=\"3\" x2=\"10\" y2=\"3\" stroke=\"#4ea8de\" stroke-width=\"1.5\"/>", "玻璃 / 窗 glass, window"),
            ("<line x1=\"0\" y1=\"3\" x2=\"10\" y2=\"3\" stroke=\"#2b8a3e\" stroke-width=\"2.5\"/>", "开启的门 / 通道 open door, passage"),
            ("<line x1=\"0\" y1=\"3\" x2=\"10\" y2=\"3\" stroke=\"#7f4f24\" stroke-width=\"2.5\"/>", "关闭的门 closed door"),
            ("<rect x=\"3\" y=\"1\" width=\"4\" height=\"4\" fill=\"#2b8a3e\"/>", "警示标识 warning sign"),
            ("<circle cx=\"5\" cy=\"3\" r=\"2.5\" fill=\"#1d3557\"/>", "摄像机 camera (id beside it)"),
            ("<circle cx=\"5\" cy=\"3\" r=\"2.5\" fill=\"#c1121f\"/>", "有错误的摄像机 camera with an error"),
        ]
        for (swatch, text) in keys {
            out += "<li><svg width=\"10mm\" height=\"6mm\" viewBox=\"0 0 10 6\">\(swatch)</svg> \(Escape.html(text))</li>\n"
        }
        out += "</ul>\n<p>\(cameras) 台摄像机 camera\(cameras == 1 ? "" : "s") · \(findings.count) 项结果 finding\(findings.count == 1 ? "" : "s")</p>\n"
        out += "<p class=\"note\">比例以 \(paper.name) 横向打印为准 Scale true when printed on \(paper.name) landscape at 100 %.</p>\n"
        out += "</aside>\n</div>\n"
        out += titleBlock(report, drawingTitle: "\(level.name ?? level.id) 平面图 — 摄像机视野与禁止区域 / plan: camera views and prohibited zones",
                          scale: "1:\(DecimalText.fixed(scale, 0)) (\(paper.name))", sheet: sheetNumber(sheet, count))
        return out + "</section>\n"
    }

    private func titleBlock(_ report: CheckReport, drawingTitle: String, scale: String, sheet: String) -> String {
        let site = report.plan.metadata.site
        var out = "<table class=\"title-block\"><tr>"
        out += "<td><b>项目 Site</b><br>\(Escape.html(site.name ?? "—"))<br><small>\(Escape.html(site.address ?? ""))</small></td>"
        out += "<td class=\"wide\"><b>图名 Drawing</b><br>\(Escape.html(drawingTitle))</td>"
        out += "<td><b>比例 Scale</b><br>\(Escape.html(scale))</td>"
        out += "<td><b>图号 Sheet</b><br>\(Escape.html(sheet))</td>"
        out += "<td><b>日期 Date</b><br>\(Escape.html(report.asOf.description))</td>"
        out += "<td><b>结论 Verdict</b><br>\(report.verdict == "fail" ? "不符合 FAIL" : "符合 PASS")</td>"
        out += "<td><b>制图 Drawn</b><br>sightline \(Escape.html(report.toolVersion))<br><small>SHA-256 \(Escape.html(String(report.inputSHA256.prefix(16))))…</small></td>"
        out += "<td class=\"sign\"><b>审核 Checked</b></td>"
        return out + "</tr></table>\n"
    }

    /// The finding number printed on every sheet (the HTML report's `#`).
    static func number(_ index: Int) -> String { "F-\(index < 9 ? "0" : "")\(index + 1)" }

    /// Each distinct consequence once, keyed `C-1`, `C-2`… in the order
    /// findings first carry them: the findings table names the key, the
    /// appendix spells it out, so a measure and its fines are printed once,
    /// not on every finding.
    struct ConsequenceKeys {
        private(set) var summaries: [String] = []
        private var index: [String: Int] = [:]
        init(_ findings: [Finding]) {
            for f in findings {
                for c in f.consequences where index[c.summary] == nil {
                    index[c.summary] = summaries.count
                    summaries.append(c.summary)
                }
            }
        }
        func key(_ summary: String) -> String { index[summary].map { "C-\($0 + 1)" } ?? "" }
    }

    private func schedule(_ report: CheckReport, consequences: ConsequenceKeys, sheet: Int, of count: Int) -> String {
        var out = "<section class=\"sheet tables\">\n<h2>摄像机一览表 Camera schedule</h2>\n"
        out += "<table class=\"schedule\"><thead><tr><th>编号 Id</th><th>楼层 Level</th><th>类型 Type</th><th>镜头 Lens</th><th>安装高度 Mount m</th><th>朝向 Heading °</th><th>俯角 Tilt °</th><th>水平视角 HFOV °</th><th>距离 Range m</th><th>最远侵入处像素密度 px/m at farthest intrusion</th></tr></thead><tbody>\n"
        for c in report.analysis.cameras {
            let camera = c.camera
            var lens = "—"
            if let l = camera.lens {
                let focal = l.focalLengthMaxMM.map { "\(DecimalText.trimmed(l.focalLengthMM, 1))–\(DecimalText.trimmed($0, 1)) mm" }
                    ?? "\(DecimalText.trimmed(l.focalLengthMM, 1)) mm"
                lens = focal + (l.sensorFormat.map { " \($0)" } ?? "")
            }
            if let r = camera.resolution { lens += " · \(r.width)×\(r.height)" }
            let farthest = c.intrusions.flatMap { $0.polygons.flatMap(\.shell) }.map { ($0 - camera.position).length }.max()
            let density = farthest.flatMap { d in c.optics.density.map { DecimalText.fixed($0.at(d), 0) } }
                ?? (c.intrusions.isEmpty ? "—" : "no resolution given")
            out += "<tr><td>\(Escape.html(camera.id))</td><td>\(Escape.html(camera.info.level))</td><td>\(camera.type.rawValue)</td><td>\(Escape.html(lens))</td>"
            out += "<td class=\"num\">\(DecimalText.fixed(camera.mountHeight, 2))</td><td class=\"num\">\(DecimalText.fixed(camera.heading, 1))</td>"
            out += "<td class=\"num\">\(DecimalText.fixed(camera.tilt, 1))</td><td class=\"num\">\(DecimalText.fixed(c.optics.hfov, 1))</td>"
            out += "<td class=\"num\">\(DecimalText.fixed(c.optics.range, 1))</td><td class=\"num\">\(Escape.html(density))</td></tr>\n"
        }
        out += "</tbody></table>\n"
        out += "<h2>检查结果（按摄像机）Findings by camera</h2>\n"
        if report.findings.isEmpty { out += "<p>无 None.</p>\n" }
        var groups: [(String?, [Int])] = []
        var position: [String: Int] = [:]
        for (i, f) in report.findings.enumerated() {
            let key = f.camera ?? ""
            if let at = position[key] { groups[at].1.append(i) } else {
                position[key] = groups.count
                groups.append((f.camera, [i]))
            }
        }
        // Camera groups in the report's order, site-wide findings last.
        groups.sort { ($0.0 == nil ? 1 : 0) < ($1.0 == nil ? 1 : 0) }
        for (camera, list) in groups {
            out += "<h3>\(camera.map { "摄像机 Camera \(Escape.html($0))" } ?? "全场所 Site-wide")</h3>\n"
            out += "<table class=\"findings\"><thead><tr><th>编号 No.</th><th>严重程度 Severity</th><th>规则与说明 Rule</th><th>区域 Zone</th><th>面积 Area m²</th><th>条文 Article</th><th>后果 Consequence (appendix)</th></tr></thead><tbody>\n"
            for i in list {
                let f = report.findings[i]
                var zone = f.zone.map { z in Escape.html(z) + (f.zoneName.map { "<br>\(Escape.html($0))" } ?? "") } ?? ""
                if let category = f.zoneCategory { zone += "<br><small>\(Escape.html(ZoneCategoryNames.label(category)))</small>" }
                out += "<tr class=\"\(f.severity.rawValue)\"><td>\(Self.number(i))</td><td>\(f.severity == .error ? "错误 error" : f.severity == .warning ? "警告 warning" : "提示 info")</td>"
                out += "<td><code>\(Escape.html(f.rule))</code><br><small>\(Escape.html(f.message(in: report.language)))</small></td><td>\(zone)</td>"
                out += "<td class=\"num\">\(f.area.map { DecimalText.fixed($0, 2) } ?? "")</td><td>\(Escape.html(f.citation.reference))</td>"
                out += "<td>\(f.consequences.map { consequences.key($0.summary) }.joined(separator: ", "))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += titleBlock(report, drawingTitle: "摄像机一览表及检查结果 / camera schedule and findings", scale: "—", sheet: sheetNumber(sheet, count))
        return out + "</section>\n"
    }

    private func appendix(_ report: CheckReport, consequences: ConsequenceKeys, sheet: Int, of count: Int) -> String {
        var out = "<section class=\"sheet tables\">\n<h2>附录：引用条文 Appendix: provisions cited</h2>\n"
        out += "<p class=\"note\">\(Escape.html(report.profile.law.zh)) / \(Escape.html(report.profile.law.en)). 中文为原文，英文为译文 The Chinese is the text of the law; the English is a translation.</p>\n"
        var seen = Set<String>()
        out += "<table class=\"provisions\"><tbody>\n"
        for f in report.findings {
            for p in f.citation.provisions where seen.insert(p.reference + "\u{0}" + p.zh).inserted {
                out += "<tr><th>\(Escape.html(p.reference))</th><td><p class=\"zh\">\(Escape.html(p.zh))</p><p class=\"en\">\(Escape.html(p.en))</p></td></tr>\n"
            }
        }
        out += "</tbody></table>\n"
        if seen.isEmpty { out += "<p>无 None.</p>\n" }
        if !consequences.summaries.isEmpty {
            out += "<h3>法律后果 Consequences the law sets, as the findings cite them</h3>\n<table class=\"provisions\"><tbody>\n"
            for (i, summary) in consequences.summaries.enumerated() {
                out += "<tr><th>C-\(i + 1)</th><td>\(Escape.html(summary))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += titleBlock(report, drawingTitle: "附录：引用条文 / appendix: provisions cited", scale: "—", sheet: sheetNumber(sheet, count))
        return out + "</section>\n"
    }

    // MARK: Style

    private var css: String {
        let size = paper.size
        let inner = size.height - Self.margin - Self.bottomMargin
        return """
        @page{size:\(paper.name) landscape;margin:\(Int(Self.margin))mm \(Int(Self.margin))mm \(Int(Self.bottomMargin))mm;
          @bottom-right{content:"第 " counter(page) " 页 共 " counter(pages) " 页 · page " counter(page) " of " counter(pages);font-size:8pt;color:#555}
          @bottom-left{content:"Sightline — CCTV privacy review";font-size:8pt;color:#555}}
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
