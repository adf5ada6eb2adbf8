import Foundation
import PlanarGeometry
import SightlineEngine
import SightlinePlan

/// Checks an imported plan as `check` will, before it is written, and
/// repairs what a source drawing leaves that has one reading only: an
/// opening with no wall anywhere near it (a door between two open IMDF
/// units, an OSM door on an outline no wall was drawn on, a glazing line
/// whose wall the drawing never drew) has nothing to cut, so it is
/// dropped, and the summary names it. An opening with a wall close by but
/// not on it is left for `check` to refuse: dropping it would keep the
/// wall closed and hide what a camera sees through the door.
enum ImportRepair {
    /// How far the nearest wall must be for an opening on no wall to be
    /// dropped (metres); nearer, it is a drawing error to correct.
    static let clearance = 0.5

    /// `result` with the openings the engine finds on no wall, and with no
    /// wall within ``clearance``, removed and named in its summary.
    ///
    /// - Complexity: one analysis of the plan without cameras' views (the
    ///   scene is built, as `check` builds it), plus O(openings × walls on
    ///   their level) for the clearance.
    static func droppingOpeningsOnNoWall(_ result: ImportResult, file: String) -> ImportResult {
        // The engine reports the levels it reached: repeat until a pass drops nothing.
        var current = result
        for _ in 0..<8 {
            let next = droppingOnce(current, file: file)
            if next.summary.count == current.summary.count { return next }
            current = next
        }
        return current
    }

    private static func droppingOnce(_ result: ImportResult, file: String) -> ImportResult {
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
        let far = Set(
            plan.openings.filter { offending.contains($0.id) && distanceToNearestWall($0, in: plan) > clearance }.map(\.id))
        guard !far.isEmpty, var root = result.document.objectValue, let features = root["features"]?.arrayValue else { return result }
        root["features"] = .array(features.filter { f in !(PlanDecoder.idString(f.objectValue?["id"]).map(far.contains) ?? false) })
        var repaired = ImportResult(document: .object(root), summary: result.summary)
        let listed = far.sorted().prefix(20).joined(separator: ", ") + (far.count > 20 ? " and \(far.count - 20) more" : "")
        repaired.summary.append(
            "  repaired: \(far.count) opening\(far.count == 1 ? "" : "s") with no wall within \(clearance) m dropped (nothing to cut): \(listed)"
        )
        return repaired
    }

    /// The distance (metres) from an opening to the nearest wall on its level.
    static func distanceToNearestWall(_ opening: Opening, in plan: Plan) -> Double {
        let points: [Point2]
        switch opening.shape {
        case .line(let line): points = line
        case .point(let p, _): points = [p]
        }
        var segments: [Segment] = []
        for wall in plan.walls where wall.info.level == opening.info.level {
            switch wall.shape {
            case .lines(let lines): for l in lines { segments += zip(l, l.dropFirst()).map { Segment($0, $1) } }
            case .polygons(let polygons):
                for p in polygons { p.forEachEdge { a, b in segments.append(Segment(a, b)) } }
            }
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
