import Foundation
import PlanarGeometry
import SightlineCheck
import SightlineEngine
import SightlineFix
import SightlineIO
import SightlineImport
import SightlineJSON
import SightlinePlan
import SightlineReport
import SightlineRules
import SightlineText

/// A request the planner refuses: the HTTP status and a message for the page.
public struct PlannerError: Error, Sendable, CustomStringConvertible {
    public var status: Int
    public var message: String
    public init(_ status: Int, _ message: String) {
        self.status = status
        self.message = message
    }
    public var description: String { message }
}

/// The live planner's state: one plan file, its JSON tree (the same
/// ``PlanRewriter`` `fix --apply` edits, so saving changes only what was
/// edited), its decoded plan, and a ``PlanSession`` whose level scenes stay
/// cached, so moving or re-aiming a camera re-analyses that camera alone.
///
/// An actor: requests from several tabs are served one at a time, and the
/// GEOS contexts inside the session never see two threads.
public actor Planner {
    /// The plan file Save writes: the plan served, or for a drawing or a new
    /// plan the file named at start.
    public nonisolated let file: String
    /// What was read at start: the plan file, a drawing (DXF, IMDF, OSM)
    /// imported on load, or `nil` for a new, empty plan.
    public let source: String?
    let profileOption: String?
    let asOf: CalendarDate
    let profiles = ProfileCache()
    var document: PlanRewriter
    /// The plan analysed: the document's, without the features that have
    /// problems (``problems``), so a plan `check` refuses still opens here.
    var loaded: LoadedPlan
    /// Every problem of the document (a property the decoder refuses, an
    /// opening on no wall), listed in the page; empty for a valid plan.
    public private(set) var problems: [PlanProblem] = []
    /// The features left out of the analysis for their problems, by id.
    var excluded: Set<String> = []
    /// ``problems`` as the plan was opened, for the command line to print.
    public nonisolated let problemsAtStart: [PlanProblem]
    let session: PlanSession
    var report: CheckReport
    /// SHA-256 of `file` as last read or written, `nil` while it does not
    /// exist: a save refuses when the file on disk is not in that state.
    var diskSHA256: String?
    /// The language of the page, the findings and the fix advice: `--lang`,
    /// else the plan's `site.locale`, `LANG` or the rulebook, as `check`.
    public nonisolated let language: Language
    /// Edits since the file was last read or written.
    var revision = 0
    /// One edit of the document, as the API made it.
    typealias Edit = (inout PlanRewriter) throws(PlannerError) -> Void
    /// The edits since the file was last read or written, in order, so that
    /// after another program changes the file they can be made again on
    /// its new content (``reloadKeepingEdits()``).
    var edits: [Edit] = []
    /// Background pictures uploaded since the last save, by level: written
    /// next to the plan (under the name the plan gives them) on Save.
    var pendingImages: [String: (name: String, bytes: [UInt8])] = [:]

    /// The largest request body accepted (a camera edit is a few hundred bytes).
    public static let maxBodyBytes = 1 << 20

    /// The plan a new, empty plan starts from: one level, metres, no features.
    static let emptyPlan = """
        {
          "type": "FeatureCollection",
          "plan": {
            "format": "sightline-plan/1",
            "units": "m",
            "crs": "local",
            "levels": [ { "id": "L1", "name": "1F", "elevation": 0, "height": 3 } ]
          },
          "features": []
        }
        """

    /// Loads and checks `file`: a `sightline-plan/1` JSON plan, or a drawing
    /// `check` reads (`.dxf`, IMDF folder or zip, `.osm`), imported on load;
    /// with `new`, an empty plan that Save will create at `file`.
    ///
    /// - Parameter saveAs: where Save writes; by default the plan itself, or
    ///   for a drawing the drawing's name with `.json`. A file Save would
    ///   create must not exist yet (a drawing's import never overwrites a plan).
    public init(
        file: String, saveAs: String? = nil, new: Bool = false, profileOption: String?, asOf: CalendarDate, language: Language? = nil,
        drawing: DrawingOptions = DrawingOptions(), environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws(PlanError)
    {
        func fail(_ path: String, _ message: String) -> PlanError { PlanError([PlanProblem(file: path, message: message)]) }
        let exists = { (path: String) in FileManager.default.fileExists(atPath: path) }
        let loaded: LoadedPlan
        let target: String
        if new {
            target = saveAs ?? file
            guard !exists(target) else { throw fail(target, "already exists: serve it without --new to edit it") }
            loaded = try LoadedPlan.load(bytes: Array(Self.emptyPlan.utf8), file: target, profileOption: profileOption, cache: profiles)
            source = nil
            diskSHA256 = nil
        } else if DrawingImport.importer(for: file) != nil {
            target = saveAs ?? Self.planName(forDrawing: file)
            guard !exists(target) else {
                throw fail(
                    target, "already exists: serve that plan to go on from it, or give --save-as a new file for this drawing's import")
            }
            guard let importer = DrawingImport.importer(for: file, options: drawing) else { throw fail(file, "not a drawing") }
            let imported: ImportResult
            do { imported = try importer(file) } catch { throw PlanError([error.problem]) }
            let repairable = try RepairablePlan.load(
                bytes: Array(imported.json.utf8), file: file, profileOption: profileOption, cache: profiles,
                sha256: (try? PlanDecoder.readFile(file)).map(SHA256.hex))
            (loaded, problems, excluded) = (repairable.loaded, repairable.problems, repairable.excluded)
            source = file
            diskSHA256 = nil
        } else {
            let bytes = try PlanDecoder.readFile(file)
            target = saveAs ?? file
            if target != file, exists(target) { throw fail(target, "already exists: --save-as must name a new file") }
            let repairable = try RepairablePlan.load(bytes: bytes, file: file, profileOption: profileOption, cache: profiles)
            (loaded, problems, excluded) = (repairable.loaded, repairable.problems, repairable.excluded)
            source = file
            diskSHA256 = target == file ? SHA256.hex(bytes) : nil
        }
        self.file = target
        self.profileOption = profileOption
        self.asOf = asOf
        self.loaded = loaded
        self.language = Language.resolve(
            option: language, siteLocale: loaded.plan.metadata.site.locale, environment: environment, profileID: loaded.profile.id)
        do {
            document = try PlanRewriter(plan: loaded.plan)
        } catch {
            throw fail(file, "\(error)")
        }
        do {
            session = try PlanSession(plan: loaded.plan, engine: Self.engine(for: loaded.profile))
        } catch let geometry as PlanError where problems.isEmpty {
            // Geometry the engine cannot use (an opening on no wall): open
            // the plan without those features, and list them.
            guard
                let repairable = try? RepairablePlan.load(
                    bytes: document.bytes, file: file, profileOption: profileOption, cache: profiles, sha256: loaded.sha256,
                    lookForGeometryProblems: true),
                !repairable.problems.isEmpty,
                let retried = try? PlanSession(plan: repairable.loaded.plan, engine: Self.engine(for: repairable.loaded.profile))
            else { throw geometry }
            (self.loaded, problems, excluded) = (repairable.loaded, repairable.problems, repairable.excluded)
            session = retried
        } catch {
            throw fail(file, "\(error)")
        }
        report = Self.report(self.loaded, session.analysis(), asOf: asOf)
        problemsAtStart = problems
    }

    /// Where Save writes the plan imported from a drawing: `floor.dxf` →
    /// `floor.json`, an IMDF folder or `venue.zip` → `venue.json`,
    /// `city.osm.pbf` → `city.json`.
    static func planName(forDrawing path: String) -> String {
        var base = path
        while base.hasSuffix("/") { base.removeLast() }
        for ext in [".osm.pbf", ".dxf", ".osm", ".zip"] where base.lowercased().hasSuffix(ext) {
            base.removeLast(ext.count)
            break
        }
        return base + ".json"
    }

    private static func engine(for profile: Profile) -> Engine {
        Engine(prohibited: profile.prohibitedCategories, parallelism: 1, zoneViewThreshold: profile.zoneViewThreshold)
    }

    private static func report(_ loaded: LoadedPlan, _ analysis: PlanAnalysis, asOf: CalendarDate) -> CheckReport {
        let outcome = RuleEngine(profile: loaded.profile, asOf: asOf).evaluate(analysis)
        return CheckReport(
            toolVersion: "serve", profile: loaded.profile, analysis: analysis, outcome: outcome, asOf: asOf,
            inputSHA256: loaded.sha256)
    }

    /// The version of the plan the page holds: the file's hash as read or
    /// last saved, and the edits since (`If-Match` for a save).
    public var etag: String { "\"\(diskSHA256?.prefix(16) ?? "new")-\(revision)\"" }

    /// The current plan as JSON, as it would be saved.
    public func planJSON() -> [UInt8] { document.bytes }

    /// The document's problems, `[{file, feature, property, message}]` as
    /// `check --format json` lists them (`inputErrors`), for the page's
    /// list: the features named are left out of the analysis until repaired.
    public func problemsJSON() -> [UInt8] {
        var w = JSONWriter(indent: 0)
        JSONReportRenderer.write(&w, problems: problems)
        return w.bytes
    }

    /// The `findings` array exactly as `check --format json` gives it for
    /// the current state.
    public func findingsJSON() -> [UInt8] {
        JSONReportRenderer().renderFindings(report)
    }

    /// Every camera's view and intrusions in plan coordinates, for drawing:
    /// `[{camera, level, view: [polygon], intrusions: [{zone, area, polygons}]}]`
    /// with each polygon a list of rings of `[x, y]`; with `level`, that
    /// level's cameras only (what the page draws: a 40-floor plan's views are
    /// megabytes). With `labels` (and a level), `{views, labels}`: the views
    /// and that level's labels as the reports place them (``LevelLabels``),
    /// `[{kind: area|camera|zone, key, text, x, y, size, leader}]`, `key`
    /// being `camera|zone` for an intrusion's area, else the id.
    public func viewsJSON(level: String? = nil, labels: Bool = false) -> [UInt8] {
        let frame = loaded.plan.frame
        let decimals = frame.outputDecimals
        var w = JSONWriter(indent: 0)
        func polygons(_ list: [PolygonRings]) {
            w.beginArray()
            for polygon in list {
                w.beginArray()
                for ring in [polygon.shell] + polygon.holes {
                    w.beginArray()
                    for p in ring {
                        let q = frame.toPlan(p)
                        w.inlinePair(q.x, q.y, decimals: decimals)
                    }
                    w.endArray()
                }
                w.endArray()
            }
            w.endArray()
        }
        let withLabels = labels && level != nil
        if withLabels {
            w.beginObject()
            w.key("views")
        }
        w.beginArray()
        for c in report.analysis.cameras where level == nil || c.camera.info.level == level {
            w.beginObject()
            w.field("camera", c.camera.id)
            w.field("level", c.camera.info.level)
            w.field("viewArea", c.viewArea, decimals: 2)
            w.key("view")
            polygons(c.view)
            w.key("intrusions")
            w.beginArray()
            for i in c.intrusions {
                w.beginObject()
                w.field("zone", i.zone.id)
                w.field("area", i.area, decimals: 2)
                w.key("polygons")
                polygons(i.polygons)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        if withLabels, let level {
            w.key("labels")
            writeLabels(level: level, &w)
            w.endObject()
        }
        return w.bytes
    }

    /// The planner's labels in plan units: 0.5 m type, as the page's own
    /// sizes were, placed within the level's drawing plus 2 m.
    private func writeLabels(level: String, _ w: inout JSONWriter) {
        let frame = loaded.plan.frame
        let cameras = report.analysis.cameras.filter { $0.camera.info.level == level }
        let zones = loaded.plan.zones.filter { $0.info.level == level }
        var areas: [(key: String, text: String, anchor: Point2)] = []
        for c in cameras {
            for i in c.intrusions {
                guard let centre = Box(covering: i.polygons)?.center else { continue }
                areas.append(("\(c.camera.id)|\(i.zone.id)", "\(DecimalText.fixed(i.area, 2)) m²", centre))
            }
        }
        var bounds = Box(minX: 0, minY: 0, maxX: 10, maxY: 10)
        let boxes =
            cameras.compactMap { Box(covering: $0.view) } + zones.compactMap { Box(covering: $0.polygons) }
            + cameras.map { Box(around: $0.camera.position, radius: 1) }
        if let first = boxes.first {
            bounds = first
            for b in boxes.dropFirst() { bounds.include(b) }
        }
        bounds = Box(minX: bounds.minX - 2, minY: bounds.minY - 2, maxX: bounds.maxX + 2, maxY: bounds.maxY + 2)
        let placed = LevelLabels(
            areas: areas, cameras: cameras.map { ($0.camera.id, $0.camera.id, $0.camera.position) },
            zones: zones.compactMap { z in Box(covering: z.polygons).map { (z.id, z.name ?? z.id, $0) } }, bounds: bounds, font: 0.5)
        let decimals = frame.outputDecimals
        w.beginArray()
        for (kind, labels) in [("area", placed.areas), ("camera", placed.cameras), ("zone", placed.zones)] {
            for (key, label) in labels.sorted(by: { $0.key < $1.key }) {
                w.beginObject()
                w.field("kind", kind)
                w.field("key", key)
                w.field("text", label.text)
                let c = frame.toPlan(label.centre)
                w.field("x", c.x, decimals: decimals)
                w.field("y", c.y, decimals: decimals)
                w.field("size", label.size, decimals: 2)
                if let leader = label.leader {
                    w.key("leader")
                    let (a, b) = (frame.toPlan(leader.from), frame.toPlan(leader.to))
                    w.inlineNumbers([a.x, a.y, b.x, b.y], decimals: decimals)
                } else {
                    w.key("leader")
                    w.null()
                }
                w.endObject()
            }
        }
        w.endArray()
    }

    /// What `fix` proposes for one camera, studied against its level's
    /// cached scene: `{camera, needed, inside, compliantHeadings: [{from,
    /// to, sweep}], best, apply, summary}`, where `apply` is the camera
    /// properties to PATCH for the best option (`null` when nothing clears
    /// it short of moving the camera).
    public func fixJSON(_ id: String) throws(PlannerError) -> [UInt8] {
        guard let camera = loaded.plan.cameras.first(where: { $0.id == id }) else {
            throw PlannerError(404, "no camera `\(id)` in the plan")
        }
        let art8 = Set(
            loaded.profile.rules.filter { [.cameraInside, .viewIntrusion].contains($0.check) && $0.severity == .error }.map(\.id))
        let findings = report.findings.filter { art8.contains($0.rule) && $0.cameraID == id }
        var w = JSONWriter()
        w.beginObject()
        w.field("camera", id)
        w.field("needed", !findings.isEmpty)
        let studied: FixStudy?
        let threshold = loaded.profile.parameters.minIntrusionArea
        do { studied = try FixStudy.studies(of: [id], in: session, threshold: threshold).first } catch {
            throw PlannerError(500, "camera \(id): \(error)")
        }
        guard !findings.isEmpty, let study = studied else {
            w.endObject()
            return w.bytes
        }
        let fix = FixPlanner(keepCoverage: false).fix(study, findings: findings)
        w.field("inside", study.isInside)
        w.key("compliantHeadings")
        w.beginArray()
        for i in fix.headings {
            w.beginObject()
            w.field("from", i.from, decimals: 1)
            w.field("to", normalizedBearing(i.from + i.sweep), decimals: 1)
            w.field("sweep", i.sweep, decimals: 1)
            w.endObject()
        }
        w.endArray()
        w.field("best", fix.best?.rawValue)
        w.key("apply")
        let l = language
        var summary = l.t(.plannerFixMove)
        switch fix.best {
        case .heading?:
            if let pan = fix.proposedPan {
                let ptz = (document.properties(ofFeature: id)?["ptz"]?.objectValue ?? JSONObject())
                var limits = ptz
                limits["panMin"] = .number(pan.min)
                limits["panMax"] = .number(pan.max)
                w.value(.object(JSONObject([("ptz", .object(limits))])))
                summary = l.t(.plannerFixPan, DecimalText.fixed1(pan.min), DecimalText.fixed1(pan.max))
            } else if let h = fix.proposedHeading {
                w.value(.object(JSONObject([("heading", .number(h))])))
                summary = l.t(.plannerFixTurn, DecimalText.fixed1(h), DecimalText.fixed2(fix.keptArea ?? 0))
            } else {
                w.null()
            }
        case .tilt?:
            let t = study.clearingTilt ?? camera.tilt
            w.value(.object(JSONObject([("tilt", .number(t))])))
            summary = l.t(.plannerFixTilt, DecimalText.fixed1(t), DecimalText.fixed2(study.clearingTiltKeptArea ?? 0))
        case .tiltAndHeading?:
            let both = study.tiltAndHeading!
            w.value(.object(JSONObject([("tilt", .number(both.tilt)), ("heading", .number(both.heading))])))
            summary = l.t(.plannerFixTiltAndTurn, DecimalText.fixed1(both.tilt), DecimalText.fixed1(both.heading))
        case .mask?:
            let masks = (document.properties(ofFeature: id)?["masks"]?.arrayValue ?? []) + PlanRewriter.json(study.masks.map(\.mask))
            w.value(.object(JSONObject([("masks", .array(masks))])))
            summary = l.t(.plannerFixMasks, String(study.masks.count))
        case .move?:
            let spot = study.relocation.map { loaded.plan.frame.toPlan($0) } ?? Point2(0, 0)
            w.value(.object(JSONObject([("position", .numbers([spot.x, spot.y]))])))
            summary = l.t(.plannerFixRelocate, DecimalText.fixed2(spot.x), DecimalText.fixed2(spot.y))
        case .remove?, nil:
            w.null()
        }
        w.field("summary", summary)
        w.endObject()
        return w.bytes
    }

    /// The HTML report of the current state.
    public func reportHTML() -> [UInt8] { Array(HTMLReportRenderer().render(report).utf8) }

    // MARK: Edits

    /// Applies `edit` to a copy of the plan's tree, decodes and checks the
    /// result with the same validation as `check`, and keeps it only if
    /// that succeeds (a bad value is a 400 with `check`'s message).
    ///
    /// - Parameter features: the ids of the walls, zones, openings or signs
    ///   the edit adds, changes or removes: their levels' scenes are rebuilt
    ///   (empty: only cameras change, and only they are re-analysed).
    func apply(features: Set<String> = [], _ edit: @escaping Edit) throws(PlannerError) {
        var next = document
        try edit(&next)
        let repairable = try edited(next, knowing: problems, separator: "\n")
        let candidate = repairable.loaded
        var levels = Self.levels(of: features, in: loaded.plan).union(Self.levels(of: features, in: candidate.plan))
        // A repaired feature joins the analysis: its level's scene is rebuilt
        // (every level: it is no longer in the plan the page analysed).
        if repairable.excluded != excluded { levels.formUnion(candidate.plan.levels.map(\.id)) }
        do {
            if levels.isEmpty { try session.updateCameras(candidate.plan) } else { try session.rebuild(candidate.plan, levels: levels) }
        } catch {
            // Keep the session on the plan that is kept.
            if levels.isEmpty { _ = try? session.updateCameras(loaded.plan) } else { try? session.rebuild(loaded.plan, levels: levels) }
            throw PlannerError(400, "\(error)")
        }
        document = next
        loaded = candidate
        (problems, excluded) = (repairable.problems, repairable.excluded)
        revision += 1
        edits.append(edit)
        report = Self.report(candidate, session.analysis(), asOf: asOf)
    }

    /// The plan an edit leaves in `document`, read as the planner reads it
    /// (its problems left out of the analysis), given the problems it had
    /// before: an edit may repair problems, never add one (400 with
    /// `check`'s message, problems joined by `separator`).
    func edited(_ document: PlanRewriter, knowing known: [PlanProblem], separator: String) throws(PlannerError) -> RepairablePlan {
        let repairable: RepairablePlan
        do {
            repairable = try RepairablePlan.load(
                bytes: document.bytes, file: file, profileOption: profileOption, cache: profiles, lookForGeometryProblems: !known.isEmpty)
        } catch {
            throw PlannerError(400, error.problems.map(\.description).joined(separator: separator))
        }
        let before = Set(known.map(\.description))
        let added = repairable.problems.filter { !before.contains($0.description) }
        guard added.isEmpty else { throw PlannerError(400, added.map(\.description).joined(separator: separator)) }
        return repairable
    }

    /// The levels the features with these ids are on in `plan`.
    static func levels(of ids: Set<String>, in plan: Plan) -> Set<String> {
        guard !ids.isEmpty else { return [] }
        var levels: Set<String> = []
        func take(_ info: FeatureInfo) { if ids.contains(info.id) { levels.insert(info.level) } }
        for info in plan.zones.map(\.info) + plan.walls.map(\.info) + plan.openings.map(\.info) + plan.signs.map(\.info)
            + plan.cameras.map(\.info) + plan.restrictedAreas.map(\.info) + plan.boundaries.map(\.info)
        {
            take(info)
        }
        return levels
    }

    /// Throws 404 unless `document` has a camera `id`: checked before an
    /// edit, and inside it, so an edit made again after a reload
    /// (``reloadKeepingEdits()``) is dropped when the camera has gone.
    static func requireCamera(_ id: String, in document: PlanRewriter) throws(PlannerError) {
        guard document.kind(ofFeature: id) == "camera" else { throw PlannerError(404, "no camera `\(id)` in the plan") }
    }

    /// Parses a request body as a JSON object.
    static func object(_ body: [UInt8]) throws(PlannerError) -> JSONObject {
        let value: JSONValue
        do { value = try JSONParser.parse(body) } catch { throw PlannerError(400, "the request body is not JSON: \(error)") }
        guard let object = value.objectValue else { throw PlannerError(400, "the request body must be a JSON object") }
        return object
    }

    /// Reads `position` ([x, y] in plan coordinates) out of an edit.
    static func position(_ value: JSONValue) throws(PlannerError) -> [Double] {
        guard let xy = value.numbersValue, xy.count == 2, xy.allSatisfy(\.isFinite) else {
            throw PlannerError(400, "position: expected [x, y], two finite numbers in the plan's coordinates")
        }
        return xy
    }

    /// Changes a camera: `position` moves it, every other member is a
    /// camera property (`null` removes it). Returns the new findings.
    public func patchCamera(_ id: String, body: [UInt8]) throws(PlannerError) -> [UInt8] {
        let changes = try Self.object(body)
        try Self.requireCamera(id, in: document)
        try apply { (doc: inout PlanRewriter) throws(PlannerError) in
            try Self.requireCamera(id, in: doc)
            var properties: [(key: String, value: JSONValue)] = []
            for (key, value) in changes.members {
                if key == "position" {
                    _ = doc.move(feature: id, to: try Self.position(value))
                } else if ["kind", "id"].contains(key) {
                    throw PlannerError(400, "\(key): a camera's \(key) cannot be changed here")
                } else {
                    properties.append((key, value))
                }
            }
            _ = doc.setProperties(ofFeature: id, properties)
        }
        return findingsJSON()
    }

    /// Adds a camera: `{"id"?, "position": [x, y], …properties}`; the id is
    /// made up when missing. Returns `{"id", "findings"}`.
    public func addCamera(body: [UInt8]) throws(PlannerError) -> [UInt8] {
        let request = try Self.object(body)
        guard let place = request["position"] else { throw PlannerError(400, "position: required, [x, y]") }
        let position = try Self.position(place)
        let point = JSONValue.object(JSONObject([("type", .string("Point")), ("coordinates", .numbers(position))]))
        let (id, feature) = try newFeature(request, kind: "camera", idPrefix: "cam", geometry: point, skipping: ["position"])
        try apply { (doc: inout PlanRewriter) throws(PlannerError) in doc.append(feature: feature) }
        return added(id)
    }

    /// The feature a request adds: its id (the request's, which must be
    /// free, else `<idPrefix>-new-<n>`), `kind`, the plan's first level when
    /// it has several and the request names none, then the request's other
    /// members (but `id`, `kind`, `geometry`, `skipping` and nulls).
    func newFeature(_ request: JSONObject, kind: String, idPrefix: String, geometry: JSONValue, skipping: Set<String> = [])
        throws(PlannerError) -> (id: String, feature: JSONObject)
    {
        var id = request["id"]?.stringValue ?? ""
        let taken = document.featureIDs
        if id.isEmpty {
            var n = 1
            while taken.contains("\(idPrefix)-new-\(n)") { n += 1 }
            id = "\(idPrefix)-new-\(n)"
        } else if taken.contains(id) {
            throw PlannerError(400, "id: `\(id)` is already used by another feature")
        }
        var properties = JSONObject([("kind", .string(kind))])
        if loaded.plan.levels.count > 1, request["level"] == nil, let first = loaded.plan.levels.first {
            properties["level"] = .string(first.id)
        }
        let reserved = skipping.union(["id", "kind", "geometry"])
        for (key, value) in request.members where !reserved.contains(key) && !value.isNull { properties[key] = value }
        let feature = JSONObject([
            ("type", .string("Feature")), ("id", .string(id)), ("properties", .object(properties)), ("geometry", geometry),
        ])
        return (id, feature)
    }

    /// The answer to an addition: `{"id", "findings"}`.
    func added(_ id: String) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("id", id)
        w.key("findings")
        JSONReportRenderer().writeFindings(&w, report)
        w.endObject()
        return w.bytes
    }

    /// Removes a camera. Returns the new findings.
    public func deleteCamera(_ id: String) throws(PlannerError) -> [UInt8] {
        try Self.requireCamera(id, in: document)
        try apply { (doc: inout PlanRewriter) throws(PlannerError) in
            try Self.requireCamera(id, in: doc)
            _ = doc.remove(feature: id)
        }
        return findingsJSON()
    }

    /// Writes the plan back to its file, atomically (temporary file and
    /// rename), with any background picture uploaded since (next to it), if
    /// `ifMatch` names the current version and the file on disk is still the
    /// one loaded or last saved (or, for a new plan, still absent); else 409
    /// and nothing is written. Returns the new version.
    public func save(ifMatch: String?) throws(PlannerError) -> String {
        guard let ifMatch, ifMatch == etag else {
            throw PlannerError(
                409, "the page's copy of the plan is out of date (If-Match \(ifMatch ?? "missing"), current \(etag)): reload")
        }
        guard Self.digest(ofFile: file) == diskSHA256 else {
            let what = diskSHA256 == nil ? "was created by something else since the planner started" : "changed on disk since it was loaded"
            throw PlannerError(409, "\(file) \(what): not overwritten; reload, keeping your edits")
        }
        let bytes = document.bytes
        do {
            for (_, image) in pendingImages.sorted(by: { $0.key < $1.key }) {
                try FileWriter.write(image.bytes, toFile: imagePath(image.name))
            }
            let out = try AtomicFile(path: file)
            out.write(bytes)
            // Checked again just before the rename: a write by another
            // program since the check above is not overwritten either.
            guard Self.digest(ofFile: file) == diskSHA256 else {
                throw PlannerError(409, "\(file) changed on disk while it was being saved: not overwritten; reload, keeping your edits")
            }
            try out.commit()
        } catch let error as PlannerError {
            throw error
        } catch {
            throw PlannerError(500, "\(error)")
        }
        pendingImages = [:]
        diskSHA256 = SHA256.hex(bytes)
        revision = 0
        edits = []
        return etag
    }

    /// The SHA-256 of the file at `path`, or `nil` when it cannot be read.
    static func digest(ofFile path: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { SHA256.hex([UInt8]($0)) }
    }

    /// Reads the plan file again, as another program left it, and makes
    /// the session's edits since the last save again on it, in order: a
    /// camera moved here and a wall drawn there by the other program both
    /// stay. An edit that no longer applies (its camera was deleted, its id
    /// is now taken) is dropped and named. Returns `{"kept": n,
    /// "dropped": [why…]}`; the page reloads the plan after it.
    ///
    /// - Throws: ``PlannerError`` 409 when the file cannot be read or is no
    ///   longer a valid plan (the session is left as it was).
    public func reloadKeepingEdits() throws(PlannerError) -> [UInt8] {
        let bytes: [UInt8]
        var current: RepairablePlan
        do {
            bytes = try PlanDecoder.readFile(file)
            current = try RepairablePlan.load(
                bytes: bytes, file: file, profileOption: profileOption, cache: profiles, lookForGeometryProblems: true)
        } catch {
            throw PlannerError(409, "cannot reload \(file): " + error.problems.map(\.description).joined(separator: "; "))
        }
        var doc: PlanRewriter
        do { doc = try PlanRewriter(plan: current.loaded.plan) } catch { throw PlannerError(409, "cannot reload \(file): \(error)") }
        var kept: [Edit] = []
        var dropped: [String] = []
        for edit in edits {
            var next = doc
            do throws(PlannerError) {
                try edit(&next)
                current = try edited(next, knowing: current.problems, separator: "; ")
                doc = next
                kept.append(edit)
            } catch {
                dropped.append(error.message)
            }
        }
        let levels = Set(loaded.plan.levels.map(\.id)).union(current.loaded.plan.levels.map(\.id))
        do { try session.rebuild(current.loaded.plan, levels: levels) } catch {
            try? session.rebuild(loaded.plan, levels: levels)
            throw PlannerError(409, "cannot reload \(file): \(error)")
        }
        document = doc
        (loaded, problems, excluded) = (current.loaded, current.problems, current.excluded)
        edits = kept
        diskSHA256 = SHA256.hex(bytes)
        revision = kept.count
        report = Self.report(loaded, session.analysis(), asOf: asOf)
        var w = JSONWriter(indent: 0)
        w.beginObject()
        w.field("kept", kept.count)
        w.key("dropped")
        w.value(.array(dropped.map { .string($0) }))
        w.endObject()
        return w.bytes
    }

    /// The path of a background picture the plan names, in the plan's folder.
    func imagePath(_ name: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        return folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }
}
