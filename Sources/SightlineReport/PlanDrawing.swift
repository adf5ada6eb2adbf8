import PlanarGeometry
import SightlineEngine
import SightlineJSON
import SightlinePlan
import SightlineRules

/// One level of a plan as an SVG drawing, to scale, in local metres (y up
/// on the plan, so y is negated for SVG). Every string from the plan is
/// escaped; element ids are generated, never taken from the plan.
struct PlanDrawing {
    let report: CheckReport
    let level: Level
    /// Finding index (in the report's order) → anchor id.
    let findingAnchors: [Int: String]
    /// The level's features, and its cameras' and zones' indices in the
    /// report (the drawing's element ids).
    let contents: LevelContents
    let cameraIndices: [Int]
    let zoneIndices: [Int]

    private var plan: Plan { report.plan }

    /// Each level's camera and zone indices, grouped in one pass.
    static func indices(_ report: CheckReport) -> (cameras: [String: [Int]], zones: [String: [Int]]) {
        var cameras: [String: [Int]] = [:]
        var zones: [String: [Int]] = [:]
        for (i, c) in report.analysis.cameras.enumerated() { cameras[c.camera.info.level, default: []].append(i) }
        for (i, z) in report.plan.zones.enumerated() { zones[z.info.level, default: []].append(i) }
        return (cameras, zones)
    }

    /// What the drawing covers and the sizes derived from it, in metres: the
    /// features' and views' box, the margin round it, the label size, and
    /// the whole drawing's width and height (the SVG's viewBox).
    struct Layout {
        var box: Box
        var margin: Double
        var font: Double
        var extent: Double
        var width: Double { box.maxX - box.minX + 2 * margin }
        var height: Double { box.maxY - box.minY + 2 * margin + font * 3 }
    }

    var layout: Layout {
        let cameras = cameraIndices.map { report.analysis.cameras[$0] }
        var box =
            Box(
                covering: zoneIndices.flatMap { plan.zones[$0].polygons.flatMap(\.shell) }
                    + contents.walls.flatMap(wallPoints) + cameras.map(\.camera.position))
            ?? Box(minX: 0, minY: 0, maxX: 10, maxY: 10)
        for c in cameras { if let b = Box(covering: c.view) { box.include(b) } }
        let extent = max(box.maxX - box.minX, box.maxY - box.minY, 1)
        return Layout(box: box, margin: extent * 0.04 + 1, font: max(0.25, extent / 90), extent: extent)
    }

    /// The drawing as SVG; with `scale` (1:`scale`), sized in millimetres so
    /// it prints to that scale.
    func svg(scale: Double? = nil) -> String {
        let cameras = cameraIndices.map { ($0, report.analysis.cameras[$0]) }
        let zones = zoneIndices.map { ($0, plan.zones[$0]) }
        let walls = contents.walls
        let layout = self.layout
        let box = layout.box
        let margin = layout.margin
        let font = layout.font
        let extent = layout.extent
        var out = ""
        let width = box.maxX - box.minX + 2 * margin
        let height = box.maxY - box.minY + 2 * margin
        let size =
            scale.map {
                " width=\"\(DecimalText.trimmed(layout.width * 1000 / $0, 1))mm\" height=\"\(DecimalText.trimmed(layout.height * 1000 / $0, 1))mm\""
            } ?? ""
        out +=
            "<svg class=\"plan\" xmlns=\"http://www.w3.org/2000/svg\"\(size) viewBox=\"\(n(box.minX - margin)) \(n(-box.maxY - margin)) \(n(width)) \(n(height + font * 3))\" role=\"img\" aria-label=\"\(Escape.html(report.language.t(.drawingLabel, level.name ?? level.id)))\">\n"
        out +=
            "<defs><pattern id=\"hatch-\(Escape.identifier(level.id))\" width=\"\(n(font))\" height=\"\(n(font))\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"\(n(font))\" height=\"\(n(font))\" fill=\"\(DrawingPalette.colour("prohibited-fill"))\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"\(n(font))\" stroke=\"\(DrawingPalette.colour("prohibited"))\" stroke-width=\"\(n(font / 4))\"/></pattern></defs>\n"

        let labels = placeLabels(cameras: cameras, zones: zones, layout: layout)

        // Zones, filled by category; prohibited ones hatched red.
        out += "<g class=\"zones\">\n"
        for (index, zone) in zones {
            let prohibited = report.profile.prohibited[zone.category] != nil
            let cls = prohibited ? "zone prohibited" : (zone.category == .void ? "zone void" : "zone") // not prose: CSS classes
            // An inline style, because the stylesheet's zone fill would override an attribute.
            let fill = prohibited ? " style=\"fill:url(#hatch-\(Escape.identifier(level.id)))\"" : ""
            let label = "\(zone.category.rawValue) \(zone.id)\(zone.name.map { " — \($0)" } ?? "")"
            out +=
                "<path id=\"z\(index)\" class=\"\(cls)\"\(fill) d=\"\(path(zone.polygons))\"><title>\(Escape.html(label))</title></path>\n"
            if let label = labels.zones[index] { out += text(label, class: "zone-label") }
        }
        out += "</g>\n"

        // Views, highlighted from their camera.
        out += "<g class=\"views\">\n"
        for (index, c) in cameras where !c.view.isEmpty {
            // Each camera's cone in its own colour (golden-angle hues), so
            // overlapping cones stay apart.
            let hue = Int((Double(index) * 137.508).truncatingRemainder(dividingBy: 360))
            out +=
                "<path class=\"view\" data-cam=\"\(index)\" style=\"fill:hsl(\(hue),70%,50%);stroke:hsl(\(hue),70%,35%)\" d=\"\(path(c.view))\"/>\n"
            if !c.maskedView.isEmpty { out += "<path class=\"view masked\" data-cam=\"\(index)\" d=\"\(path(c.maskedView))\"/>\n" }
        }
        out += "</g>\n"

        // Evidence: intruding polygons, drawn under the walls and glass so
        // the opening that explains an intrusion stays visible; their area
        // labels go on top, after the walls.
        out += "<g class=\"intrusions\">\n"
        var areaLabels = ""
        for (index, f) in report.findings.enumerated() {
            guard let geometry = f.geometry, !geometry.isEmpty, let anchor = findingAnchors[index], drawnHere(f) else { continue }
            out +=
                "<path id=\"\(anchor)\" class=\"intrusion \(f.severity.rawValue)\" d=\"\(path(geometry))\"><title>\(Escape.html(f.message))</title></path>\n"
            if let label = labels.areas[index] { areaLabels += text(label, class: "area-label") }
        }
        out += "</g>\n"

        // Walls and openings.
        out += "<g class=\"walls\">\n"
        for wall in walls {
            var cls = "wall"
            if wall.material == .glass { cls += " glass" }
            if let h = wall.heightMetres, h < level.height { cls += " low" }
            let title =
                "<title>\(Escape.html("wall \(wall.id)\(wall.heightMetres.map { ", \(DecimalText.fixed($0, 2)) m high" } ?? "")\(wall.material == .glass ? ", glass" : "")"))</title>"
            switch wall.shape {
            case .lines(let lines):
                let d = lines.map { line in
                    line.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(n($0.element.x)) \(n(-$0.element.y))" }.joined()
                }.joined()
                out += "<path class=\"\(cls)\" d=\"\(d)\">\(title)</path>\n"
            case .polygons(let polygons):
                out += "<path class=\"\(cls) body\" d=\"\(path(polygons))\">\(title)</path>\n"
            }
        }
        for opening in contents.openings {
            let kind: String =
                switch opening.type {
                case .door: opening.state == .open ? "door open" : "door closed" // not prose: CSS classes
                case .window: opening.transparent ? "window" : "window frosted" // not prose: CSS classes
                case .passage: "passage"
                }
            let title =
                "<title>\(Escape.html("\(opening.type.rawValue) \(opening.id)\(opening.type == .door ? " (\(opening.state.rawValue))" : "")"))</title>"
            switch opening.shape {
            case .line(let points):
                out +=
                    "<path class=\"opening \(kind)\" d=\"\(points.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(n($0.element.x)) \(n(-$0.element.y))" }.joined())\">\(title)</path>\n"
            case .point(let p, let width):
                out += "<circle class=\"opening \(kind)\" cx=\"\(n(p.x))\" cy=\"\(n(-p.y))\" r=\"\(n(width / 2))\">\(title)</circle>\n"
            }
        }
        out += "</g>\n"

        out += "<g class=\"area-labels\">\n" + areaLabels + "</g>\n"

        // Signs and cameras.
        out += "<g class=\"signs\">\n"
        for sign in contents.signs {
            out +=
                "<rect class=\"sign\" x=\"\(n(sign.position.x - font / 2))\" y=\"\(n(-sign.position.y - font / 2))\" width=\"\(n(font))\" height=\"\(n(font))\"><title>\(Escape.html("sign \(sign.id)\(sign.text.map { ": \($0)" } ?? "")"))</title></rect>\n"
        }
        out += "</g>\n<g class=\"cameras\">\n"
        for (index, c) in cameras {
            let p = c.camera.position
            let tip = p + Point2.unit(bearingDegrees: c.camera.heading) * (font * 2.2)
            let flagged = report.findings.contains { $0.cameraID == c.camera.id && $0.severity == .error }
            out += "<g id=\"c\(index)\" class=\"camera\(flagged ? " flagged" : "")\" data-cam=\"\(index)\" tabindex=\"0\">"
            out +=
                "<title>\(Escape.html(report.language.t(.drawingCameraTooltip, c.camera.id, DecimalText.fixed(c.camera.heading, 1), DecimalText.fixed(c.viewArea, 2))))</title>"
            out += "<line x1=\"\(n(p.x))\" y1=\"\(n(-p.y))\" x2=\"\(n(tip.x))\" y2=\"\(n(-tip.y))\"/>"
            out += "<circle cx=\"\(n(p.x))\" cy=\"\(n(-p.y))\" r=\"\(n(font * 0.7))\"/>"
            out += (labels.cameras[index].map { text($0, class: "camera-label") } ?? "") + "</g>\n"
        }
        out += "</g>\n"
        out += scaleAndNorth(box: box, margin: margin, font: font, extent: extent)
        out += "</svg>\n"
        return out
    }

    /// Where every label of the drawing goes (``LevelLabels``): the
    /// intrusion findings drawn here, the cameras, the zones.
    private func placeLabels(cameras: [(Int, CameraAnalysis)], zones: [(Int, Zone)], layout: Layout) -> LevelLabels<Int> {
        let box = layout.box
        let margin = layout.margin
        let areas = report.findings.enumerated().compactMap { index, f -> (key: Int, text: String, anchor: Point2)? in
            guard let geometry = f.geometry, !geometry.isEmpty, findingAnchors[index] != nil, drawnHere(f), let area = f.area,
                let centre = Box(covering: geometry)?.center
            else { return nil }
            return (index, "\(DecimalText.fixed(area, 2)) m²", centre)
        }
        return LevelLabels(
            areas: areas, cameras: cameras.map { ($0.0, $0.1.camera.id, $0.1.camera.position) },
            zones: zones.compactMap { index, zone in Box(covering: zone.polygons).map { (index, zone.name ?? zone.id, $0) } },
            bounds: Box(minX: box.minX - margin, minY: box.minY - margin, maxX: box.maxX + margin, maxY: box.maxY + margin),
            font: layout.font)
    }

    /// A placed label, with its leader line when it sits away from what it names.
    private func text(_ label: LevelLabels<Int>.Label, class cls: String) -> String {
        var out = ""
        if let leader = label.leader {
            out += "<path class=\"leader\" d=\"M\(n(leader.from.x)) \(n(-leader.from.y))L\(n(leader.to.x)) \(n(-leader.to.y))\"/>"
        }
        out +=
            "<text class=\"\(cls)\" x=\"\(n(label.centre.x))\" y=\"\(n(-label.centre.y))\" font-size=\"\(n(label.size))\">\(Escape.html(label.text))</text>\n"
        return out
    }

    /// Whether a finding's evidence belongs on this level's drawing.
    private func drawnHere(_ f: Finding) -> Bool {
        if let zoneLevel = f.level { return zoneLevel == level.id }
        return false
    }

    /// A scale bar of a round length about a fifth of the drawing, and a north arrow.
    private func scaleAndNorth(box: Box, margin: Double, font: Double, extent: Double) -> String {
        let target = extent / 5
        let lengths: [Double] = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
        let bar = lengths.last { $0 <= target } ?? 0.5
        let x0 = box.minX
        let y0 = -box.minY + margin * 0.5
        var out = "<g class=\"scale\">"
        out += "<rect x=\"\(n(x0))\" y=\"\(n(y0))\" width=\"\(n(bar / 2))\" height=\"\(n(font / 2))\" fill=\"#222\"/>"
        out +=
            "<rect x=\"\(n(x0 + bar / 2))\" y=\"\(n(y0))\" width=\"\(n(bar / 2))\" height=\"\(n(font / 2))\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"\(n(font / 20))\"/>"
        out += "<text x=\"\(n(x0))\" y=\"\(n(y0 + font * 1.6))\" font-size=\"\(n(font))\">0</text>"
        out +=
            "<text x=\"\(n(x0 + bar))\" y=\"\(n(y0 + font * 1.6))\" font-size=\"\(n(font))\" text-anchor=\"middle\">\(DecimalText.fixed(bar, bar < 1 ? 1 : 0)) m</text>"
        let nx = box.maxX
        let ny = y0 + font * 1.6
        out +=
            "<path d=\"M\(n(nx)) \(n(ny - font * 2.5))L\(n(nx - font * 0.6)) \(n(ny - font * 0.8))L\(n(nx)) \(n(ny - font * 1.2))L\(n(nx + font * 0.6)) \(n(ny - font * 0.8))Z\" fill=\"#222\"/>"
        out += "<text x=\"\(n(nx))\" y=\"\(n(ny))\" font-size=\"\(n(font))\" text-anchor=\"middle\">N</text>"
        return out + "</g>\n"
    }

    private func wallPoints(_ wall: Wall) -> [Point2] {
        switch wall.shape {
        case .lines(let lines): lines.flatMap { $0 }
        case .polygons(let polygons): polygons.flatMap(\.shell)
        }
    }

    /// SVG path data for polygons with holes (even-odd fill).
    private func path(_ polygons: [PolygonRings]) -> String {
        var d = ""
        for polygon in polygons {
            for ring in [polygon.shell] + polygon.holes where !ring.isEmpty {
                d += "M\(n(ring[0].x)) \(n(-ring[0].y))"
                for p in ring.dropFirst() { d += "L\(n(p.x)) \(n(-p.y))" }
                d += "Z"
            }
        }
        return d
    }

    /// The drawing's stylesheet and its legend's swatches: shared by the HTML
    /// report and the PDF drawing set, so both draw a plan the same way.
    static let css = """
        svg .zone{fill:#f3f3f1;stroke:#bbb;stroke-width:1px;vector-effect:non-scaling-stroke}
        svg .zone.void{fill:#fff;stroke-dasharray:4 3} svg .zone.prohibited{stroke:var(--prohibited);stroke-width:2px}
        svg .zone-label{fill:#333;font-weight:600;text-anchor:middle;dominant-baseline:middle}
        svg .view{fill:#ffd60a;fill-opacity:.22;stroke:#e0a800;stroke-opacity:.5;stroke-width:.6px;vector-effect:non-scaling-stroke;fill-rule:evenodd}
        svg .view.masked{fill:#888;fill-opacity:.18;stroke-dasharray:3 2}
        svg .view.hl{fill-opacity:.55;stroke-opacity:1;stroke-width:2px} svg .view.dim{fill-opacity:.05;stroke-opacity:.15}
        svg .wall{fill:none;stroke:var(--wall);stroke-width:2.5px;vector-effect:non-scaling-stroke;stroke-linecap:square}
        svg .wall.body{fill:var(--wall-body)} svg .wall.glass{stroke:var(--glass);stroke-width:2px} svg .wall.low{stroke:var(--wall-low);stroke-dasharray:5 3}
        svg .opening{fill:none;stroke-width:4px;vector-effect:non-scaling-stroke}
        svg .door.open,svg .passage{stroke:var(--door-open)} svg .door.closed{stroke:var(--door-closed)} svg .window{stroke:var(--glass)} svg .window.frosted{stroke:var(--frosted)}
        svg .intrusion{fill:var(--intrusion);fill-opacity:.7;stroke:var(--intrusion-edge);stroke-width:1.5px;vector-effect:non-scaling-stroke}
        svg .intrusion.warning{fill:var(--intrusion-warning)} svg .intrusion:target{stroke:#000;stroke-width:4px}
        svg .area-label{fill:var(--intrusion-label);font-weight:700;text-anchor:middle;dominant-baseline:middle;paint-order:stroke;stroke:#fff;stroke-width:.08px}
        svg .camera-label{text-anchor:middle;dominant-baseline:middle;paint-order:stroke;stroke:#fff;stroke-width:.12px}
        svg .leader{fill:none;stroke:var(--intrusion-label);stroke-width:.8px;vector-effect:non-scaling-stroke}
        svg .sign{fill:var(--sign);stroke:#fff;stroke-width:1px;vector-effect:non-scaling-stroke}
        svg .camera{cursor:pointer} svg .camera circle{fill:var(--camera);stroke:#fff;stroke-width:1.5px;vector-effect:non-scaling-stroke}
        svg .camera line{stroke:var(--camera);stroke-width:2px;vector-effect:non-scaling-stroke} svg .camera text{fill:var(--camera);font-weight:600}
        svg .camera.flagged circle{fill:var(--error)} svg .camera.pinned circle{stroke:#ffd60a;stroke-width:3px}
        svg .camera:target circle,svg .zone:target{stroke:#000;stroke-width:4px}
        .legend .key{display:inline-block;width:14px;height:10px;margin:0 4px 0 12px;vertical-align:middle;border:1px solid #999}
        .key.prohibited{background:repeating-linear-gradient(45deg,var(--prohibited) 0 2px,var(--prohibited-fill) 2px 5px)} .key.view{background:linear-gradient(90deg,hsl(0,70%,60%),hsl(137,70%,60%),hsl(275,70%,60%))}
        .key.intrusion{background:var(--intrusion)} .key.door-open{background:var(--door-open)} .key.door-closed{background:var(--door-closed)} .key.glass{background:var(--glass)}
        """

    /// Centimetre precision is plenty for a drawing.
    private func n(_ x: Double) -> String { DecimalText.trimmed(x, 2) }
}
