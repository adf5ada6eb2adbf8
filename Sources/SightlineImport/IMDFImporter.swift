import Foundation
import OGR
import PlanarGeometry
import SightlineJSON
import SightlinePlan

/// `sightline import imdf`: an Indoor Mapping Data Format venue (OGC
/// 20-094; a folder or its zip) → a plan in EPSG:4326.
///
/// - levels from `level.geojson`: ordinal → elevation (ordinal ×
///   ``storeyHeight``), the name in Chinese, else English, else the first
///   language given;
/// - zones from `unit.geojson`, categories mapped by ``categories``; wall-like
///   units (`brick`, `concrete`, `drywall`, `glass`, `wood`, `column`,
///   `structure`) become walls (`glass` see-through); an unmapped category
///   becomes `room`, and the summary names it; a generic one (`room`,
///   `storage`, unmapped…) whose name says it is one of Art. 8's private
///   places ("LockerRoom", "更衣室") takes that category, and the summary
///   names each;
/// - walls along unit boundaries, each shared edge once, except between two
///   open units (walkways, lobbies, open-to-below…), where nothing stands;
///   openings (`opening.geojson`; a MultiLineString is an opening a line)
///   cut them as the engine cuts any wall;
/// - fixtures as low obstacles (``fixtureHeight``); the venue's name and
///   address into `site`.
///
/// `level` and `unit` are required (as `.geojson`, or `.json` as some
/// exporters name them); a missing `manifest.json`, `venue.geojson` or
/// `opening.geojson`, and an opening with no level or no line, are warnings
/// in the summary.
public struct IMDFImporter: Sendable {
    /// Metres between levels one ordinal apart (IMDF gives no elevations).
    public var storeyHeight = 4.0
    /// Fixtures (desks, counters, kiosks) block sight below this height.
    public var fixtureHeight = 1.2

    public init() {}

    /// IMDF unit categories → zone categories, for each whose use matches one of ours.
    public static let categories: [String: String] = [
        "restroom": "toilet", "restroom.family": "toilet", "restroom.female": "toilet", "restroom.female.wheelchair": "toilet",
        "restroom.male": "toilet", "restroom.male.wheelchair": "toilet", "restroom.transgender": "toilet",
        "restroom.transgender.wheelchair": "toilet", "restroom.unisex": "toilet", "restroom.unisex.wheelchair": "toilet",
        "restroom.wheelchair": "toilet",
        "shower": "bathhouse", "mothersroom": "nursing_room", "opentobelow": "void",
        "lobby": "lobby", "walkway": "corridor", "walkway.island": "corridor", "footbridge": "corridor", "ramp": "corridor",
        "movingwalkway": "corridor",
        "office": "office", "conferenceroom": "office", "huddleroom": "office", "phoneroom": "office",
        "foodservice": "dining", "elevator": "elevator", "escalator": "stair", "stairs": "stair", "steps": "stair",
        "parking": "parking", "road": "outdoor", "terrace": "outdoor", "vegetation": "outdoor", "fieldofplay": "outdoor",
        "room": "room", "classroom": "room", "laboratory": "room", "library": "room", "storage": "room", "serverroom": "room",
        "mailroom": "room", "auditorium": "room", "theater": "room", "movietheater": "room", "fitnessroom": "room",
        "lounge": "room", "privatelounge": "room", "waitingroom": "room", "kitchen": "room", "firstaid": "room",
        "smokingarea": "room", "recreation": "room", "platform": "room", "nonpublic": "room",
    ]

    /// Unit categories that are building fabric, not places.
    public static let wallCategories: Set<String> = ["brick", "concrete", "drywall", "glass", "wood", "column", "structure"]

    /// Zone categories with no wall between two of them.
    static let open: Set<String> = ["corridor", "lobby", "void", "outdoor", "stair", "parking"]

    /// The files a venue cannot be read without. `manifest.json` (nothing is
    /// read from it; a production campus had none) and `opening.geojson`
    /// (a venue with no doors) are warned of when missing, not required.
    /// `venue.geojson` gives only the site's name and address, so its absence
    /// (a venue whose venue record was left out for its licence) is a warning too.
    static let requiredFiles = ["level.geojson", "unit.geojson"]
    static let expectedFiles = ["manifest.json", "venue.geojson", "opening.geojson"]

    /// `records` with each `id` field set to its feature's own `id`, the
    /// identifier IMDF's references use. GDAL takes `id` from the properties
    /// when they hold one, and exporters from OSM (osmtoimdf) keep the OSM
    /// element's number there, so without this no unit finds its level.
    /// Records and features are in file order; a file whose features do not
    /// match its records one for one is left as GDAL read it.
    ///
    /// - Complexity: one parse of the file, O(bytes).
    static func withFeatureIDs(_ records: [OGRRecord], file: String) throws(OGRError) -> [OGRRecord] {
        guard !records.isEmpty, let bytes = try OGRFiles.contents(file),
            let features = (try? JSONParser.parse(bytes))?.objectValue?["features"]?.arrayValue,
            features.count == records.count
        else { return records }
        var out = records
        for (i, feature) in features.enumerated() {
            if let id = PlanDecoder.idString(feature.objectValue?["id"]) { out[i].fields["id"] = .string(id) }
        }
        return out
    }

    public func run(_ path: String) throws(ImportError) -> ImportResult {
        // A zip is read in place through GDAL's virtual file system.
        let root = path.lowercased().hasSuffix(".zip") ? "/vsizip/\(path)" : path
        let files: [String]
        do { files = try OGRFiles.list(root) } catch { throw ImportError(file: path, message: error.message) }
        guard !files.isEmpty else { throw ImportError(file: path, message: "not a folder or zip archive that can be read") }
        // The files may sit in a subfolder of the archive: find the manifest,
        // else the units.
        func folder(of name: String) -> String? {
            files.first { ($0 as NSString).lastPathComponent == name }.map { ($0 as NSString).deletingLastPathComponent }
        }
        let prefix = folder(of: "manifest.json") ?? folder(of: "unit.geojson") ?? folder(of: "unit.json") ?? ""
        let inFolder = Set(files.filter { ($0 as NSString).deletingLastPathComponent == prefix }.map { ($0 as NSString).lastPathComponent })
        // Exporters that write `unit.json` for `unit.geojson` (osmtoimdf) are
        // read as if they had used IMDF's names, and the summary says so.
        var actual: [String: String] = [:]
        for name in inFolder { actual[name] = name }
        for name in inFolder where name.hasSuffix(".json") && name != "manifest.json" {
            let canonical = String(name.dropLast(".json".count)) + ".geojson"
            if actual[canonical] == nil { actual[canonical] = name }
        }
        let present = Set(actual.keys)
        let missing = Self.requiredFiles.filter { !present.contains($0) }
        guard missing.isEmpty else {
            throw ImportError(
                file: path,
                message:
                    "not an IMDF archive: missing \(missing.joined(separator: ", ")) (IMDF needs \(Self.requiredFiles.joined(separator: ", ")))"
            )
        }
        func records(_ name: String) throws(ImportError) -> [OGRRecord] {
            guard let stored = actual[name] else { return [] }
            let file = prefix.isEmpty ? "\(root)/\(stored)" : "\(root)/\(prefix)/\(stored)"
            do throws(OGRError) {
                let dataset = try OGRDataset(path: file, drivers: ["GeoJSON"])
                var out: [OGRRecord] = []
                for layer in dataset.layers { out += try layer.records() }
                return try Self.withFeatureIDs(out, file: file)
            } catch {
                throw ImportError(file: path, message: "\(name): \(error.message)")
            }
        }

        var doc = PlanDocument()
        doc.decimals = 8
        var summary: [String] = ["\(path): IMDF"]
        for name in Self.expectedFiles where !present.contains(name) {
            switch name {
            case "opening.geojson":
                summary.append("  warning: no opening.geojson: no doors or passages, every unit is closed by its outline")
            case "venue.geojson": summary.append("  warning: no venue.geojson: the site has no name or address")
            default: summary.append("  warning: no manifest.json: read as IMDF from its other files")
            }
        }
        let renamed = actual.filter { $0.key != $0.value }.map(\.value).sorted()
        if !renamed.isEmpty {
            summary.append("  warning: read \(renamed.joined(separator: ", ")) as IMDF's .geojson files of the same names")
        }

        // Levels, by ordinal.
        let levelRecords = try records("level.geojson")
        var levelIDs: [String: String] = [:] // IMDF id → plan id
        var levels: [(ordinal: Double, value: JSONValue)] = []
        for r in levelRecords {
            guard let id = r.fields["id"]?.text else { continue }
            let ordinal = r.fields["ordinal"]?.number ?? 0
            let name = Self.label(r.fields["name"])
            let planID = "L\(Int(ordinal))" + (levels.contains { $0.ordinal == ordinal } ? "-\(levels.count)" : "")
            levelIDs[id] = planID
            var level: [(String, JSONValue)] = [("id", .string(planID)), ("elevation", .number(ordinal * storeyHeight))]
            if let name { level.append(("name", .string(name))) }
            levels.append((ordinal, .object(JSONObject(level))))
        }
        guard !levels.isEmpty else { throw ImportError(file: path, message: "level.geojson holds no level") }

        // Units: zones, or walls for building fabric.
        struct UnitPart {
            var level: String
            var category: String
            var ring: [Point2]
        }
        var zones: [UnitPart] = []
        var counts: [String: Int] = [:]
        var unmapped: [String: Int] = [:]
        var byName: [String] = []
        var fabric = 0
        for r in try records("unit.geojson") {
            let imdfCategory = r.fields["category"]?.text ?? "unspecified"
            guard let levelID = r.fields["level_id"].flatMap({ levelIDs[$0.text] }), let shape = r.shape else { continue }
            let rings = shape.parts.compactMap { part -> [[Point2]]? in
                if case .polygon(let rings) = part { return rings } else { return nil }
            }
            let id = r.fields["id"]?.text ?? "unit-\(r.fid)"
            if Self.wallCategories.contains(imdfCategory) {
                for polygon in rings {
                    var props: [(String, JSONValue)] = [("level", .string(levelID))]
                    if imdfCategory == "glass" { props.append(("material", .string("glass"))) }
                    doc.add(id, kind: "wall", geometry: doc.polygon(polygon), props)
                    fabric += 1
                }
                continue
            }
            let name = Self.label(r.fields["name"])
            var category = Self.categories[imdfCategory] ?? "room"
            if category == "room", let name, let named = RoomKeywords.category(of: name), RoomKeywords.privateCategories.contains(named) {
                // A generic unit ("storage", "room", unmapped) whose name says it is a private place: the name is more specific.
                category = named
                byName.append("\(id) \"\(name)\" (\(imdfCategory)) → \(named)")
            } else if Self.categories[imdfCategory] == nil {
                unmapped[imdfCategory, default: 0] += 1
            }
            counts[category, default: 0] += 1
            var props: [(String, JSONValue)] = [("level", .string(levelID)), ("category", .string(category))]
            if let name { props.append(("name", .string(name))) }
            let geometry: JSONValue =
                rings.count == 1
                ? doc.polygon(rings[0])
                : .object(
                    JSONObject([
                        ("type", .string("MultiPolygon")),
                        ("coordinates", .array(rings.map { p in .array(p.map { .array($0.map(doc.position)) }) })),
                    ]))
            doc.add(id, kind: "zone", geometry: geometry, props)
            for polygon in rings { zones.append(UnitPart(level: levelID, category: category, ring: polygon[0])) }
        }

        // Walls along unit boundaries: each edge once; none between two open units.
        var boundaries = BoundaryWalls()
        for zone in zones { boundaries.add(ring: zone.ring, level: zone.level, walled: !Self.open.contains(zone.category)) }
        var walls = 0
        for wall in boundaries.walls {
            walls += 1
            doc.add("wall-\(walls)", kind: "wall", geometry: doc.line(wall.segment), [("level", .string(wall.level))])
        }

        // Openings.
        var openings = 0
        var unread: [String] = []
        for r in try records("opening.geojson") {
            let id = r.fields["id"]?.text ?? "opening-\(r.fid)"
            // A MultiLineString opening (several door leaves) is one opening a line.
            let lines: [[Point2]] = (r.shape?.parts ?? []).compactMap { part in
                if case .lineString(let line) = part { return line }
                return nil
            }
            guard let levelID = r.fields["level_id"].flatMap({ levelIDs[$0.text] }), !lines.isEmpty else {
                unread.append(id)
                continue
            }
            // GDAL hands nested objects over as JSON text.
            let door: JSONObject? = r.fields["door"].flatMap { value in (try? JSONParser.parse(Array(value.text.utf8)))?.objectValue }
            var props: [(String, JSONValue)] = [("level", .string(levelID)), ("openingType", .string(door == nil ? "passage" : "door"))]
            if let door {
                props.append(("state", .string("open")))
                if let type = door["type"]?.stringValue { props.append(("doorType", .string(type))) }
                if let automatic = door["automatic"] { props.append(("automatic", automatic)) }
            }
            if let name = Self.label(r.fields["name"]) { props.append(("name", .string(name))) }
            for line in lines {
                doc.add(id, kind: "opening", geometry: doc.line(line), props)
                openings += 1
            }
        }

        // Fixtures: low obstacles.
        var fixtures = 0
        for r in try records("fixture.geojson") {
            guard let levelID = r.fields["level_id"].flatMap({ levelIDs[$0.text] }), let shape = r.shape else { continue }
            for case .polygon(let rings) in shape.parts {
                doc.add(
                    r.fields["id"]?.text ?? "fixture-\(r.fid)", kind: "wall", geometry: doc.polygon(rings),
                    [("level", .string(levelID)), ("height", .number(fixtureHeight))])
                fixtures += 1
            }
        }

        // Site: the venue's name and address.
        var site: [(String, JSONValue)] = []
        if let venue = try records("venue.geojson").first {
            if let name = Self.label(venue.fields["name"]) { site.append(("name", .string(name))) }
            if let addressID = venue.fields["address_id"]?.text,
                let address = try records("address.geojson").first(where: { $0.fields["id"]?.text == addressID })
            {
                let parts = ["address", "unit", "locality", "province", "country", "postal_code"].compactMap { address.fields[$0]?.text }
                    .filter { !$0.isEmpty }
                if !parts.isEmpty { site.append(("address", .string(parts.joined(separator: ", ")))) }
            }
        }
        doc.plan += [("crs", .string("EPSG:4326"))]
        if !site.isEmpty { doc.plan.append(("site", .object(JSONObject(site)))) }
        doc.plan += [
            ("levels", .array(levels.sorted { $0.ordinal < $1.ordinal }.map(\.value))),
            ("description", .string("imported by sightline from IMDF \((path as NSString).lastPathComponent)")),
        ]
        summary.append(
            "  plan: \(levels.count) level\(levels.count == 1 ? "" : "s"), \(counts.values.reduce(0, +)) zones (\(counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))), \(walls + fabric + fixtures) walls (\(walls) along unit boundaries, \(fabric) building fabric, \(fixtures) fixtures), \(openings) openings, 0 cameras"
        )
        if !unread.isEmpty {
            summary.append(
                "  warning: \(unread.count) opening\(unread.count == 1 ? "" : "s") skipped (no known level_id, or no line): "
                    + Suggestion.list(unread))
        }
        if !unmapped.isEmpty {
            summary.append(
                "  unit categories with no match, imported as room: "
                    + unmapped.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", "))
        }
        if !byName.isEmpty {
            summary.append("  categories from the unit's name (a generic IMDF category): " + Suggestion.list(byName))
        }
        return ImportRepair.repairingOpenings(ImportResult(document: doc.document, summary: summary), file: path)
    }

    /// An IMDF label object (`{"en": …, "zh-Hans": …}`): Chinese, else English, else the first.
    static func label(_ value: OGRValue?) -> String? {
        guard let text = value?.text, !text.isEmpty else { return nil }
        guard let object = try? JSONParser.parse(Array(text.utf8)).objectValue else { return text }
        let languages = object.members.compactMap { m in m.value.stringValue.map { (m.key, $0) } }
        return
            (languages.first { $0.0.lowercased().hasPrefix("zh") } ?? languages.first { $0.0.lowercased().hasPrefix("en") }
            ?? languages.first)?.1
    }
}
