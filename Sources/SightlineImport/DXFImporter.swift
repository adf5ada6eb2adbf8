import Foundation
import OGR
import PlanarGeometry
import SightlineIO
import SightlineJSON
import SightlinePlan

/// `sightline import dxf`: an architect's floor drawing → a plan.
///
/// GDAL's DXF driver reads the entities (blocks kept as inserts, so a door
/// or camera block is one feature with its name, angle and attributes; text
/// decoded as UTF-8 for R2007+ files, else by `$DWGCODEPAGE`); the mapping
/// says what each layer holds:
///
/// - walls: lines, polylines and arcs (double-line walls stay two lines,
///   each an obstacle); columns: closed outlines, as polygon walls;
/// - rooms: closed outlines on room layers, each a zone whose category
///   comes from the label inside it (TEXT, MTEXT, or a label block's
///   attributes; ``RoomKeywords``), the label its name;
///   with no outlines, the faces the walls enclose (``RoomsFromWalls``);
/// - doors: block inserts in wall gaps (on door layers, or named as doors
///   on any layer), each a wall across the gap at the insert with a door
///   on it (closed on fire-door layers), width from a TArch name (`M0921`:
///   900 mm) or the block's extent; doors drawn as a leaf and a swing arc,
///   or as a doorway outline between two walls (``DXFDrawnDoors``);
/// - windows: a window on a wall along each window line;
/// - cameras: camera blocks, attributes (编号/ID, 型号/MODEL, 安装高度/HEIGHT,
///   俯角/TILT, 水平视角/HFOV) read by tag, the insert's rotation
///   (counter-clockwise from +x) turned into a heading (clockwise from +y).
///
/// Complexity: O(entities + rooms × labels).
public struct DXFImporter: Sendable {
    public var mapping = DXFLayerMapping.builtIn
    /// Overrides `$INSUNITS`.
    public var units: LengthUnit?
    public var levelID = "1F"
    /// Where the drawing's origin lies, for map outputs (`--origin`, `--rotation`).
    public var georeference: Georeference?
    /// The text encoding of a drawing whose `$DWGCODEPAGE` is missing or
    /// wrong (`--encoding gbk`): an R12 file from a Chinese CAD program has
    /// none, and its room names would read as mojibake (ÎÀÉú¼ä for 卫生间).
    public var encoding: String?

    public init() {}

    public func run(_ path: String) throws(ImportError) -> ImportResult {
        if let encoding, !DXFTextEscapes.canDecode(encoding) {
            throw ImportError(
                file: path,
                message:
                    "--encoding: `\(TerminalText.excerpt(encoding))` is not an encoding this system knows (gbk, big5, shift_jis, cp1252…)")
        }
        let header = try DXFHeader(path: path)
        let records: [OGRRecord]
        let blockExtents: [String: Double]
        do throws(OGRError) {
            var config = ["DXF_INLINE_BLOCKS": "FALSE", "DXF_MERGE_BLOCK_GEOMETRIES": "TRUE"]
            if let encoding {
                config["DXF_ENCODING"] = encoding.uppercased()
            } else if header.isUnicode {
                config["DXF_ENCODING"] = "UTF-8"
            }
            let dataset = try OGRDataset(path: path, drivers: ["DXF"], config: config)
            guard let entities = dataset.layer(named: "entities") else { throw OGRError(path: path, message: "no entities layer") }
            records = try entities.records()
            blockExtents = Self.blockExtents(try dataset.layer(named: "blocks")?.records() ?? [])
        } catch {
            throw ImportError(file: path, message: "not a readable DXF drawing: \(error.message)")
        }

        // No `$INSUNITS` (R12 files, LibreCAD, NoteCAD): the unit a building's
        // size makes likely, said in the summary with how it was inferred.
        var inferred: String?
        var unitWarning: String?
        let unit: LengthUnit
        // Doors are 0.7–1.2 m wide whatever the drawing's unit: their blocks'
        // widths say the unit better than the extent does, and catch a
        // `$INSUNITS` that is wrong (a drawing in inches declared in metres).
        let doorUnit = Self.unitFromDoors(
            Self.doorBlockWidths(records, blockExtents: blockExtents, mapping: mapping)
                + DXFDrawnDoors.swingRadii(records, mapping: mapping))
        if let known = units {
            unit = known
        } else if let declared = header.unit {
            unit = declared
            if let doors = doorUnit, doors.unit != declared {
                let declaredWidth = DecimalText.fixed2(doors.median * declared.metres)
                unitWarning =
                    "  warning: the doors are a median \(DecimalText.fixed2(doors.median)) units wide: \(declaredWidth) m in the declared unit ($INSUNITS \(declared.rawValue)), \(DecimalText.fixed2(doors.median * doors.unit.metres)) m in \(doors.unit.rawValue); if the drawing is in \(doors.unit.rawValue), import it with --units \(doors.unit.rawValue)"
            }
        } else if let doors = doorUnit {
            unit = doors.unit
            inferred =
                "inferred from its doors, a median \(DecimalText.fixed2(doors.median)) units wide: \(doors.unit.rawValue) for doors 0.7–1.2 m"
        } else if let guess = Self.inferUnit(records.filter { $0.fields["PaperSpace"] == nil }.compactMap(\.shape)) {
            unit = guess.unit
            inferred = guess.why
        } else {
            throw ImportError(
                file: path,
                message:
                    "$INSUNITS is unset or unitless (\(header.insunits.map(String.init) ?? "none")) and the drawing's size does not tell: give --units mm|cm|m|in|ft"
            )
        }
        var doc = PlanDocument()
        doc.decimals = unit == .mm ? 1 : unit == .cm ? 2 : 4
        let metres = unit.metres
        var layerCounts: [String: [String: Int]] = [:] // layer → what it became → count
        var ignored: [String: Int] = [:] // no role, or nothing usable
        var ignoredByMapping: [String: Int] = [:] // role `ignore`
        func note(_ layer: String, _ what: String) { layerCounts[layer, default: [:]][what, default: 0] += 1 }

        var rooms: [(id: String, layer: String, ring: [Point2])] = []
        var wallLines: [[Point2]] = [] // for rooms from walls, when the drawing has no room outlines
        var labels: [(text: String, at: Point2)] = []
        var walls = 0
        var doors = 0
        var windows = 0
        var cameras = 0
        var columns = 0

        // Roles are looked up once per layer and block name, not per entity
        // (substring tests on 100,000 entities were the import's main cost).
        var layerRoles: [String: DXFLayerRole?] = [:]
        func role(of layer: String) -> DXFLayerRole? {
            if let known = layerRoles[layer] { return known }
            let role = mapping.role(of: layer)
            layerRoles[layer] = role
            return role
        }
        var blockRoles: [String: DXFLayerRole?] = [:]
        func role(ofBlock name: String) -> DXFLayerRole? {
            if let known = blockRoles[name] { return known }
            let role: DXFLayerRole? = mapping.isCameraBlock(name) ? .camera : mapping.isDoorBlock(name) ? .door : nil
            blockRoles[name] = role
            return role
        }
        func addDoor(_ ends: [Point2], layer: String, name: String?) {
            wallLines.append(ends)
            let id = doc.uniqueID("door-\(doors + 1)")
            doc.add("\(id)-wall", kind: "wall", geometry: doc.line(ends), [])
            var props: [(String, JSONValue)] = [
                ("openingType", .string("door")), ("state", .string(mapping.doorsClosed(on: layer) ? "closed" : "open")),
            ]
            if let name { props.append(("name", .string(name))) }
            doc.add(id, kind: "opening", geometry: doc.line(ends), props)
            doors += 1
            note(layer, "doors")
        }
        // Doors drawn as a leaf and a swing arc: found first, so that
        // neither the arc nor the leaf becomes a wall across the doorway.
        let drawn = DXFDrawnDoors(records: records, roles: { role(of: $0) }, unitMetres: metres)
        var nonFinite: [String] = []
        for (index, r) in records.enumerated() where r.fields["PaperSpace"] == nil && !drawn.consumed.contains(index) {
            let layer = r.fields["Layer"]?.text ?? "0"
            if let shape = r.shape, !shape.isFinite {
                nonFinite.append("\(r.fields["EntityHandle"].map { "entity \($0.text)" } ?? "an entity") on layer \(layer)")
                continue
            }
            let block = r.fields["BlockName"]?.text
            // A camera or door block is one on any layer (a sliding door
            // inserted on the wall layer, a door block on layer 0).
            let role = block.flatMap { role(ofBlock: $0) } ?? role(of: layer)
            if role == .ignore {
                ignoredByMapping[layer, default: 0] += 1
                continue
            }
            // A room's name may stand on any layer (layer 0, an AIA name
            // layer like A-IDEN-NAME): text on a layer with no role is a
            // label, matched to the room it falls in.
            if role == nil, case .point(let p)? = r.shape, let text = r.fields["Text"]?.text, !text.isEmpty {
                labels.append((Self.plainText(text), p))
                note(layer, "labels")
                continue
            }
            guard let role, let shape = r.shape else {
                ignored[layer, default: 0] += 1
                continue
            }
            switch role {
            case .wall:
                for part in shape.parts {
                    switch part {
                    case .lineString(let l) where l.count >= 2:
                        wallLines.append(l)
                        doc.add("wall-\(walls + 1)", kind: "wall", geometry: doc.line(l), [])
                        walls += 1
                        note(layer, "walls")
                    case .polygon(let rings) where !rings.isEmpty:
                        wallLines += rings
                        doc.add("wall-\(walls + 1)", kind: "wall", geometry: doc.polygon(rings), [])
                        walls += 1
                        note(layer, "walls")
                    default: ignored[layer, default: 0] += 1
                    }
                }
            case .column:
                guard let ring = Self.closedRing(shape) else {
                    ignored[layer, default: 0] += 1
                    continue
                }
                wallLines.append(ring)
                doc.add("column-\(columns + 1)", kind: "wall", geometry: doc.polygon([ring]), [])
                columns += 1
                note(layer, "columns")
            case .room:
                guard let ring = Self.closedRing(shape) else {
                    ignored[layer, default: 0] += 1
                    continue
                }
                rooms.append(("room-\(rooms.count + 1)", layer, ring))
                note(layer, "rooms")
            case .text:
                // TEXT and MTEXT, or a room-name block whose attributes hold the name.
                let attributeText = Self.attributes(r.fields["BlockAttributes"]).values.sorted { $0.key < $1.key }.map(\.value)
                    .filter { !$0.isEmpty }.joined(separator: " ")
                guard case .point(let p) = shape, let text = r.fields["Text"]?.text ?? (attributeText.isEmpty ? nil : attributeText),
                    !text.isEmpty
                else {
                    ignored[layer, default: 0] += 1
                    continue
                }
                labels.append((Self.plainText(text), p))
                note(layer, "labels")
            case .door:
                if case .point(let at) = shape, let block {
                    let width = Self.doorWidth(block: block, extent: blockExtents[block], unitMetres: metres)
                    let angle = Bearing.radians(r.fields["BlockAngle"]?.number ?? 0)
                    let half = Point2(cos(angle), sin(angle)) * (width / metres / 2)
                    addDoor([at - half, at + half], layer: layer, name: block)
                } else {
                    ignored[layer, default: 0] += 1
                }
            case .window:
                guard case .lineString(let l) = shape, l.count >= 2 else {
                    ignored[layer, default: 0] += 1
                    continue
                }
                wallLines.append(l)
                let id = doc.uniqueID("window-\(windows + 1)")
                doc.add("\(id)-wall", kind: "wall", geometry: doc.line(l), [])
                doc.add(id, kind: "opening", geometry: doc.line(l), [("openingType", .string("window"))])
                windows += 1
                note(layer, "windows")
            case .camera:
                guard case .point(let at) = shape else {
                    ignored[layer, default: 0] += 1
                    continue
                }
                let attributes = Self.attributes(r.fields["BlockAttributes"])
                cameras += 1
                let id = attributes.value(for: ["编号", "ID", "NO", "编码", "CAMERA_ID"]) ?? "camera-\(cameras)"
                let rotation = r.fields["BlockAngle"]?.number ?? 0
                var props: [(String, JSONValue)] = [("heading", .number(Self.heading(fromCADRotation: rotation)))]
                if let h = attributes.number(for: ["安装高度", "HEIGHT", "MOUNT_HEIGHT", "H"]) {
                    // Heights above 20 are millimetres (drawings write 2800, not 2.8).
                    props.append(("mountHeight", .number(h > 20 ? h / 1000 : h)))
                }
                if let t = attributes.number(for: ["俯角", "TILT"]) { props.append(("tilt", .number(t))) }
                if let f = attributes.number(for: ["水平视角", "HFOV", "FOV", "视角"]) { props.append(("hfov", .number(f))) }
                if let d = attributes.number(for: ["距离", "RANGE", "监控距离"]) { props.append(("range", .number(d))) }
                if let m = attributes.value(for: ["型号", "MODEL"]) { props.append(("model", .string(m))) }
                if let t = attributes.value(for: ["类型", "TYPE"]).flatMap(Self.cameraType) { props.append(("type", .string(t))) }
                doc.add(id, kind: "camera", geometry: doc.point(at), props)
                note(layer, "cameras")
            case .ignore: break
            }
        }
        for doorway in drawn.doorways { addDoor(doorway.ends, layer: doorway.layer, name: nil) }
        if !nonFinite.isEmpty {
            let listed = nonFinite.prefix(10).joined(separator: ", ") + (nonFinite.count > 10 ? " and \(nonFinite.count - 10) more" : "")
            throw ImportError(
                file: path,
                message: "a coordinate is not a finite number (infinite or NaN) in \(listed): correct the drawing and import it again")
        }

        // Nothing recognised: a plan of nothing would check as a pass.
        if walls + columns + doors + windows + cameras == 0, rooms.isEmpty {
            let seen = ignored.sorted { $0.value > $1.value }.prefix(12).map { "\($0.key) (\($0.value))" }
            throw ImportError(
                file: path,
                message:
                    "no layer was recognised as walls, rooms, doors, windows or cameras (layers: \(seen.isEmpty ? "none with entities" : seen.joined(separator: ", "))); map them to roles in a YAML file and import with --map FILE (Documentation: `layers`, `patterns`)"
            )
        }

        // No room outlines: the rooms are the faces the walls enclose.
        var derived = false
        if rooms.isEmpty, !wallLines.isEmpty {
            let faces: [[Point2]]
            do { faces = try RoomsFromWalls.rooms(walls: wallLines, metresPerUnit: metres) } catch {
                throw ImportError(file: path, message: "cannot derive rooms from the walls: \(error)")
            }
            rooms = faces.enumerated().map { ("room-\($0.offset + 1)", "walls", $0.element) }
            derived = !rooms.isEmpty
        }

        // Rooms take the labels inside them, each label the smallest room
        // holding it (a label in a stall names the stall, not the toilet).
        // Room boxes in an STR tree: O((rooms + labels) log rooms).
        var categories: [String: Int] = [:]
        var unlabelled: [String] = []
        var mixed: [String] = []
        let polygons = rooms.map { PolygonRings(shell: Array($0.ring.dropLast())) }
        let areas = polygons.map(\.area)
        let index = STRTree(polygons.enumerated().compactMap { i, p in Box(covering: p.shell).map { (box: $0, item: i) } })
        var labelsOf = [[String]](repeating: [], count: rooms.count)
        var homeless: [String] = []
        for label in labels {
            var best: Int?
            index.query(Box(around: label.at, radius: 0)) { i in
                if polygons[i].covers(label.at), best.map({ areas[i] < areas[$0] }) ?? true { best = i }
            }
            if let best { labelsOf[best].append(label.text) } else if !rooms.isEmpty { homeless.append(label.text) }
        }
        for (i, room) in rooms.enumerated() {
            let name = labelsOf[i].joined(separator: " ")
            let named = labelsOf[i].compactMap { RoomKeywords.category(of: $0) }
            // Labels of different places in one room: a gap the import could
            // not close. The private place's category wins (a false alarm is
            // explained; a toilet lost in its corridor would be missed).
            let privateNamed = named.first { RoomKeywords.privateCategories.contains($0) }
            if Set(named).count > 1 {
                mixed.append("\(room.id) (\(labelsOf[i].joined(separator: ", ")): imported as \(privateNamed ?? named[0]))")
            }
            let category = privateNamed ?? named.first
            if category == nil { unlabelled.append(name.isEmpty ? room.id : "\(room.id) \"\(name)\"") }
            let chosen = category ?? "room"
            categories[chosen, default: 0] += 1
            var props: [(String, JSONValue)] = [("category", .string(chosen))]
            if !name.isEmpty { props.append(("name", .string(name))) }
            doc.add(room.id, kind: "zone", geometry: doc.polygon([room.ring]), props)
        }

        doc.plan += [
            ("units", .string(unit.rawValue)),
            ("levels", .array([.object(JSONObject([("id", .string(levelID))]))])),
            ("description", .string("imported by sightline from \((path as NSString).lastPathComponent) (DXF \(header.version ?? "?"))")),
        ]
        if let g = georeference {
            doc.plan.append(
                ("georeference", .object(JSONObject([("origin", .numbers([g.lon, g.lat])), ("rotation", .number(g.rotation))]))))
        }
        let source =
            units != nil
            ? " (--units)" : inferred.map { " (no $INSUNITS: \($0); give --units if not)" } ?? " ($INSUNITS \(header.insunits ?? 0))"
        var summary = ["\(path): DXF \(header.version ?? "?"), units \(unit.rawValue)\(source)"]
        if let unitWarning { summary.append(unitWarning) }
        let outlines = drawn.doorways.prefix(drawn.outlineDoorways)
        let swings = drawn.doorways.dropFirst(drawn.outlineDoorways)
        if !outlines.isEmpty {
            summary.append(
                "  \(outlines.count) door\(outlines.count == 1 ? "" : "s") drawn as a doorway outline between two walls (through its middle): "
                    + Suggestion.list(outlines.map { $0.handle.map { "outline \($0)" } ?? "layer \($0.layer)" }))
        }
        if !swings.isEmpty {
            summary.append(
                "  \(swings.count) door\(swings.count == 1 ? "" : "s") drawn as a leaf and a swing arc (hinge to far jamb): "
                    + Suggestion.list(swings.map { $0.handle.map { "arc \($0)" } ?? "layer \($0.layer)" }))
        }
        if !drawn.unreadArcs.isEmpty {
            summary.append(
                "  warning: \(drawn.unreadArcs.count) arc\(drawn.unreadArcs.count == 1 ? "" : "s") shaped like a door's swing with no leaf along either radius, not read as doors: "
                    + Suggestion.list(drawn.unreadArcs))
        }
        for layer in layerCounts.keys.sorted() {
            let what = layerCounts[layer]!.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            summary.append("  layer \(layer) → \(what)")
        }
        if !ignoredByMapping.isEmpty {
            summary.append(
                "  layers the mapping ignores: "
                    + ignoredByMapping.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", "))
        }
        if !ignored.isEmpty {
            summary.append(
                "  ignored layers (give them a role with a mapping): "
                    + ignored.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", "))
        }
        summary.append(
            "  plan: 1 level, \(rooms.count) zones (\(categories.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))), \(walls + columns + doors + windows) walls, \(doors + windows) openings, \(cameras) cameras"
        )
        if !unlabelled.isEmpty { summary.append("  rooms with no recognised label (category room): \(unlabelled.joined(separator: ", "))") }
        if !homeless.isEmpty {
            // A label outside every room: a room whose outline was not closed, or a note.
            let named = homeless.filter { RoomKeywords.category(of: $0).map(RoomKeywords.privateCategories.contains) ?? false }
            summary.append(
                "  \(homeless.count) label\(homeless.count == 1 ? "" : "s") in no room\(named.isEmpty ? "" : ", \(named.count) naming a private place (an outline not closed?)"): "
                    + Suggestion.list(named + homeless.filter { !named.contains($0) }))
        }
        if derived { summary.append("  no room outlines on a room layer: \(rooms.count) rooms derived from the walls (door gaps closed)") }
        if !mixed.isEmpty {
            summary.append(
                "  rooms holding labels of different places (a gap left open? check the drawing): \(mixed.joined(separator: "; "))")
        }
        if rooms.isEmpty { summary.append("  no room outlines on a room layer, and the walls enclose no room: no zones") }
        return ImportRepair.repairingOpenings(ImportResult(document: doc.document, summary: summary), file: path)
    }

    // MARK: Pieces

    /// Widths of block definitions along their x axis, in drawing units.
    private static func blockExtents(_ records: [OGRRecord]) -> [String: Double] {
        var out: [String: Double] = [:]
        for r in records {
            guard let name = r.fields["Block"]?.text, let box = Box(covering: r.shape?.points ?? []) else { continue }
            out[name] = max(out[name] ?? 0, box.maxX - box.minX)
        }
        return out
    }

    /// A door's width in metres: TArch's name gives it (`M0921`, `FM1021`:
    /// decimetres), else the block's extent, else 0.9 m.
    static func doorWidth(block: String, extent: Double?, unitMetres: Double) -> Double {
        let digits = block.drop { !$0.isNumber }.prefix { $0.isNumber }
        if digits.count == 4, let dm = Double(digits.prefix(2)), dm > 0 { return dm / 10 }
        if let extent, extent > 0 { return extent * unitMetres }
        return 0.9
    }

    /// CAD rotation (degrees counter-clockwise from +x) → plan heading
    /// (degrees clockwise from +y), in [0, 360).
    public static func heading(fromCADRotation rotation: Double) -> Double {
        let h = (90 - rotation).truncatingRemainder(dividingBy: 360)
        let folded = h < 0 ? h + 360 : h
        return folded == 360 ? 0 : folded
    }

    /// The widths (drawing units, along the block's x axis) of the door
    /// blocks inserted on layers whose role is doors, or named as doors.
    static func doorBlockWidths(_ records: [OGRRecord], blockExtents: [String: Double], mapping: DXFLayerMapping) -> [Double] {
        var roles: [String: Bool] = [:]
        var widths: [Double] = []
        for r in records where r.fields["PaperSpace"] == nil {
            guard let block = r.fields["BlockName"]?.text, let width = blockExtents[block], width > 0 else { continue }
            let layer = r.fields["Layer"]?.text ?? "0"
            let isDoor = roles[layer] ?? (mapping.role(of: layer) == .door)
            roles[layer] = isDoor
            if isDoor || (mapping.isDoorBlock(block) && !mapping.isCameraBlock(block)) { widths.append(width) }
        }
        return widths
    }

    /// The one unit in which the median of at least three door widths is
    /// 0.7–1.2 m (units differ by 10× or 12×, so at most one fits), with the
    /// median; `nil` when there are fewer doors or none fits.
    ///
    /// - Complexity: O(d log d) in the doors.
    static func unitFromDoors(_ widths: [Double]) -> (unit: LengthUnit, median: Double)? {
        guard widths.count >= 3 else { return nil }
        let median = widths.sorted()[widths.count / 2]
        let fits = LengthUnit.allCases.filter { (0.7...1.2).contains(median * $0.metres) }
        guard fits.count == 1 else { return nil }
        return (fits[0], median)
    }

    /// The unit a drawing without `$INSUNITS` is likely drawn in, from the
    /// larger side of its extent: a floor is 3 to 1,000 m across, so an
    /// extent in that range is metres, 3,000 to 1,000,000 millimetres, and
    /// 300 to 3,000 centimetres (a building 3–30 m in cm; in mm it would be
    /// 0.3–3 m, smaller than a floor). `nil` for anything else.
    ///
    /// - Complexity: O(points).
    static func inferUnit(_ shapes: [OGRShape]) -> (unit: LengthUnit, why: String)? {
        guard let box = Box(covering: shapes.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }) else { return nil }
        let extent = max(box.maxX - box.minX, box.maxY - box.minY)
        let size = DecimalText.fixed(extent, extent < 10 ? 2 : 0)
        switch extent {
        case 3...1_000: return (.m, "inferred from its extent, \(size) units across: metres for a floor 3–1,000 m wide")
        case 3_000...1_000_000: return (.mm, "inferred from its extent, \(size) units across: millimetres for a floor 3–1,000 m wide")
        case 300..<3_000: return (.cm, "inferred from its extent, \(size) units across: centimetres for a floor 3–30 m wide")
        default: return nil
        }
    }

    static func closedRing(_ shape: OGRShape) -> [Point2]? {
        switch shape {
        case .polygon(let rings): return rings.first
        case .lineString(let l) where l.count >= 4 && l.first == l.last: return l
        default: return nil
        }
    }

    static func cameraType(_ text: String) -> String? {
        let t = text.lowercased()
        if t.contains("ptz") || t.contains("球") { return "ptz" }
        if t.contains("fish") || t.contains("鱼眼") || t.contains("全景") { return "fisheye" }
        if t.contains("fixed") || t.contains("枪") || t.contains("半球") || t.contains("固定") { return "fixed" }
        return nil
    }

    /// MTEXT formatting codes (`\P`, `{\f…;`) stripped to the words, after
    /// the escapes of characters outside the code page are decoded
    /// (``DXFTextEscapes``).
    static func plainText(_ text: String) -> String {
        var out = DXFTextEscapes.decoded(text).replacingOccurrences(of: "\\P", with: " ")
        while let r = out.range(of: #"\\[A-Za-z][^;\\{}]*;"#, options: .regularExpression) { out.removeSubrange(r) }
        out = out.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// Block attributes from GDAL's `BlockAttributes` ("TAG value" each).
    static func attributes(_ value: OGRValue?) -> BlockAttributes {
        guard case .strings(let list)? = value else { return BlockAttributes(values: [:]) }
        var values: [String: String] = [:]
        for entry in list {
            let parts = entry.split(separator: " ", maxSplits: 1)
            guard let tag = parts.first else { continue }
            values[tag.uppercased()] = parts.count > 1 ? DXFTextEscapes.decoded(String(parts[1])).trimmingCharacters(in: .whitespaces) : ""
        }
        return BlockAttributes(values: values)
    }
}

/// A block insert's attributes by tag (upper-cased).
struct BlockAttributes {
    var values: [String: String]

    /// The first non-empty value among `tags`.
    func value(for tags: [String]) -> String? {
        for tag in tags { if let v = values[tag.uppercased()], !v.isEmpty { return v } }
        return nil
    }

    func number(for tags: [String]) -> Double? { value(for: tags).flatMap { Double($0) } }
}

/// The few header variables the import needs, read from the file's text.
struct DXFHeader {
    var version: String?
    var insunits: Int?

    /// DXF R2007 (AC1021) and later store text as UTF-8.
    var isUnicode: Bool { (version ?? "") >= "AC1021" }

    /// `$INSUNITS` as a plan unit (1 in, 2 ft, 4 mm, 5 cm, 6 m).
    var unit: LengthUnit? {
        switch insunits {
        case 1: .in
        case 2: .ft
        case 4: .mm
        case 5: .cm
        case 6: .m
        default: nil
        }
    }

    init(path: String) throws(ImportError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportError(file: path, message: "cannot be read") }
        defer { try? handle.close() }
        // The HEADER section comes first; 256 KiB is far more than it takes.
        let head = (try? handle.read(upToCount: 256 << 10)) ?? Data()
        if head.starts(with: Array("AC10".utf8)) {
            throw ImportError(
                file: path,
                message:
                    "a DWG drawing (\(String(decoding: head.prefix(6), as: UTF8.self))): Sightline reads DXF; save it as DXF 2007 or later from the CAD program (TArch/天正: export a T3 drawing first, then save that as DXF)"
            )
        }
        var text = String(decoding: head, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        // Blank lines and `999` comments (LibreCAD and NoteCAD write one)
        // may come before the first section.
        var start = 0
        while start < lines.count {
            if lines[start].isEmpty {
                start += 1
            } else if lines[start] == "999" {
                start += 2
            } else {
                break
            }
        }
        guard lines.count > start + 4, lines[start] == "0", lines[start + 1] == "SECTION" else {
            throw ImportError(file: path, message: "not a DXF drawing (it must start with a SECTION; DWG files must be saved as DXF)")
        }
        var i = start
        while i + 2 < lines.count, lines[i] != "ENDSEC" {
            if lines[i] == "9" {
                let name = lines[i + 1]
                let value = i + 3 < lines.count ? lines[i + 3] : ""
                switch name {
                case "$ACADVER": version = value
                case "$INSUNITS": insunits = Int(value)
                default: break
                }
            }
            i += 1
        }
        let scan = try Self.scan(handle, path: path)
        if let line = scan.nulLine {
            throw ImportError(
                file: path, message: "not a readable DXF drawing: a NUL byte on line \(line) (a text DXF holds none: the file is damaged)")
        }
        if let object = scan.proxyEntity {
            throw ImportError(
                file: path,
                message:
                    "a TArch (天正) drawing: its walls, doors and windows are TArch objects (\(object)) that no DXF reader sees, so a plan from it would miss them; in TArch use 图形导出 to save a T3 drawing, then save that as DXF 2007 or later"
            )
        }
    }

    /// What a pass over the whole file finds before GDAL reads it: the line
    /// of the first NUL byte (a text DXF holds none; GDAL 3.6's reader loops
    /// for good on a carriage return followed by one — found by the import
    /// fuzzer), and the first entity GDAL cannot see — a TArch object
    /// (`TCH_WALL`, `TCH_OPENING`…) or an `ACAD_PROXY_ENTITY` — whose
    /// absence would leave walls and doors out of the plan unsaid.
    ///
    /// Complexity: O(n) in the file's size, read in 1 MiB chunks (each
    /// searched with the previous chunk's last bytes, so a name across two
    /// chunks is found).
    private static func scan(_ handle: FileHandle, path: String) throws(ImportError) -> (nulLine: Int?, proxyEntity: String?) {
        do { try handle.seek(toOffset: 0) } catch { throw ImportError(file: path, message: "cannot be read") }
        var line = 1
        var proxy: String?
        var carried: [UInt8] = []
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            let bytes = [UInt8](chunk)
            if let nul = bytes.firstIndex(of: 0) {
                line += bytes[..<nul].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
                return (line, proxy)
            }
            line += bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            if proxy == nil {
                let window = carried + bytes
                proxy = Self.proxyEntity(in: window)
                carried = Array(window.suffix(64))
            }
        }
        return (nil, proxy)
    }

    /// The first `0` group naming a TArch object or a proxy entity in
    /// `bytes`: a line `TCH_…` or `ACAD_PROXY_ENTITY` after a line `0`.
    private static func proxyEntity(in bytes: [UInt8]) -> String? {
        // Most drawings hold neither name: a byte search before any text is made.
        func holds(_ needle: String) -> Bool { bytes.firstRange(of: Array(needle.utf8)) != nil }
        guard holds("TCH_") || holds("ACAD_PROXY_ENTITY") else { return nil }
        var previous = ""
        // Split on the byte, not on Characters: a CRLF is one Character.
        for raw in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            let value = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if previous == "0", value.hasPrefix("TCH_") || value == "ACAD_PROXY_ENTITY" { return value }
            previous = value
        }
        return nil
    }
}
