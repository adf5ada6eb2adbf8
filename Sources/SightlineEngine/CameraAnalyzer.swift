import GEOS
import PlanarGeometry
import SightlinePlan

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything the engine works out for one camera in its level's scene.
///
/// The view region is built in stages, each exact to the spec's "what a
/// camera sees": the radial sweep among full-height obstacles (tests 1–4 for
/// walls of full height), minus the 2.5-D shadows of low walls (test 4 for
/// the rest), then split by the privacy masks (test 5).
struct CameraAnalyzer {
    let camera: Camera
    let scene: LevelScene
    /// The level below, when voids on the camera's level open onto it.
    let below: LevelScene?
    let personHeight: Double
    let sweep: RadialSweep

    func run() throws -> CameraAnalysis {
        let optics = CameraOptics(camera: camera, personHeight: personHeight)
        var notes: [String] = []
        var eye = camera.position
        let axis = Point2.unit(bearingDegrees: camera.heading)
        var nearby = optics.isEmpty ? [] : scene.segments(near: eye, radius: optics.farLimit)

        // A lens drawn inside a wall body sits, physically, on its face.
        if let solid = scene.solid, !nearby.isEmpty, try solid.containsProperly(eye) {
            if let exit = Self.firstHit(from: eye, direction: axis, segments: nearby) {
                eye = eye + axis * (exit + 1e-7)
                notes.append(
                    "the lens is drawn inside a wall; analysed from the wall face \(String(format: "%.3f", exit)) m along its heading")
                nearby = scene.segments(near: eye, radius: optics.farLimit)
            }
        }

        var view =
            optics.isEmpty
            ? []
            : sweepRegion(
                eye: eye, optics: optics, near: optics.nearLimit, far: optics.farLimit,
                segments: nearby, heading: axis)

        // GEOS stages only for cameras that need them.
        var masked: [PolygonRings] = []
        let ctx = scene.context
        if !view.isEmpty {
            let low = scene.lowSegments(near: eye, radius: optics.farLimit)
            if !low.isEmpty {
                let shadows = try lowWallShadows(low, eye: eye, optics: optics, within: view)
                if let shadows { view = try ctx.multiPolygon(view).difference(shadows).polygons() }
            }
            (view, masked) = try splitByMasks(view, eye: eye, optics: optics, lensHeight: camera.mountHeight)
        }

        // The level below, through voids: from its floor the lens is `drop`
        // higher, so it has its own optics (band and pixel density).
        var viewBelow: [PolygonRings] = []
        var maskedBelow: [PolygonRings] = []
        var opticsBelow: CameraOptics?
        if let below {
            let drop = scene.level.elevation - below.level.elevation
            var lowered = camera
            lowered.mountHeight += drop
            let loweredOptics = CameraOptics(camera: lowered, personHeight: personHeight)
            let seen = try VoidView(analyzer: self, eye: eye, heading: axis, drop: drop, optics: loweredOptics, below: below).region()
            (viewBelow, maskedBelow) = try splitByMasks(seen, eye: eye, optics: loweredOptics, lensHeight: lowered.mountHeight)
            opticsBelow = loweredOptics
        }

        // Prohibited zones: the camera inside one, the view entering one, a
        // microphone within reach of one.
        var inside: [Zone] = []
        for index in scene.zoneIndex.query(Box(around: camera.position, radius: 0)) {
            let z = scene.zones[index]
            guard z.isProhibited else { continue }
            let prepared = try z.prepared()
            if try prepared.containsProperly(camera.position)
                || (try prepared.covers(camera.position) && prepared.containsProperly(camera.position + axis * 1e-3))
            {
                inside.append(z.zone)
            }
        }
        var intrusions = try overlaps(of: view, seenFrom: eye, in: scene, density: optics.density)
        var maskedIntrusions = try overlaps(of: masked, seenFrom: eye, in: scene, density: optics.density)
        if let below, let opticsBelow {
            intrusions += try overlaps(of: viewBelow, seenFrom: eye, in: below, density: opticsBelow.density)
            maskedIntrusions += try overlaps(of: maskedBelow, seenFrom: eye, in: below, density: opticsBelow.density)
        }
        var audio: [(zone: Zone, distance: Double)] = []
        if camera.audioEnabled, let range = camera.audioRange {
            for index in scene.zoneIndex.query(Box(around: camera.position, radius: range)).sorted() {
                let z = scene.zones[index]
                guard z.isProhibited else { continue }
                let d = Self.distance(from: camera.position, to: z.zone.polygons)
                if d <= range { audio.append((z.zone, d)) }
            }
        }
        // Site-wide measures: restricted areas and the view beyond the boundary.
        var restricted: [RestrictedMeasure] = []
        var offSite: OffSiteMeasure?
        var viewGeometry: Geometry?
        func wholeView() throws -> Geometry {
            if let viewGeometry { return viewGeometry }
            let g = try ctx.multiPolygon(view + viewBelow)
            viewGeometry = g
            return g
        }
        for r in scene.site.restricted {
            var overlap = 0.0
            if let box = Box(covering: view + viewBelow), box.intersects(r.box), try wholeView().intersects(r.geometry) {
                overlap = try wholeView().intersection(r.geometry).area
            }
            restricted.append(
                RestrictedMeasure(
                    area: r.area, distance: Self.distance(from: camera.position, to: r.area.polygons),
                    overlap: overlap))
        }
        if let boundary = scene.site.boundary {
            if try (view + viewBelow).isEmpty || boundary.containsProperly(wholeView()) {
                offSite = OffSiteMeasure(area: 0, polygons: [])
            } else {
                let outside = try wholeView().difference(boundary.base)
                offSite = OffSiteMeasure(area: try outside.area, polygons: try outside.polygons())
            }
        }
        var analysis = CameraAnalysis(
            camera: camera, optics: optics, view: view, viewArea: view.reduce(0) { $0 + $1.area },
            belowLevel: viewBelow.isEmpty ? nil : below?.level.id, viewBelow: viewBelow,
            maskedView: masked, maskedArea: masked.reduce(0) { $0 + $1.area },
            insideZones: inside, intrusions: intrusions, maskedIntrusions: maskedIntrusions,
            audioZones: audio, notes: notes, restricted: restricted, offSite: offSite)
        if camera.owner != nil { analysis.ownership = try ownership(view: view) }
        if camera.publicSecurity, !optics.isEmpty {
            // The same field and band with no wall at all: closed-form pieces from the sweep.
            analysis.unobstructedArea = sweepRegion(
                eye: eye, optics: optics, near: optics.nearLimit, far: optics.farLimit,
                segments: [], heading: axis
            ).reduce(0) { $0 + $1.area }
        }
        return analysis
    }

    /// The zones a camera with an owner stands in, and the one its view
    /// covers most. Only such cameras pay for it: one overlay per zone the
    /// view's box meets.
    private func ownership(view: [PolygonRings]) throws -> OwnershipMeasure {
        var standing: [Zone] = []
        for index in scene.zoneIndex.query(Box(around: camera.position, radius: 0)).sorted()
        where scene.zones[index].zone.polygons.contains(where: { $0.covers(camera.position) }) {
            standing.append(scene.zones[index].zone)
        }
        var best: (zone: Zone, area: Double)?
        if let box = Box(covering: view) {
            let geometry = try scene.context.multiPolygon(view)
            for index in scene.zoneIndex.query(box).sorted() {
                let z = scene.zones[index]
                guard z.zone.category != .void, try z.prepared().intersects(geometry) else { continue }
                let area = try z.geometry().intersection(geometry).area
                if area > (best?.area ?? 0) { best = (z.zone, area) }
            }
        }
        return OwnershipMeasure(standingIn: standing, mostSeen: best)
    }

    /// The exact visibility region among full-height obstacles, within the
    /// camera's angular reach and a distance band.
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

    // MARK: Strict coverage

    /// Where the camera sees the whole person band (floor to head) at `level`'s
    /// pixel density or better: the conservative opposite of the privacy view,
    /// for `requiredCoverage`. Empty when the camera gives no resolution.
    func strictCoverage(at level: DORILevel) throws -> [PolygonRings] {
        let optics = CameraOptics(camera: camera, personHeight: personHeight)
        guard let density = optics.density else { return [] }
        let band = Self.strictBand(
            lensHeight: camera.mountHeight, personHeight: personHeight,
            low: optics.elevationLow, high: optics.elevationHigh)
        let far = min(band.far, optics.range, density.distance(reaching: level.pixelsPerMetre))
        guard far > band.near else { return [] }
        let eye = camera.position
        let axis = Point2.unit(bearingDegrees: camera.heading)
        var region = sweepRegion(
            eye: eye, optics: optics, near: band.near, far: far,
            segments: scene.segments(near: eye, radius: far), heading: axis)
        guard !region.isEmpty else { return [] }
        let ctx = scene.context
        // Behind a low wall the floor is what is lost first: shadows for z = 0.
        let low = scene.lowSegments(near: eye, radius: far)
        if !low.isEmpty {
            let floorShadows = LowWallShadows(eye: eye, lensHeight: camera.mountHeight, personHeight: 0, topElevation: 90, far: far)
            var parts: [Geometry] = []
            for wall in low where wall.segment.distance(to: eye) > ObstacleSet.onWallTolerance {
                for piece in floorShadows.pieces(of: wall.segment, height: wall.height) {
                    parts.append(try ctx.polygon(floorShadows.quadrilateral(piece)))
                }
            }
            if !parts.isEmpty {
                region = try ctx.multiPolygon(region).difference(ctx.collection(.collection, parts).unaryUnion()).polygons()
            }
        }
        if !camera.masks.isEmpty, !region.isEmpty {
            region = try ctx.multiPolygon(region).difference(maskRegion(eye: eye, optics: optics, lensHeight: camera.mountHeight))
                .polygons()
        }
        return region
    }

    /// The distances at which both the floor and the head are inside the
    /// vertical field: atan2(−H, d) ≥ low and atan2(P − H, d) ≤ high (the
    /// floor is always seen below the head, so these two suffice).
    static func strictBand(lensHeight h: Double, personHeight p: Double, low: Double, high: Double) -> (near: Double, far: Double) {
        let band = SightDistances.elevation(ofHeight: 0, lens: h, atLeast: low)
            .intersection(.elevation(ofHeight: p, lens: h, atMost: high))
        return (band.near, band.far)
    }

    // MARK: Low walls

    /// The union of the shadows of low walls within reach that meet `region`
    /// (the view they are cut from), or `nil` if none does.
    ///
    /// Shadows that miss the region — behind a full-height wall, outside the
    /// field — are dropped before the union (a Swift test per shadow), which
    /// is where the cost is: GEOS's cascaded union of n quadrilaterals.
    func lowWallShadows(_ low: [LowSegment], eye: Point2, optics: CameraOptics, within region: [PolygonRings]) throws -> Geometry? {
        let ctx = scene.context
        let shadows = LowWallShadows(
            eye: eye, lensHeight: camera.mountHeight, personHeight: personHeight,
            topElevation: optics.elevationHigh, far: optics.farLimit)
        var parts: [Geometry] = []
        var annuli: [String: Geometry] = [:]
        let probe = RegionProbe(region)
        for wall in low {
            let s = wall.segment
            if s.distance(to: eye) <= ObstacleSet.onWallTolerance { continue }
            if abs((s.a - eye).cross(s.b - eye)) <= 1e-14 * (s.a - eye).length * (s.b - eye).length { continue }
            for piece in shadows.pieces(of: s, height: wall.height) {
                let quadrilateral = shadows.quadrilateral(piece)
                guard probe.meets(convex: quadrilateral.shell) else { continue }
                var g = try ctx.polygon(quadrilateral)
                if piece.minDistance > 0 || piece.maxDistance < optics.farLimit {
                    let key = "\(piece.minDistance)-\(piece.maxDistance)"
                    let ring =
                        try annuli[key]
                        ?? ctx.multiPolygon(
                            annulus(
                                eye: eye, from: piece.minDistance,
                                to: min(piece.maxDistance, optics.farLimit * 1.01 + 1)))
                    annuli[key] = ring
                    g = try g.intersection(ring)
                }
                parts.append(g)
            }
        }
        guard !parts.isEmpty else { return nil }
        return try ctx.collection(.collection, parts).unaryUnion()
    }

    // MARK: Privacy masks

    /// Splits a region into what the camera records and what its masks hide.
    private func splitByMasks(
        _ region: [PolygonRings], eye: Point2, optics: CameraOptics,
        lensHeight: Double
    ) throws -> (visible: [PolygonRings], masked: [PolygonRings]) {
        guard !camera.masks.isEmpty, !region.isEmpty else { return (region, []) }
        let masks = try maskRegion(eye: eye, optics: optics, lensHeight: lensHeight)
        let whole = try scene.context.multiPolygon(region)
        return (try whole.difference(masks).polygons(), try whole.intersection(masks).polygons())
    }

    /// The union of the camera's masks as regions of the plan.
    ///
    /// A point is hidden by a mask when its bearing is in the mask's sector
    /// and every visible height of the person band is seen at an elevation
    /// inside the mask's elevations. The lowest visible elevation at distance
    /// d is max(atan2(−H, d), low) and the highest min(atan2(P − H, d), high);
    /// both are monotonic in d, so each mask is a sector of an annulus whose
    /// radii have closed forms.
    func maskRegion(eye: Point2, optics: CameraOptics, lensHeight: Double) throws -> Geometry {
        let ctx = scene.context
        let outer = optics.farLimit * 1.01 + 1
        var parts: [Geometry] = []
        for mask in camera.masks {
            let (from, to) = Self.maskBand(
                mask, lensHeight: lensHeight, personHeight: personHeight,
                low: optics.elevationLow, high: optics.elevationHigh)
            guard to > from else { continue }
            let (start, width) = Bearing.sector(from: mask.azimuthTo - mask.sweep, sweep: mask.sweep)
            parts.append(try ctx.multiPolygon(annulus(eye: eye, from: from, to: min(to, outer), start: start, width: width)))
        }
        if parts.isEmpty { return try ctx.emptyPolygon() }
        return try ctx.collection(.collection, parts).unaryUnion()
    }

    /// The distances at which a mask hides every visible height.
    static func maskBand(
        _ mask: PrivacyMask, lensHeight h: Double, personHeight p: Double,
        low: Double, high: Double
    ) -> (Double, Double) {
        var band = SightDistances.all
        // The lowest visible elevation, max(floor, low), must reach e1 …
        if let e1 = mask.elevationFrom, low < e1 { band = band.intersection(.elevation(ofHeight: 0, lens: h, atLeast: e1)) }
        // … and the highest, min(head, high), must stay under e2.
        if let e2 = mask.elevationTo, high > e2 { band = band.intersection(.elevation(ofHeight: p, lens: h, atMost: e2)) }
        return (band.near, band.far)
    }

    /// A ring sector between two radii (a disk or full annulus by default),
    /// chords at most 1° apart.
    func annulus(
        eye: Point2, from r1: Double, to r2: Double,
        start: Double = 0, width: Double = 2 * .pi
    ) -> [PolygonRings] {
        let n = max(2, Int((width / sweep.maxArcStep).rounded(.up)))
        let full = width >= 2 * .pi - 1e-12
        let angles = (0...n).map { start + width * Double($0) / Double(n) }
        let outer = (full ? angles.dropLast() : angles[...]).map { eye + Point2.unit(angle: $0) * r2 }
        if full {
            let hole = r1 > 0 ? [angles.dropLast().reversed().map { eye + Point2.unit(angle: $0) * r1 }] : []
            return [PolygonRings(shell: Array(outer), holes: hole)]
        }
        let inner = r1 > 0 ? angles.reversed().map { eye + Point2.unit(angle: $0) * r1 } : [eye]
        return [PolygonRings(shell: Array(outer) + inner)]
    }

    // MARK: Overlaps

    /// How far the view probe is pulled back towards the eye (metres).
    ///
    /// A view usually ends exactly on a prohibited zone's edge (the zone is
    /// drawn to the wall the view stops at), and "touching" must not cost an
    /// exact overlay per zone. So candidates are first tested against the view
    /// with every vertex pulled this far towards the eye: a view that only
    /// touches a zone no longer meets it, while any real intrusion deeper than
    /// 0.01 mm still does (a sliver thinner than that would have to be a
    /// kilometre long to reach the 0.01 m² threshold). The area and polygon
    /// reported come from the exact view.
    static let probePullback = 1e-5

    /// Polygons smaller than this (m²) in an overlay's output are rounding
    /// noise, not evidence.
    static let sliverArea = 1e-9

    func overlaps(
        of view: [PolygonRings], seenFrom eye: Point2, in scene: LevelScene,
        density: PixelDensity?
    ) throws -> [Intrusion] {
        guard !view.isEmpty else { return [] }
        let probe = view.map { polygon in
            PolygonRings(
                shell: polygon.shell.map { Self.pulledBack($0, towards: eye) },
                holes: polygon.holes.map { $0.map { Self.pulledBack($0, towards: eye) } })
        }
        guard let probeBox = Box(covering: probe) else { return [] }
        var intrusions: [Intrusion] = []
        var probeGeometry: Geometry?
        var viewGeometry: Geometry?
        for index in scene.zoneIndex.query(probeBox).sorted() {
            let z = scene.zones[index]
            guard z.isProhibited else { continue }
            if z.isRectangle {
                guard Self.polygons(probe, intersect: z.box) else { continue }
            } else {
                if probeGeometry == nil { probeGeometry = try scene.context.multiPolygon(probe) }
                guard try z.prepared().intersects(probeGeometry!) else { continue }
            }
            if viewGeometry == nil { viewGeometry = try scene.context.multiPolygon(view) }
            // GEOSClipByRect is linear but may return an invalid (dirty) result,
            // as PostGIS documents; evidence polygons must be valid, so a dirty
            // clip falls back to the full overlay.
            var overlap = try z.isRectangle ? viewGeometry!.clipped(to: z.box) : z.geometry().intersection(viewGeometry!)
            if z.isRectangle, try overlap.validityReason != nil { overlap = try z.geometry().intersection(viewGeometry!) }
            let area = try overlap.area
            guard area > 0 else { continue }
            // Floating-point noise along shared edges leaves slivers of
            // ~1e-15 m²; they are no evidence of anything.
            let polygons = try overlap.polygons().filter { $0.area > Self.sliverArea }
            guard !polygons.isEmpty else { continue }
            let nearest = Self.distance(from: camera.position, to: polygons)
            intrusions.append(
                Intrusion(
                    zone: z.zone, area: area, polygons: polygons, nearestDistance: nearest,
                    maxDensity: density?.at(nearest)))
        }
        return intrusions
    }

    /// Whether closed polygons share a point with a closed axis-aligned box:
    /// a vertex in the box, a box corner inside a polygon, or an edge meeting
    /// a side (the complete test for closed sets). Touching counts, which only
    /// sends the pair on to the exact overlay.
    static func polygons(_ polygons: [PolygonRings], intersect box: Box) -> Bool {
        for polygon in polygons {
            for ring in [polygon.shell] + polygon.holes {
                for p in ring where p.x >= box.minX && p.x <= box.maxX && p.y >= box.minY && p.y <= box.maxY { return true }
            }
            if polygon.covers(Point2(box.minX, box.minY)) { return true }
            let corners = [Point2(box.minX, box.minY), Point2(box.maxX, box.minY), Point2(box.maxX, box.maxY), Point2(box.minX, box.maxY)]
            let sides = (0..<4).map { Segment(corners[$0], corners[($0 + 1) % 4]) }
            for e in polygon.edges where e.box.intersects(box) {
                for side in sides where e.intersects(side) { return true }
            }
        }
        return false
    }

    private static func pulledBack(_ p: Point2, towards eye: Point2) -> Point2 {
        let d = p - eye
        let length = d.length
        if length <= probePullback { return eye }
        return eye + d * (1 - probePullback / length)
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

    /// Horizontal distance from a point to polygons: 0 inside, else to the
    /// nearest edge.
    static func distance(from p: Point2, to polygons: [PolygonRings]) -> Double {
        var best = Double.infinity
        for polygon in polygons {
            if polygon.covers(p) { return 0 }
            for e in polygon.edges { best = min(best, e.distance(to: p)) }
        }
        return best
    }
}
