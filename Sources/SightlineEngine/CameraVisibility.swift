import GEOS
import PlanarGeometry
import SightlineJSON
import SightlinePlan

/// The first stage of a camera's analysis: where its sight lines reach.
///
/// The radial sweep among full-height obstacles (the spec's tests 1–4 for
/// walls of full height), less the 2.5-D shadows of low walls (test 4 for the
/// rest), and what the camera sees of the level below through voids on its
/// own. Privacy masks are the next stage's (``PrivacyMaskSplit``).
struct CameraVisibility {
    let analyzer: CameraAnalyzer
    let optics: CameraOptics

    /// What the stage found.
    struct Result {
        /// Where the view is computed from: the camera's point, or the face
        /// of the wall its lens is drawn inside.
        var eye: Point2
        var notes: [String]
        /// The view on the camera's own level, masks not yet applied.
        var view: ViewRegion
        /// The level below, when voids on this level open onto it.
        var below: Below?
    }

    /// What the camera sees of the level below, from that floor's height.
    struct Below {
        let scene: LevelScene
        /// The camera's optics with the lens `drop` higher (its own band and
        /// pixel density on that floor).
        let optics: CameraOptics
        let lensHeight: Double
        let region: ViewRegion
    }

    func run() throws -> Result {
        let camera = analyzer.camera
        let scene = analyzer.scene
        var notes: [String] = []
        var eye = camera.position
        let axis = Point2.unit(bearingDegrees: camera.heading)
        var nearby = optics.isEmpty ? [] : scene.segments(near: eye, radius: optics.farLimit)

        // A lens drawn inside a wall body sits, physically, on its face.
        if let solid = scene.solid, !nearby.isEmpty, try solid.containsProperly(eye, context: scene.context) {
            if let exit = Self.firstHit(from: eye, direction: axis, segments: nearby) {
                eye = eye + axis * (exit + 1e-7)
                notes.append(
                    "the lens is drawn inside a wall; analysed from the wall face \(DecimalText.fixed(exit, 3)) m along its heading")
                nearby = scene.segments(near: eye, radius: optics.farLimit)
            }
        }

        var view = ViewRegion(
            optics.isEmpty
                ? []
                : analyzer.sweepRegion(
                    eye: eye, optics: optics, near: optics.nearLimit, far: optics.farLimit, segments: nearby, heading: axis),
            context: scene.context)
        if !view.isEmpty {
            view = try removingLowWallShadows(from: view, eye: eye, optics: optics)
        }

        // The level below, through voids: from its floor the lens is `drop`
        // higher, so it has its own optics (band and pixel density).
        var below: Below?
        if let lower = analyzer.below {
            let drop = scene.level.elevation - lower.level.elevation
            var lowered = camera
            lowered.mountHeight += drop
            let loweredOptics = CameraOptics(camera: lowered, personHeight: analyzer.personHeight)
            let seen = try VoidView(analyzer: analyzer, eye: eye, heading: axis, drop: drop, optics: loweredOptics, below: lower).region()
            below = Below(
                scene: lower, optics: loweredOptics, lensHeight: lowered.mountHeight, region: ViewRegion(seen, context: scene.context))
        }
        return Result(eye: eye, notes: notes, view: view, below: below)
    }

    /// `region` less the shadows of the low walls within reach (unchanged
    /// when none meets it; ``ViewRegion/subtractingShadows(_:seenFrom:)``).
    func removingLowWallShadows(from region: ViewRegion, eye: Point2, optics: CameraOptics) throws -> ViewRegion {
        let low = analyzer.scene.lowSegments(near: eye, radius: optics.farLimit)
        guard !low.isEmpty else { return region }
        return try region.subtractingShadows(lowWallShadows(low, eye: eye, optics: optics, within: region.polygons), seenFrom: eye)
    }

    /// The shadows of low walls within reach that meet `region` (the view
    /// they are cut from), each as polygons (a quadrilateral, or its part
    /// within a distance band).
    ///
    /// Shadows that miss the region — behind a full-height wall, outside the
    /// field — are dropped first (a Swift test per shadow).
    ///
    /// - Complexity: O(w log V) for w low walls in reach and a region of V
    ///   edges (``RegionProbe``).
    private func lowWallShadows(_ low: [LowSegment], eye: Point2, optics: CameraOptics, within region: [PolygonRings]) throws
        -> [[PolygonRings]]
    {
        let ctx = analyzer.scene.context
        let shadows = LowWallShadows(
            eye: eye, lensHeight: analyzer.camera.mountHeight, personHeight: analyzer.personHeight,
            topElevation: optics.elevationHigh, far: optics.farLimit)
        var parts: [[PolygonRings]] = []
        var annuli: [String: Geometry] = [:]
        let probe = RegionProbe(region)
        for wall in low {
            let s = wall.segment
            if s.distance(to: eye) <= ObstacleSet.onWallTolerance { continue }
            if abs((s.a - eye).cross(s.b - eye)) <= 1e-14 * (s.a - eye).length * (s.b - eye).length { continue }
            for piece in shadows.pieces(of: s, height: wall.height) {
                let quadrilateral = shadows.quadrilateral(piece)
                guard probe.meets(convex: quadrilateral.shell) else { continue }
                guard piece.minDistance > 0 || piece.maxDistance < optics.farLimit else {
                    parts.append([quadrilateral])
                    continue
                }
                // Within a distance band: the quadrilateral's part of an annulus.
                let key = "\(piece.minDistance)-\(piece.maxDistance)"
                let ring =
                    try annuli[key]
                    ?? ctx.multiPolygon(
                        analyzer.annulus(eye: eye, from: piece.minDistance, to: min(piece.maxDistance, optics.farLimit * 1.01 + 1)))
                annuli[key] = ring
                let part = try ctx.polygon(quadrilateral).intersection(ring).polygons()
                if !part.isEmpty { parts.append(part) }
            }
        }
        return parts
    }

    /// Distance along a ray to the nearest segment it meets.
    static func firstHit(from p: Point2, direction u: Point2, segments: [Segment]) -> Double? {
        var best: Double?
        for s in segments {
            let d = s.b - s.a
            let denom = u.cross(d)
            if denom == 0 { continue }
            let t = (s.a - p).cross(d) / denom
            let k = (s.a - p).cross(u) / denom
            if t > 0, k >= 0, k <= 1, t < (best ?? .infinity) { best = t }
        }
        return best
    }
}
