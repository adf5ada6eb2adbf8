import Foundation
import PlanarGeometry
import SightlineEngine
import SightlineJSON
import SightlinePlan

/// Checks an imported plan as `check` will, before it is written, and
/// repairs the openings `check` would refuse, each named in the summary:
///
/// - an opening within ``clearance`` of a wall but not on it (an OSM door
///   node a few centimetres off the room outline the wall was drawn on,
///   glazing drawn beside its wall rather than on it, coordinates the
///   source rounded) is **moved onto the nearest wall** it runs along — a
///   door node onto the nearest wall, a line onto the nearest wall within
///   ``parallelTolerance`` of its direction — so the wall is cut where the
///   drawing meant; dropping it would keep the wall closed and hide what a
///   camera sees through the door;
/// - an opening on a drawn wall that another opening already cut there
///   (glazing drawn as two to four parallel or duplicated lines) opens
///   nothing more, so it is **dropped**;
/// - an opening with no wall within ``clearance`` (a door between two open
///   IMDF units, an OSM door on an outline no wall was drawn on) has
///   nothing to cut, so it is **dropped**.
///
/// - an opening near a wall it does not run along (a door leaf drawn across
///   its doorway) cannot be put on it either, so it is **dropped** as well,
///   named apart: where it stood in a gap, the gap stays as open as the
///   walls draw it; where the wall runs on, the summary is where a user
///   learns a door may be missing.
///
/// So an import never writes a plan `check` refuses for its openings.
enum ImportRepair {
    /// How far the nearest wall may be for an opening on no wall to be moved
    /// onto it (metres); farther, the opening is dropped.
    static let clearance = 0.5
    /// How near a wall `check` takes an opening to lie on it (metres): the
    /// engine's snapping tolerance for openings.
    static let onWall = 0.05
    /// Largest angle between a line opening and the wall it is moved onto.
    static let parallelTolerance = 15.0 * Double.pi / 180

    /// `result` with the openings the engine finds on no wall moved onto
    /// their wall or removed, each named in its summary.
    ///
    /// - Complexity: one analysis of the plan without cameras' views per
    ///   pass (the scene is built, as `check` builds it), plus
    ///   O(openings × walls on their level) for the nearest walls.
    static func repairingOpenings(_ result: ImportResult, file: String) -> ImportResult {
        // The engine reports the levels it reached: repeat until a pass changes nothing.
        var current = result
        for _ in 0..<8 {
            let next = repairingOnce(current, file: file)
            if next.summary.count == current.summary.count { return next }
            current = next
        }
        return current
    }

    /// One pass: the result with what it repaired.
    private static func repairingOnce(_ result: ImportResult, file: String) -> ImportResult {
        let bytes = Array(result.json.utf8)
        guard let plan = try? PlanDecoder.decode(bytes: bytes, file: file) else { return result }
        var withoutCameras = plan
        withoutCameras.cameras = []
        let offending: Set<String>
        do {
            _ = try Engine(prohibited: []).analyze(withoutCameras)
            return result
        } catch let error as PlanError {
            offending = Set(
                error.problems.filter {
                    $0.message.hasPrefix("the opening lies on no wall") || $0.message.hasPrefix("the opening is near no wall")
                }
                .compactMap(\.feature))
        } catch {
            return result
        }
        var dropped: [String] = []
        var across: [String] = []
        var duplicates: [String] = []
        var moved: [String: (coordinates: JSONValue, distance: Double, wall: String)] = [:]
        var segmentsByLevel: [String: [(segment: Segment, wall: String)]] = [:]
        for opening in plan.openings where offending.contains(opening.id) {
            let level = opening.info.level
            let walls = segmentsByLevel[level] ?? wallSegments(on: level, in: plan)
            segmentsByLevel[level] = walls
            if let snap = snapped(opening, onto: walls), snap.distance <= clearance {
                // On a drawn wall already, yet on no wall to `check`: another
                // opening cut the wall there first (glazing drawn as two or
                // more lines), so the gap is open and this one cuts nothing.
                guard snap.distance > onWall else {
                    duplicates.append(opening.id)
                    continue
                }
                let decimals = plan.frame.outputDecimals
                let position = { (p: Point2) -> JSONValue in
                    let q = plan.frame.toPlan(p)
                    return .array([.number(rounded(q.x, decimals)), .number(rounded(q.y, decimals))])
                }
                let coordinates: JSONValue = snap.points.count == 1 ? position(snap.points[0]) : .array(snap.points.map(position))
                moved[opening.id] = (coordinates, snap.distance, snap.wall)
            } else if distanceToNearestWall(opening, among: walls.map(\.segment)) > clearance {
                dropped.append(opening.id)
            } else {
                across.append(opening.id)
            }
        }
        guard !dropped.isEmpty || !duplicates.isEmpty || !across.isEmpty || !moved.isEmpty, var root = result.document.objectValue,
            let features = root["features"]?.arrayValue
        else { return result }
        let droppedSet = Set(dropped + duplicates + across)
        root["features"] = .array(
            features.compactMap { f -> JSONValue? in
                guard var object = f.objectValue, let id = PlanDecoder.idString(object["id"]) else { return f }
                if droppedSet.contains(id) { return nil }
                guard let move = moved[id], var geometry = object["geometry"]?.objectValue else { return f }
                geometry["coordinates"] = move.coordinates
                object["geometry"] = .object(geometry)
                return .object(object)
            })
        var repaired = ImportResult(document: .object(root), summary: result.summary)
        if !moved.isEmpty {
            let listed = moved.sorted { $0.key < $1.key }.map { id, m in "\(id) \(DecimalText.fixed2(m.distance)) m onto \(m.wall)" }
            repaired.summary.append(
                "  repaired: \(moved.count) opening\(moved.count == 1 ? "" : "s") moved onto the wall \(moved.count == 1 ? "it lies" : "they lie") beside: \(abbreviated(listed))"
            )
        }
        if !dropped.isEmpty {
            repaired.summary.append(
                "  repaired: \(dropped.count) opening\(dropped.count == 1 ? "" : "s") with no wall within \(clearance) m dropped (nothing to cut): \(abbreviated(dropped.sorted()))"
            )
        }
        if !duplicates.isEmpty {
            repaired.summary.append(
                "  repaired: \(duplicates.count) opening\(duplicates.count == 1 ? "" : "s") dropped where another opening already cut the wall (drawn twice): \(abbreviated(duplicates.sorted()))"
            )
        }
        if !across.isEmpty {
            repaired.summary.append(
                "  repaired: \(across.count) opening\(across.count == 1 ? "" : "s") near a wall \(across.count == 1 ? "it does" : "they do") not run along dropped (a leaf drawn across its doorway? where the wall runs on, a door may be missing: check the drawing): \(abbreviated(across.sorted()))"
            )
        }
        return repaired
    }

    /// The first 20 of `items`, and how many more.
    private static func abbreviated(_ items: [String]) -> String {
        items.prefix(20).joined(separator: ", ") + (items.count > 20 ? " and \(items.count - 20) more" : "")
    }

    private static func rounded(_ value: Double, _ decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }

    /// The segments of the walls on `level` (a thin wall's lines, a wall
    /// body's ring edges), each with its wall's id.
    static func wallSegments(on level: String, in plan: Plan) -> [(segment: Segment, wall: String)] {
        var segments: [(segment: Segment, wall: String)] = []
        for wall in plan.walls where wall.info.level == level {
            switch wall.shape {
            case .lines(let lines):
                for l in lines { segments += zip(l, l.dropFirst()).map { (Segment($0, $1), wall.id) } }
            case .polygons(let polygons):
                for p in polygons { p.forEachEdge { a, b in segments.append((Segment(a, b), wall.id)) } }
            }
        }
        return segments
    }

    /// Where `opening` lies once moved onto the nearest wall segment it runs
    /// along: a door node projected onto the nearest segment; a line's
    /// vertices projected onto the line of the nearest segment within
    /// ``parallelTolerance`` of its direction (not clamped: a door may span
    /// two collinear pieces of wall). `nil` when no segment qualifies.
    static func snapped(_ opening: Opening, onto walls: [(segment: Segment, wall: String)]) -> (
        points: [Point2], distance: Double, wall: String
    )? {
        switch opening.shape {
        case .point(let p, _):
            guard let nearest = walls.min(by: { $0.segment.distance(to: p) < $1.segment.distance(to: p) }) else { return nil }
            return ([nearest.segment.closestPoint(to: p)], nearest.segment.distance(to: p), nearest.wall)
        case .line(let line):
            guard let first = line.first, let last = line.last, first.distance(to: last) > 0 else { return nil }
            let direction = (last - first) * (1 / first.distance(to: last))
            let piece = Segment(first, last)
            var best: (segment: Segment, wall: String, distance: Double)?
            for candidate in walls {
                let axis = candidate.segment.b - candidate.segment.a
                let length = axis.length
                guard length > 0 else { continue }
                let sine = abs(direction.cross(axis * (1 / length)))
                guard sine <= sin(parallelTolerance) else { continue }
                let d = candidate.segment.distance(to: piece)
                if d < (best?.distance ?? .infinity) { best = (candidate.segment, candidate.wall, d) }
            }
            guard let best else { return nil }
            let a = best.segment.a
            let u = (best.segment.b - a) * (1 / (best.segment.b - a).length)
            let points = line.map { a + u * (($0 - a).dot(u)) }
            let distance = zip(line, points).map { $0.distance(to: $1) }.max() ?? 0
            return (points, distance, best.wall)
        }
    }

    /// The distance (metres) from an opening to the nearest of `segments`
    /// (the walls of its level).
    static func distanceToNearestWall(_ opening: Opening, among segments: [Segment]) -> Double {
        let points: [Point2]
        switch opening.shape {
        case .line(let line): points = line
        case .point(let p, _): points = [p]
        }
        var best = Double.infinity
        let pieces = zip(points, points.dropFirst()).map { Segment($0, $1) }
        for s in segments {
            if pieces.isEmpty {
                for p in points { best = min(best, s.distance(to: p)) }
            } else {
                for piece in pieces { best = min(best, s.distance(to: piece)) }
            }
        }
        return best
    }
}
