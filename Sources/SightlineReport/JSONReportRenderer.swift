import PlanarGeometry
import SightlineEngine
import SightlineJSON
import SightlinePlan
import SightlineRules

/// The machine-readable report (`--format json`): the fields the spec
/// requires (`findings[]` with `rule`, `severity`, `camera`, `zone`, `area`)
/// plus each camera's optics, view polygon and view area. Geometry is GeoJSON
/// in the plan's own coordinates and CRS; areas are m².
public struct JSONReportRenderer: ReportRenderer, JSONDocumentRenderer {
    public var includeViews = true
    public init(includeViews: Bool = true) { self.includeViews = includeViews }

    func write(_ report: CheckReport, into w: inout JSONWriter) {
        let plan = report.plan
        w.beginObject()
        Self.writeHead(
            &w,
            ReportHead(
                toolVersion: report.toolVersion, plan: plan, inputSHA256: report.inputSHA256, profile: report.profile,
                asOf: report.asOf, cameras: report.analysis.cameras.count, findings: report.findings.count,
                errors: report.errorCount, warnings: report.warningCount))
        Self.writeArticles(&w, report.profile, report.outcome)
        w.key("findings")
        writeFindings(&w, report)
        w.key("cameras")
        w.beginArray()
        for c in report.analysis.cameras { writeCamera(&w, c, frame: plan.frame) }
        w.endArray()
        Self.writeWarnings(&w, plan.warnings + report.analysis.problems)
        w.endObject()
    }

    /// What the report's head says: the tool, the input, the site and the
    /// summary.
    struct ReportHead {
        var toolVersion: String
        /// The plan's metadata (its features are not read).
        var plan: Plan
        var inputSHA256: String
        var profile: Profile
        var asOf: CalendarDate
        var cameras: Int
        var findings: Int
        var errors: Int
        var warnings: Int
    }

    /// The members before the law: the tool, the input, the site and the
    /// summary (`fail` when any finding is an error).
    static func writeHead(_ w: inout JSONWriter, _ head: ReportHead) {
        let plan = head.plan
        w.field("report", "sightline-report/1")
        w.key("tool")
        w.beginObject()
        w.field("name", "sightline")
        w.field("version", head.toolVersion)
        w.endObject()
        w.field("plan", plan.file)
        w.key("input")
        w.beginObject()
        w.field("path", plan.file)
        w.field("sha256", head.inputSHA256)
        w.endObject()
        w.field("profile", head.profile.id)
        w.field("asOf", head.asOf.description)
        w.key("site")
        w.beginObject()
        let site = plan.metadata.site
        w.field("id", site.id)
        w.field("name", site.name)
        w.field("address", site.address)
        w.field("placeCategory", site.placeCategory.rawValue)
        w.key("operator")
        w.beginObject()
        w.field("name", site.operatorName)
        w.field("kind", site.operatorKind.rawValue)
        w.endObject()
        w.endObject()
        w.field("crs", plan.metadata.crs.rawValue)
        w.field("units", plan.metadata.units.rawValue)
        w.key("summary")
        w.beginObject()
        w.field("verdict", head.errors > 0 ? "fail" : "pass")
        w.field("cameras", head.cameras)
        w.field("findings", head.findings)
        w.field("errors", head.errors)
        w.field("warnings", head.warnings)
        w.endObject()
    }

    /// One element of `cameras`: the camera's placement and optics, and
    /// its view polygons when the report includes them.
    func writeCamera(_ w: inout JSONWriter, _ c: CameraAnalysis, frame: CoordinateFrame) {
        let decimals = frame.outputDecimals
        let cam = c.camera
        w.beginObject()
        w.field("id", cam.id)
        w.field("level", cam.info.level)
        w.field("type", cam.type.rawValue)
        let p = frame.toPlan(cam.position)
        w.key("position")
        w.inlinePair(p.x, p.y, decimals: decimals)
        w.field("mountHeight", cam.mountHeight, decimals: 3)
        w.field("heading", cam.heading, decimals: 3)
        w.field("tilt", cam.tilt, decimals: 3)
        w.field("hfov", c.optics.hfov, decimals: 3)
        w.field("vfov", c.optics.vfov, decimals: 3)
        w.field("range", c.optics.range, decimals: 3)
        w.field("nearLimit", c.optics.nearLimit, decimals: 3)
        w.field("farLimit", c.optics.farLimit, decimals: 3)
        w.field("viewArea", c.viewArea, decimals: 4)
        if let density = c.optics.density {
            w.key("dori")
            w.beginObject()
            for (level, distance) in density.doriDistances { w.field(level.rawValue, distance, decimals: 2) }
            w.endObject()
        }
        if !c.camera.masks.isEmpty { w.field("maskedArea", c.maskedArea, decimals: 4) }
        if !c.notes.isEmpty {
            w.key("notes")
            w.beginArray()
            for n in c.notes { w.string(n) }
            w.endArray()
        }
        if includeViews {
            w.key("view")
            w.multiPolygon(c.view, frame: frame, decimals: decimals)
            if !c.camera.masks.isEmpty {
                w.key("maskedView")
                w.multiPolygon(c.maskedView, frame: frame, decimals: decimals)
            }
            if let below = c.belowLevel {
                w.field("belowLevel", below)
                w.key("viewBelow")
                w.multiPolygon(c.viewBelow, frame: frame, decimals: decimals)
            }
        }
        w.endObject()
    }

    /// The `warnings` member: the plan's, then the engine's.
    static func writeWarnings(_ w: inout JSONWriter, _ warnings: [PlanProblem]) {
        w.key("warnings")
        w.beginArray()
        for p in warnings {
            w.beginObject()
            w.field("feature", p.feature)
            w.field("property", p.property)
            w.field("message", p.message)
            w.endObject()
        }
        w.endArray()
    }

    /// The `findings` array alone, exactly as in the whole report (the live
    /// planner answers every edit with it), as UTF-8.
    public func renderFindings(_ report: CheckReport) -> [UInt8] {
        var w = JSONWriter()
        writeFindings(&w, report)
        return w.bytes
    }

    /// Writes the `findings` array as the next value of `w` (the planner
    /// nests it in its answers).
    public func writeFindings(_ w: inout JSONWriter, _ report: CheckReport) {
        let frame = report.plan.frame
        w.beginArray()
        for f in report.findings { Self.writeFinding(&w, f, frame: frame) }
        w.endArray()
    }

    /// One element of `findings`: the rule, the evidence, the law and its
    /// consequences.
    static func writeFinding(_ w: inout JSONWriter, _ f: Finding, frame: CoordinateFrame) {
        let decimals = frame.outputDecimals
        w.beginObject()
        w.field("rule", f.rule)
        w.field("severity", f.severity.rawValue)
        w.field("camera", f.cameraID)
        w.field("zone", f.zoneID)
        w.field("zoneName", f.zoneName)
        w.field("zoneCategory", f.zoneCategory)
        w.field("level", f.level)
        w.key("area")
        if let a = f.area { w.number(a, decimals: 4) } else { w.null() }
        if let d = f.distance { w.field("distance", d, decimals: 3) }
        if f.area != nil || f.pixelDensity != nil {
            w.key("pixelDensity")
            if let p = f.pixelDensity { w.number(p, decimals: 1) } else { w.null() }
            w.field("dori", f.dori)
        }
        w.field("message", f.message)
        if let zh = f.messageZh { w.field("messageZh", zh) }
        w.key("article")
        w.beginObject()
        w.field("ref", f.citation.reference)
        w.field("zh", f.citation.zh)
        w.field("en", f.citation.en)
        w.endObject()
        w.key("provisions")
        w.beginArray()
        for p in f.citation.provisions {
            w.beginObject()
            w.field("ref", p.reference)
            w.field("zh", p.zh)
            w.field("en", p.en)
            w.endObject()
        }
        w.endArray()
        w.key("consequence")
        Self.write(&w, f.consequence)
        if !f.furtherConsequences.isEmpty {
            w.key("furtherConsequences")
            w.beginArray()
            for c in f.furtherConsequences { Self.write(&w, c) }
            w.endArray()
        }
        if let g = f.geometry {
            w.key("geometry")
            w.multiPolygon(g, frame: frame, decimals: decimals)
        }
        w.endObject()
    }

    /// One consequence: the article, every measure and fine, the condition.
    private static func write(_ w: inout JSONWriter, _ c: Consequence) {
        w.beginObject()
        w.field("article", c.article)
        w.key("measures")
        w.beginArray()
        for m in c.measures { w.string(m) }
        w.endArray()
        w.key("fines")
        w.beginArray()
        for fine in c.fines {
            w.beginObject()
            w.field("party", fine.party)
            if let payer = fine.payer { w.field("payer", payer) }
            w.key("minYuan")
            if let v = fine.minYuan { w.integer(v) } else { w.null() }
            w.key("maxYuan")
            if let v = fine.maxYuan { w.integer(v) } else { w.null() }
            if let note = fine.note { w.field("note", note) }
            w.endObject()
        }
        w.endArray()
        w.field("condition", c.condition)
        if let note = c.note { w.field("note", note) }
        w.endObject()
    }

    /// The law, and which of its articles were applied to this place.
    static func writeArticles(_ w: inout JSONWriter, _ profile: Profile, _ outcome: RuleOutcome) {
        w.key("law")
        w.beginObject()
        w.field("zh", profile.law.zh)
        w.field("en", profile.law.en)
        if let note = profile.note { w.field("note", note) }
        w.endObject()
        w.key("articles")
        w.beginObject()
        w.key("applied")
        w.beginArray()
        for a in outcome.applied {
            w.beginObject()
            w.field("key", a.key)
            w.field("ref", a.reference)
            w.field("title", a.title)
            w.endObject()
        }
        w.endArray()
        w.key("notApplied")
        w.beginArray()
        for (a, reason) in outcome.notApplied {
            w.beginObject()
            w.field("key", a.key)
            w.field("ref", a.reference)
            w.field("title", a.title)
            w.key("reason")
            w.beginObject()
            w.field("zh", reason.zh)
            w.field("en", reason.en)
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.key("notEvaluated")
        w.beginArray()
        for (rule, reason) in outcome.notEvaluated {
            w.beginObject()
            w.field("rule", rule)
            w.field("reason", reason)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.key("notes")
        w.beginArray()
        for note in outcome.notes {
            w.beginObject()
            w.field("zh", note.zh)
            w.field("en", note.en)
            w.endObject()
        }
        w.endArray()
    }

    /// The report for input that could not be checked: no findings, and the
    /// problems that stopped the check.
    /// Problems as an array of `{file, feature, property, message}`: the
    /// invalid report's `inputErrors`, and the planner's list.
    public static func write(_ w: inout JSONWriter, problems: [PlanProblem]) {
        w.beginArray()
        for p in problems {
            w.beginObject()
            w.field("file", p.file)
            w.field("feature", p.feature)
            w.field("property", p.property)
            w.field("message", p.message)
            w.endObject()
        }
        w.endArray()
    }

    public static func invalidInput(file: String, problems: [PlanProblem], toolVersion: String) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("report", "sightline-report/1")
        w.key("tool")
        w.beginObject()
        w.field("name", "sightline")
        w.field("version", toolVersion)
        w.endObject()
        w.field("plan", file)
        w.key("summary")
        w.beginObject()
        w.field("verdict", "invalid")
        w.endObject()
        w.key("findings")
        w.beginArray()
        w.endArray()
        w.key("inputErrors")
        write(&w, problems: problems)
        w.endObject()
        return w.string + "\n"
    }
}
