import GEOS
import PlanarGeometry
import SightlinePlan

/// What a camera sees of the level below through `void` zones (atria,
/// mezzanine edges) on its own level.
///
/// A sight line from the lens (height H) to a point p of the level below at
/// height z crosses the camera's floor at q = c + s·(p − c), s = H/(H + Δ − z)
/// with Δ the drop between the floors. So p is seen through the void when q
/// lies in (void ∩ what the camera sees on its own level): p lies in that
/// region scaled about the camera by k = 1/s, for some k in
/// [(H + Δ − P)/H, (H + Δ)/H]. The union of a polygon's scaled copies over a
/// range of k is the two extreme copies plus the quadrilaterals its edges
/// sweep, which is exact. On the level below, a full-height wall met at t
/// hides points until the sight line has come down past it: d < t·(H + Δ − P)/H
/// (the same homothety shadow as a low wall). The bearing, range and vertical
/// field are the camera's, with its lens Δ higher above that floor.
///
/// Each condition is met for some height z on its own; requiring one z for
/// all of them at once would shrink the region slightly, so the region errs
/// towards showing more (the safe side for a privacy check). Only the level
/// directly below is modelled.
struct VoidView {
    let analyzer: CameraAnalyzer
    let eye: Point2
    let heading: Point2
    let drop: Double
    let optics: CameraOptics
    let below: LevelScene

    func region() throws -> [PolygonRings] {
        let scene = analyzer.scene
        let ctx = scene.context
        let h = analyzer.camera.mountHeight
        let p = analyzer.personHeight
        guard drop > 0, h > 0, h + drop > p, !optics.isEmpty else { return [] }
        let kMin = (h + drop - p) / h
        let kMax = (h + drop) / h

        // Where sight lines can cross the camera's floor: its own view (no
        // near limit: the floor opening may be right below) within reach.
        let reach = optics.farLimit / kMin
        let own = analyzer.sweepRegion(
            eye: eye, optics: optics, near: 0, far: reach,
            segments: scene.segments(near: eye, radius: reach), heading: heading)
        guard !own.isEmpty else { return [] }
        let voids = try ctx.collection(.collection, scene.voids.map { try $0.geometry() }).unaryUnion()
        let crossing = try ctx.multiPolygon(own).intersection(voids).polygons()
        guard !crossing.isEmpty else { return [] }

        // Every point whose sight line passes through the crossing region.
        var swept: [Geometry] = []
        for polygon in crossing {
            swept.append(try ctx.polygon(scaled(polygon, kMin)))
            swept.append(try ctx.polygon(scaled(polygon, kMax)))
            for e in polygon.edges where e.a != e.b {
                let quad = [scale(e.a, kMin), scale(e.b, kMin), scale(e.b, kMax), scale(e.a, kMax)]
                if abs(PolygonRings.signedArea(quad)) > 1e-12 { swept.append(try ctx.polygon(PolygonRings(shell: quad))) }
            }
        }
        var region = try ctx.collection(.collection, swept).unaryUnion()

        // The camera's reach on the lower floor: bearings and distance band.
        let (start, width) = optics.fieldSector
        let band = try ctx.multiPolygon(
            analyzer.annulus(eye: eye, from: optics.nearLimit, to: optics.farLimit, start: start, width: width))
        region = try region.intersection(band)

        // Walls of the lower level hide what the sight line meets after crossing.
        var shadows: [Geometry] = []
        if kMin > 1 {
            for s in below.segments(near: eye, radius: optics.farLimit) where s.distance(to: eye) > ObstacleSet.onWallTolerance {
                let quad = [s.a, s.b, scale(s.b, kMin), scale(s.a, kMin)]
                if abs(PolygonRings.signedArea(quad)) > 1e-12 { shadows.append(try ctx.polygon(PolygonRings(shell: quad))) }
            }
        }
        if !shadows.isEmpty { region = try region.difference(ctx.collection(.collection, shadows).unaryUnion()) }
        return try region.polygons().filter { $0.area > 1e-9 }
    }

    private func scale(_ q: Point2, _ k: Double) -> Point2 { eye + (q - eye) * k }

    private func scaled(_ polygon: PolygonRings, _ k: Double) -> PolygonRings {
        PolygonRings(shell: polygon.shell.map { scale($0, k) }, holes: polygon.holes.map { $0.map { scale($0, k) } })
    }
}
