import GEOS
import PlanarGeometry
import SightlinePlan

/// Everything the engine works out for one camera in its level's scene, in
/// four stages with one job each, the view passed between them as one
/// ``ViewRegion`` (so it crosses from Swift to GEOS once):
///
/// 1. ``CameraVisibility``: where sight lines reach — the radial sweep among
///    full-height obstacles, less low walls' shadows, and the level below
///    through voids;
/// 2. ``PrivacyMaskSplit``: what the camera records and what its masks hide;
/// 3. ``ZoneOverlaps``: the prohibited zones it stands in, sees into, hears;
/// 4. ``CameraMeasures``: restricted areas, the site boundary, ownership,
///    obstruction.
///
/// A new rule adds a measure to the stage it belongs to, not a branch here.
struct CameraAnalyzer {
    let camera: Camera
    let scene: LevelScene
    /// The level below, when voids on the camera's level open onto it.
    let below: LevelScene?
    let personHeight: Double
    let sweep: RadialSweep

    func run() throws -> CameraAnalysis {
        let optics = CameraOptics(camera: camera, personHeight: personHeight)
        let seen = try CameraVisibility(analyzer: self, optics: optics).run()

        let masks = PrivacyMaskSplit(analyzer: self)
        let own = try masks.split(seen.view, eye: seen.eye, optics: optics, lensHeight: camera.mountHeight)
        let lower = try seen.below.map { b in
            (below: b, split: try masks.split(b.region, eye: seen.eye, optics: b.optics, lensHeight: b.lensHeight))
        }

        let zones = ZoneOverlaps(analyzer: self)
        var intrusions = try zones.intrusions(of: own.recorded, seenFrom: seen.eye, in: scene, density: optics.density)
        var maskedIntrusions = try zones.intrusions(of: own.masked, seenFrom: seen.eye, in: scene, density: optics.density)
        if let lower {
            let density = lower.below.optics.density
            intrusions += try zones.intrusions(of: lower.split.recorded, seenFrom: seen.eye, in: lower.below.scene, density: density)
            maskedIntrusions += try zones.intrusions(of: lower.split.masked, seenFrom: seen.eye, in: lower.below.scene, density: density)
        }

        let viewBelow = lower?.split.recorded
        let measures = CameraMeasures(analyzer: self, view: own.recorded, viewBelow: viewBelow)
        var analysis = CameraAnalysis(
            camera: camera, optics: optics, view: own.recorded.polygons, viewArea: own.recorded.area,
            belowLevel: (viewBelow?.isEmpty ?? true) ? nil : lower?.below.scene.level.id, viewBelow: viewBelow?.polygons ?? [],
            maskedView: own.masked.polygons, maskedArea: own.masked.area,
            insideZones: try zones.zonesStoodIn(), intrusions: intrusions, maskedIntrusions: maskedIntrusions,
            audioZones: zones.zonesHeard(), notes: seen.notes, restricted: try measures.restricted(), offSite: try measures.offSite())
        if camera.owner != nil { analysis.ownership = try measures.ownership() }
        if camera.publicSecurity, !optics.isEmpty { analysis.unobstructedArea = measures.unobstructedArea(eye: seen.eye, optics: optics) }
        return analysis
    }

    /// The exact visibility region among full-height obstacles, within the
    /// camera's angular reach and a distance band.
    ///
    /// - Complexity: O(k log k + k·a) for k segments in reach, a of them
    ///   active at once (``RadialSweep``).
    func sweepRegion(
        eye: Point2, optics: CameraOptics, near: Double, far: Double, segments: [Segment],
        heading: Point2
    ) -> [PolygonRings] {
        let obstacles = ObstacleSet(eye: eye, segments: segments)
        let (start, width) = optics.fieldSector
        let wedge = RadialSweep.AngularDomain(start: start, width: width)
        return obstacles.restrictDomain(wedge, heading: heading).flatMap {
            sweep.region(eye: eye, domain: $0, near: near, far: far, segments: obstacles.segments)
        }
    }

    /// A ring sector between two radii (a disk or full annulus by default),
    /// chords at most the sweep's arc step apart.
    func annulus(
        eye: Point2, from r1: Double, to r2: Double,
        start: Double = 0, width: Double = 2 * .pi
    ) -> [PolygonRings] {
        PolygonRings.annulus(center: eye, from: r1, to: r2, start: start, width: width, maxArcStep: sweep.maxArcStep)
    }
}
