import SightlineEngine
import SightlineJSON
import SightlinePlan
import SightlineRules
import SightlineText

/// `--format html`: one self-contained page (no network, no external
/// scripts or fonts) that opens in any browser and prints: a summary, one
/// collapsible drawing per level, and the findings table, each row linked to
/// its evidence in the drawing.
public struct HTMLReportRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        let plan = report.plan
        let l = report.language
        let site = plan.metadata.site
        // Anchors: intrusion polygons get `f<n>`; other findings point at their camera or zone.
        var anchors: [Int: String] = [:]
        var links: [Int: String] = [:]
        let cameraIndex = Dictionary(report.analysis.cameras.enumerated().map { ($1.camera.id, $0) }) { a, _ in a }
        let zoneIndex = Dictionary(plan.zones.enumerated().map { ($1.id, $0) }) { a, _ in a }
        for (i, f) in report.findings.enumerated() {
            if f.geometry.map({ !$0.isEmpty }) ?? false {
                anchors[i] = "f\(i)"
                links[i] = "f\(i)"
            } else if let camera = f.cameraID, let c = cameraIndex[camera] {
                links[i] = "c\(c)"
            } else if let zone = f.zoneID, let z = zoneIndex[zone] {
                links[i] = "z\(z)"
            }
        }

        var html = """
            <!DOCTYPE html>
            <html lang="\(l == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="sightline \(Escape.html(report.toolVersion))">
            <title>\(l.t(.htmlTitle)) — \(Escape.html(site.name ?? plan.file))</title>
            <style>\(Self.css)</style>
            </head>
            <body>

            """
        let verdict = report.verdict
        let verdictWord = l == .en ? verdict.uppercased() : l.t(verdict == "fail" ? .verdictFail : .verdictPass)
        html += "<header><h1>\(l.t(.htmlTitle)) <span class=\"verdict \(verdict)\">\(verdictWord)</span></h1>\n"
        html +=
            "<p class=\"lede\">\(Escape.html(l.t(.htmlLede, site.name ?? l.t(.unnamedSite), l.count(report.errorCount, .errorsOne, .errorsMany), l.count(report.warningCount, .warningsOne, .warningsMany), l.count(report.analysis.cameras.count, .camerasOne, .camerasMany), l == .zh ? report.profile.law.zh : report.profile.law.en)))</p>\n"
        html += "<table class=\"summary\">\n"
        let rows: [(String, String)] = [
            (l.t(.fieldSite), "\(site.name ?? "—")\(site.id.map { " (\($0))" } ?? "")"),
            (l.t(.fieldAddress), site.address ?? "—"),
            (l.t(.fieldOperator), "\(site.operatorName ?? "—") (\(site.operatorKind.rawValue))"),
            (l.t(.fieldPlace), site.placeCategory.rawValue),
            (l.t(.fieldProfile), "\(report.profile.id): \(report.profile.law.zh)"),
            (l.t(.fieldCheckedAsOf), l.date(report.asOf)),
            (l.t(.fieldPlanFile), plan.file),
            (l.t(.fieldSHA256), report.inputSHA256),
            (l.t(.fieldTool), "sightline \(report.toolVersion)"),
        ]
        for (k, v) in rows { html += "<tr><th>\(Escape.html(k))</th><td>\(Escape.html(v))</td></tr>\n" }
        html += "</table>\n"
        if let note = report.profile.note(in: l) { html += "<p class=\"note\">\(Escape.html(note))</p>\n" }
        if !report.outcome.notApplied.isEmpty || !report.outcome.notEvaluated.isEmpty {
            html += "<ul class=\"not-applied\">\n"
            for (a, reason) in report.outcome.notApplied {
                if l == .zh {
                    html +=
                        "<li>\(Escape.html(l.t(.notAppliedArticle, ArticleReference.zh(a.reference), a.title(in: l), reason.zh)))</li>\n"
                } else {
                    html +=
                        "<li>\(Escape.html(l.t(.notAppliedArticle, a.reference, a.title(in: l), reason.en))) <span lang=\"zh\">\(Escape.html(reason.zh))</span></li>\n"
                }
            }
            for (rule, reason) in report.outcome.notEvaluated {
                html += "<li>\(Escape.html(l.t(.notEvaluated, rule, report.outcome.notEvaluatedReason(rule, reason, l))))</li>\n"
            }
            html += "</ul>\n"
        }
        if !report.outcome.notes.isEmpty {
            html += "<p class=\"note\">\(Escape.html(l.t(.notesHeading)))</p>\n<ul class=\"notes\">\n"
            for note in report.outcome.notes {
                html +=
                    l == .zh
                    ? "<li>\(Escape.html(note.zh))</li>\n"
                    : "<li>\(Escape.html(note.en)) <span lang=\"zh\">\(Escape.html(note.zh))</span></li>\n"
            }
            html += "</ul>\n"
        }
        html += "</header>\n<main>\n"

        // Drawings, one per level; levels with findings open.
        html += "<section class=\"levels\"><h2>\(l.t(.htmlPlans))</h2>\n"
        html +=
            "<p class=\"legend no-print\">\(Escape.html(l.t(.htmlLegend))) "
            + [
                ("prohibited", Phrase.legendProhibited), ("view", .legendView), ("intrusion", .legendIntrusionError),
                ("door-open", .legendOpenDoor),
                ("door-closed", .legendClosedDoor), ("glass", .legendGlass),
            ]
            .map { "<span class=\"key \($0.0)\"></span> \(Escape.html(l.t($0.1)))" }.joined(separator: " ") + "</p>\n"
        let many = plan.levels.count > 3
        let contents = plan.contentsByLevel()
        let indices = PlanDrawing.indices(report)
        let findingsPerLevel = Dictionary(report.findings.compactMap(\.level).map { ($0, 1) }, uniquingKeysWith: +)
        for level in plan.levels {
            let count = findingsPerLevel[level.id] ?? 0
            let cameras = indices.cameras[level.id]?.count ?? 0
            let open = !many || count > 0
            html +=
                "<details\(open ? " open" : "")><summary>\(Escape.html(l.t(.htmlLevelSummary, level.name ?? level.id, l.count(cameras, .camerasOne, .camerasMany), l.count(count, .findingsOne, .findingsMany))))</summary>\n"
            html +=
                "<p class=\"zoom no-print\"><button type=\"button\" data-zoom=\"in\" title=\"\(Escape.html(l.t(.htmlZoomIn)))\">+</button>"
                + "<button type=\"button\" data-zoom=\"out\" title=\"\(Escape.html(l.t(.htmlZoomOut)))\">−</button>"
                + "<button type=\"button\" data-zoom=\"reset\">\(Escape.html(l.t(.htmlZoomReset)))</button> "
                + "<small>\(Escape.html(l.t(.htmlZoomHint)))</small></p>\n"
            html += PlanDrawing(
                report: report, level: level, findingAnchors: anchors, contents: contents[level.id] ?? LevelContents(),
                cameraIndices: indices.cameras[level.id] ?? [], zoneIndices: indices.zones[level.id] ?? []
            ).svg()
            html += "</details>\n"
        }
        html += "</section>\n"

        // Findings.
        html += "<section class=\"findings\"><h2>\(l.t(.htmlFindings))</h2>\n"
        if report.findings.isEmpty {
            html += "<p>\(l.t(.noFindings))</p>\n"
        } else {
            let columns: [Phrase] = [
                .columnSeverity, .columnRule, .columnCamera, .columnZone, .columnLevel, .columnArea, .columnDetail, .columnArticle,
                .columnConsequence,
            ]
            html += "<table><thead><tr><th>#</th>" + columns.map { "<th>\(l.t($0))</th>" }.joined() + "</tr></thead><tbody>\n"
            for (i, f) in report.findings.enumerated() {
                let number = links[i].map { "<a href=\"#\($0)\">\(i + 1)</a>" } ?? "\(i + 1)"
                let zone = f.zoneID.map { z in Escape.html(z) + (f.zoneName.map { "<br><small>\(Escape.html($0))</small>" } ?? "") } ?? ""
                let detail = f.dori.map { "\(Escape.html($0))\(f.pixelDensity.map { " (\(Int($0.rounded())) px/m)" } ?? "")" } ?? ""
                let severity = l == .en ? f.severity.rawValue : l.t(Phrase.severity(f.severity.rawValue))
                html +=
                    "<tr class=\"\(f.severity.rawValue)\"><td>\(number)</td><td>\(severity)</td><td><code>\(Escape.html(f.rule))</code><br><small>\(Escape.html(f.message(in: l)))</small></td>"
                html += "<td>\(Escape.html(f.cameraID ?? ""))</td><td>\(zone)</td><td>\(Escape.html(f.level ?? ""))</td>"
                html += "<td class=\"num\">\(f.area.map { DecimalText.fixed($0, 2) } ?? "")</td><td>\(detail)</td>"
                if l == .zh {
                    html +=
                        "<td><b>\(Escape.html(f.citation.reference(in: l)))</b><br><span lang=\"zh\">\(Escape.html(f.citation.zhCited))</span></td>"
                } else {
                    html +=
                        "<td><b>\(Escape.html(f.citation.reference))</b><br><span lang=\"zh\">\(Escape.html(f.citation.zh))</span><br><small>\(Escape.html(f.citation.en))</small></td>"
                }
                html += "<td>\(f.consequences.map { Escape.html($0.summary(in: l)) }.joined(separator: "<br>"))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        html += "</section>\n</main>\n"
        html += "<footer>\(Escape.html(l.t(.htmlFooter, report.toolVersion, plan.file, report.inputSHA256)))</footer>\n"
        html += "<script>\(Self.script)</script>\n</body>\n</html>\n"
        return html
    }

    static let css = """
        :root{--ink:#1d1d1f;--muted:#666;--error:#c1121f;--warning:#b56b00;--ok:#2b8a3e}
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;color:var(--ink);margin:0 auto;max-width:1200px;padding:16px 24px}
        h1{font-size:22px;margin:0 0 4px} h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}
        .verdict{font-size:14px;padding:2px 10px;border-radius:10px;color:#fff;vertical-align:middle}
        .verdict.fail{background:var(--error)} .verdict.pass{background:var(--ok)}
        .lede{color:var(--muted);margin:0 0 12px} .note{color:var(--muted);font-size:12px}
        table{border-collapse:collapse;width:100%} th,td{text-align:left;vertical-align:top;padding:4px 6px;border-bottom:1px solid #eee}
        table.summary{width:auto} table.summary th{color:var(--muted);font-weight:normal;padding-right:16px}
        td.num{text-align:right;white-space:nowrap} tr.error td:nth-child(2){color:var(--error);font-weight:600} tr.warning td:nth-child(2){color:var(--warning);font-weight:600}
        .findings td small{color:var(--muted)} code{font-size:12px}
        details{border:1px solid #ddd;border-radius:6px;margin:8px 0;padding:4px 8px} summary{cursor:pointer;font-weight:600}
        svg.plan{width:100%;height:auto;max-height:78vh;display:block;margin:6px 0;background:#fff;touch-action:none;cursor:grab}
        p.zoom{margin:4px 0} p.zoom button{font:inherit;min-width:2em;margin-right:4px} p.zoom small{color:var(--muted)}
        \(PlanDrawing.css)
        footer{color:var(--muted);font-size:12px;margin:24px 0}
        @media print{body{max-width:none;padding:0} .no-print{display:none} details{border:none;page-break-inside:avoid} svg.plan{max-height:none} a{color:inherit;text-decoration:none}}
        """

    static let script = """
        (function(){
          function views(svg,id){return svg.querySelectorAll('.view[data-cam="'+id+'"]');}
          document.querySelectorAll('svg.plan').forEach(function(svg){
            var pinned=null;
            function show(id){svg.querySelectorAll('.view').forEach(function(v){v.classList.toggle('hl',v.getAttribute('data-cam')===id);v.classList.toggle('dim',id!==null&&v.getAttribute('data-cam')!==id);});}
            svg.querySelectorAll('.camera').forEach(function(c){
              var id=c.getAttribute('data-cam');
              c.addEventListener('mouseenter',function(){show(id);});
              c.addEventListener('mouseleave',function(){show(pinned);});
              c.addEventListener('click',function(){pinned=(pinned===id)?null:id;svg.querySelectorAll('.camera').forEach(function(o){o.classList.toggle('pinned',o.getAttribute('data-cam')===pinned);});show(pinned);});
            });
          });
          // Zoom (wheel, or the + and − buttons) about a point and pan (drag) by
          // changing the drawing's viewBox; Fit, a double-click and printing
          // restore the whole level.
          document.querySelectorAll('svg.plan').forEach(function(svg){
            var home=svg.getAttribute('viewBox').split(/[ ,]+/).map(Number),box=home.slice();
            function set(b){box=b;svg.setAttribute('viewBox',b.join(' '));}
            function zoom(k,cx,cy){set([cx-(cx-box[0])*k,cy-(cy-box[1])*k,box[2]*k,box[3]*k]);}
            function at(e){var r=svg.getBoundingClientRect();return [box[0]+(e.clientX-r.left)/r.width*box[2],box[1]+(e.clientY-r.top)/r.height*box[3]];}
            svg.addEventListener('wheel',function(e){e.preventDefault();var p=at(e);zoom(e.deltaY>0?1.25:0.8,p[0],p[1]);},{passive:false});
            var drag=null;
            svg.addEventListener('pointerdown',function(e){if(e.button===0){drag={x:e.clientX,y:e.clientY,b:box.slice()};}});
            window.addEventListener('pointermove',function(e){if(!drag)return;var r=svg.getBoundingClientRect();
              set([drag.b[0]-(e.clientX-drag.x)/r.width*drag.b[2],drag.b[1]-(e.clientY-drag.y)/r.height*drag.b[3],drag.b[2],drag.b[3]]);});
            window.addEventListener('pointerup',function(){drag=null;});
            svg.addEventListener('dblclick',function(){set(home.slice());});
            var bar=svg.previousElementSibling;
            if(bar&&bar.classList.contains('zoom'))bar.querySelectorAll('button').forEach(function(b){b.addEventListener('click',function(){
              var z=b.getAttribute('data-zoom');if(z==='reset'){set(home.slice());}else{zoom(z==='in'?0.8:1.25,box[0]+box[2]/2,box[1]+box[3]/2);}});});
            window.addEventListener('beforeprint',function(){set(home.slice());});
          });
          document.querySelectorAll('a[href^="#"]').forEach(function(a){a.addEventListener('click',function(){var t=document.getElementById(a.getAttribute('href').slice(1));var d=t&&t.closest('details');if(d){d.open=true;}});});
          window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true;});});
        })();
        """
}
