import Foundation
import OGR
import PlanarGeometry
import SightlineJSON
import SightlinePlan

/// `sightline import osm`: OpenStreetMap indoor data (Simple Indoor
/// Tagging; `.osm` XML or `.osm.pbf`, read by GDAL's OSM driver) → a plan
/// in EPSG:4326.
///
/// - levels from `level` (and `repeat_on`): `0`, `-1`, `0;1`, `1-3`;
///   elevation = level × ``storeyHeight``;
/// - zones from closed `indoor=room|corridor|area` ways (GDAL's default
///   configuration reads closed `indoor` ways as lines; this import gives it
///   its own, in which they are areas), the category from `amenity=toilets`,
///   `room=*`, `shower`, `changing_room`… then from the name; names in
///   Chinese, else the plain name, else English;
/// - walls along room and corridor outlines (each shared edge once; not
///   along `indoor=area`), and `indoor=wall` ways;
/// - door nodes (`door=*`, `width`; `door=no` an open doorway) as point
///   openings, which the engine snaps to the outline they stand on;
/// - cameras from `man_made=surveillance` (+ `surveillance:type=camera`):
///   `camera:direction` (degrees or compass points, clockwise from north:
///   already a heading), `camera:type` (`panning` → ptz), `height`, `ref` as
///   the id.
public struct OSMImporter: Sendable {
    public var storeyHeight = 4.0
    public init() {}

    /// What GDAL's OSM driver should report: every tag, and closed `indoor`
    /// ways as areas. Only `indoor` is listed: the import reads nothing else
    /// as an area, and GDAL 3.6 looks the keys of this list up in an order
    /// that misses some when several are given (`indoor,room` found only
    /// ways that also had `room`).
    static let configuration = """
        closed_ways_are_polygons=indoor
        attribute_name_laundering=no
        [points]
        osm_id=yes
        all_tags=yes
        [lines]
        osm_id=yes
        all_tags=yes
        [multipolygons]
        osm_id=yes
        osm_way_id=yes
        all_tags=yes
        [multilinestrings]
        osm_id=yes
        all_tags=yes
        [other_relations]
        osm_id=yes
        all_tags=yes
        """

    public func run(_ path: String) throws(ImportError) -> ImportResult {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sightline-osmconf-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).ini"
        ).path
        guard FileManager.default.createFile(atPath: config, contents: Data(Self.configuration.utf8)) else {
            throw ImportError(file: path, message: "cannot write GDAL's OSM configuration to \(config)")
        }
        defer { try? FileManager.default.removeItem(atPath: config) }
        var layers: [String: [OGRRecord]] = [:]
        do throws(OGRError) {
            let dataset = try OGRDataset(
                path: path, drivers: ["OSM"],
                // Files saved by JOSM, where indoor plans are drawn, have
                // negative and unsorted ids, which GDAL's fast index refuses.
                config: ["OSM_CONFIG_FILE": config, "OGR_INTERLEAVED_READING": "YES", "OSM_USE_CUSTOM_INDEXING": "NO"])
            layers = try dataset.recordsByLayer()
        } catch {
            throw ImportError(file: path, message: "not a readable OSM file: \(error.message)")
        }
        func tags(_ r: OGRRecord) -> [String: String] { Self.hstore(r.fields["all_tags"]?.text ?? "") }

        // Indoor features, with their tags and levels.
        struct Area {
            var id: String
            var tags: [String: String]
            var levels: [Int]
            var rings: [[Point2]]
        }
        var areas: [Area] = []
        var wallWays: [(id: String, levels: [Int], line: [Point2])] = []
        for r in (layers["multipolygons"] ?? []) + (layers["lines"] ?? []) {
            let t = tags(r)
            guard let indoor = t["indoor"], let shape = r.shape else { continue }
            let id = "osm-\(r.fields["osm_way_id"]?.text ?? r.fields["osm_id"]?.text ?? String(r.fid))"
            let levels = Self.levels(t)
            if indoor == "wall" {
                for case .lineString(let line) in shape.parts { wallWays.append((id, levels, line)) }
                for case .polygon(let rings) in shape.parts { wallWays.append((id, levels, rings[0])) }
                continue
            }
            guard ["room", "corridor", "area"].contains(indoor) else { continue }
            let rings = shape.parts.compactMap { part -> [Point2]? in if case .polygon(let r) = part { return r.first } else { return nil }
            }
            if !rings.isEmpty { areas.append(Area(id: id, tags: t, levels: levels, rings: rings)) }
        }
        let points = layers["points"] ?? []
        guard !areas.isEmpty || !wallWays.isEmpty else {
            throw ImportError(
                file: path, message: "no indoor=room, corridor, area or wall features (Simple Indoor Tagging): not an indoor map")
        }

        var allLevels = Set(areas.flatMap(\.levels) + wallWays.flatMap(\.levels))
        for p in points { allLevels.formUnion(Self.levels(tags(p))) }
        let levelIDs = allLevels.sorted()
        func levelID(_ n: Int) -> String { "L\(n)" }

        var doc = PlanDocument()
        doc.decimals = 8
        var counts: [String: Int] = [:]
        var boundaries = BoundaryWalls()
        for area in areas {
            let category = Self.category(area.tags)
            for n in area.levels {
                counts[category, default: 0] += 1
                var props: [(String, JSONValue)] = [("level", .string(levelID(n))), ("category", .string(category))]
                if let name = Self.name(area.tags) { props.append(("name", .string(name))) }
                let geometry: JSONValue =
                    area.rings.count == 1
                    ? doc.polygon([area.rings[0]])
                    : .object(
                        JSONObject([
                            ("type", .string("MultiPolygon")),
                            ("coordinates", .array(area.rings.map { ring in .array([.array(ring.map(doc.position))]) })),
                        ]))
                doc.add(area.levels.count > 1 ? "\(area.id)-\(levelID(n))" : area.id, kind: "zone", geometry: geometry, props)
                for ring in area.rings { boundaries.add(ring: ring, level: levelID(n), walled: area.tags["indoor"] != "area") }
            }
        }
        var walls = 0
        for wall in boundaries.walls {
            walls += 1
            doc.add("wall-\(walls)", kind: "wall", geometry: doc.line(wall.segment), [("level", .string(wall.level))])
        }
        for way in wallWays {
            for n in way.levels {
                walls += 1
                doc.add(way.id, kind: "wall", geometry: doc.line(way.line), [("level", .string(levelID(n)))])
            }
        }

        // Doors and cameras: nodes.
        var doors = 0
        var cameras = 0
        for p in points {
            let t = tags(p)
            guard case .point(let at)? = p.shape else { continue }
            let tagged = Self.levels(t)
            let levels = tagged.isEmpty ? Self.levelsOfOutline(at, areas.map { ($0.rings, $0.levels) }) : tagged
            if let door = t["door"] {
                let width = t["width"].flatMap { Double($0.replacingOccurrences(of: " m", with: "")) } ?? 0.9
                for n in levels {
                    doc.add(
                        "osm-\(p.fields["osm_id"]?.text ?? String(p.fid))", kind: "opening", geometry: doc.point(at),
                        [
                            ("level", .string(levelID(n))), ("openingType", .string(door == "no" ? "passage" : "door")),
                            ("width", .number(width)),
                        ]
                            + (door == "no" ? [] : [("state", .string("open"))]))
                    doors += 1
                }
            }
            if t["man_made"] == "surveillance", (t["surveillance:type"] ?? "camera") == "camera" {
                var props: [(String, JSONValue)] = []
                if let direction = t["camera:direction"].flatMap(Self.bearing) { props.append(("heading", .number(direction))) }
                if let height = t["height"].flatMap({ Double($0.replacingOccurrences(of: " m", with: "")) }) {
                    props.append(("mountHeight", .number(height)))
                }
                if t["camera:type"] == "panning" { props.append(("type", .string("ptz"))) }
                for n in levels.isEmpty ? [levelIDs.first ?? 0] : levels {
                    cameras += 1
                    doc.add(
                        t["ref"] ?? "osm-\(p.fields["osm_id"]?.text ?? String(p.fid))", kind: "camera", geometry: doc.point(at),
                        [("level", .string(levelID(n)))] + props)
                }
            }
        }

        doc.plan += [
            ("crs", .string("EPSG:4326")),
            (
                "levels",
                .array(
                    levelIDs.map { n in
                        .object(JSONObject([("id", .string(levelID(n))), ("elevation", .number(Double(n) * storeyHeight))]))
                    })
            ),
            ("description", .string("imported by sightline from OSM \((path as NSString).lastPathComponent)")),
        ]
        let summary = [
            "\(path): OSM indoor",
            "  plan: \(levelIDs.count) level\(levelIDs.count == 1 ? "" : "s"), \(counts.values.reduce(0, +)) zones (\(counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))), \(walls) walls, \(doors) openings, \(cameras) cameras",
        ]
        return ImportRepair.repairingOpenings(ImportResult(document: doc.document, summary: summary), file: path)
    }

    // MARK: Tags

    /// GDAL's `all_tags` (`"k"=>"v","k2"=>"v2"`, quotes escaped) as a dictionary.
    public static func hstore(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        var strings: [String] = []
        var current = ""
        var inside = false
        var escaped = false
        for ch in text {
            if escaped {
                current.append(ch)
                escaped = false
                continue
            }
            switch ch {
            case "\\" where inside: escaped = true
            case "\"":
                if inside {
                    strings.append(current)
                    current = ""
                }
                inside.toggle()
            default: if inside { current.append(ch) }
            }
        }
        for i in stride(from: 0, to: strings.count - 1, by: 2) { out[strings[i]] = strings[i + 1] }
        return out
    }

    /// `level` and `repeat_on`: `0`, `-1`, `0;1`, `1-3`, `-2--1`.
    public static func levels(_ tags: [String: String]) -> [Int] {
        var out = Set<Int>()
        for value in [tags["level"], tags["repeat_on"]].compactMap({ $0 }) {
            for part in value.split(separator: ";") {
                let s = part.trimmingCharacters(in: .whitespaces)
                if let n = Double(s) {
                    out.insert(Int(n.rounded(.down)))
                    continue
                }
                // A range: the dash after the first character separates the ends.
                if let dash = s.dropFirst().firstIndex(of: "-"), let a = Int(s[..<dash]), let b = Int(s[s.index(after: dash)...]), a <= b,
                    b - a < 200
                {
                    for n in a...b { out.insert(n) }
                }
            }
        }
        return out.sorted()
    }

    /// The levels of the outlines a node stands on (doors often carry no `level`).
    static func levelsOfOutline(_ p: Point2, _ outlines: [(rings: [[Point2]], levels: [Int])]) -> [Int] {
        for (rings, levels) in outlines
        where rings.contains(where: { ring in
            zip(ring, ring.dropFirst()).contains { Segment($0, $1).distance(to: p) < 1e-9 }
        }) { return levels }
        return [0]
    }

    static func name(_ tags: [String: String]) -> String? {
        tags.first { $0.key.hasPrefix("name:zh") }?.value ?? tags["name"] ?? tags["name:en"]
    }

    /// A zone category from Simple Indoor Tagging, then from the name.
    static func category(_ tags: [String: String]) -> String {
        let room = tags["room"]?.lowercased() ?? ""
        let amenity = tags["amenity"]?.lowercased() ?? ""
        if amenity == "toilets" || ["toilet", "toilets", "restroom", "wc"].contains(room) { return "toilet" }
        if amenity == "shower" || tags["shower"] == "yes" || ["shower", "bath", "bathroom", "sauna"].contains(room) { return "bathhouse" }
        if ["changing", "changing_room", "locker", "locker_room"].contains(room) || tags["changing_room"] == "yes" {
            return "changing_room"
        }
        if ["fitting", "fitting_room"].contains(room) { return "fitting_room" }
        if ["nursing", "nursing_room", "baby_feeding", "lactation"].contains(room) { return "nursing_room" }
        if ["bedroom", "hotel", "guest_room"].contains(room) { return "guest_room" }
        if ["dormitory", "dorm"].contains(room) { return "dormitory_room" }
        if tags["indoor"] == "corridor" || room == "corridor" { return "corridor" }
        let ordinary: [String: String] = [
            "lobby": "lobby", "entrance": "entrance", "office": "office", "shop": "retail", "retail": "retail",
            "restaurant": "dining", "dining": "dining", "stairs": "stair", "elevator": "elevator", "parking": "parking",
        ]
        if let category = ordinary[room] { return category }
        if let name = name(tags), let category = RoomKeywords.category(of: name) { return category }
        return tags["indoor"] == "area" ? "public" : "room"
    }

    /// `camera:direction`: degrees, or a compass point (`N`, `NE`, `SSW`…).
    public static func bearing(_ text: String) -> Double? {
        if let d = Double(text.trimmingCharacters(in: .whitespaces)) {
            return (d.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        }
        let points = ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"]
        return points.firstIndex(of: text.uppercased()).map { Double($0) * 22.5 }
    }
}
