import GEOS
import PlanarGeometry
import SightlinePlan

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What it would take to make one camera compliant, computed exactly from
/// the same geometry as its check (no re-checks of trial orientations).
public struct FixStudy: Sendable {
    public var camera: Camera
    public var optics: CameraOptics
    /// Bearings at which the camera, turned any way with its lens, tilt and
    /// mount, would see a prohibited place (≥ the threshold at the edges).
    public var forbiddenBearings: [BearingInterval]
    /// Headings (pan positions for a PTZ) whose field misses them: the
    /// complement of the forbidden bearings widened by half the field, with
    /// each end moved to where the intrusion reaches the threshold. Empty
    /// for a fisheye (it sees every bearing).
    public var compliantHeadings: [BearingInterval]
    /// The current view without its prohibited parts, m² and polygons, for
    /// "keep coverage" (the share a new heading keeps of it).
    public var allowedView: [PolygonRings]
    public var allowedArea: Double
    /// The fewest privacy-mask sectors hiding every current intrusion, with
    /// the view area each costs.
    public var masks: [(mask: PrivacyMask, cost: Double)]
    /// The smallest tilt, steeper than now, at which no intrusion is left
    /// (`nil`: no tilt up to 90° clears it, or the camera cannot tilt).
    public var clearingTilt: Double?
    /// How much of the allowed view the camera keeps at `clearingTilt`, m².
    public var clearingTiltKeptArea: Double?
    /// For a fixed camera that no heading alone clears: the gentlest tilt
    /// (in 2° steps) at which some heading is compliant, the compliant
    /// nearest heading there, and the allowed view it keeps (m²).
    public var tiltAndHeading: (tilt: Double, heading: Double, keptArea: Double)?
    /// For a camera inside a prohibited zone: the nearest point outside every
    /// prohibited zone on its level, in an ordinary zone, ≥ 0.5 m from walls.
    public var relocation: Point2?
    public var isInside: Bool

    /// The area of current allowed view that a camera turned to `heading` keeps.
    public func keptArea(heading: Double) -> Double {
        let field = BearingInterval(from: heading - optics.hfov / 2, sweep: optics.hfov)
        guard field.sweep < 180 else { return allowedArea }
        return allowedView.reduce(0) { $0 + $1.area(inside: field, from: camera.position) }
    }
}

extension Engine {
    /// Studies the given cameras (by id) for `sightline fix`.
    ///
    /// - Parameter threshold: the profile's smallest intrusion area (m²).
    public func study(_ plan: Plan, cameras ids: Set<String>, threshold: Double) throws -> [FixStudy] {
        var out: [FixStudy] = []
        let contents = plan.contentsByLevel()
        let below = Self.levelsBelow(plan.levels)
        for level in plan.levels {
            let cameras = (contents[level.id]?.cameras ?? []).filter { ids.contains($0.id) }
            guard !cameras.isEmpty else { continue }
            let session = try LevelSession(plan: plan, level: level, contents: contents, below: below, engine: self)
            for camera in cameras { out.append(try session.study(camera, threshold: threshold, plan: plan)) }
        }
        return out.sorted { $0.camera.info.index < $1.camera.info.index }
    }
}

extension CameraAnalyzer {
    func fixStudy(threshold: Double, plan: Plan) throws -> FixStudy {
        let current = try run()
        let optics = current.optics
        let ctx = scene.context
        let eye = camera.position
        let axis = Point2.unit(bearingDegrees: camera.heading)
        let prohibitedZones = scene.zones.filter(\.isProhibited)

        // The same overlay as the check's (probe, rectangle pre-test, clip).
        func prohibitedParts(of region: [PolygonRings]) throws -> [PolygonRings] {
            try overlaps(of: region, seenFrom: eye, in: scene, density: nil).flatMap(\.polygons)
        }

        // Everything the camera could see turning about its axis, same band.
        let (reachable, forbidden) = try reachableProhibited(optics: optics)

        let compliant = compliantHeadings(optics: optics, reachable: reachable, forbidden: forbidden, threshold: threshold)

        // The allowed part of the current view, for "keep coverage".
        let allowed: [PolygonRings]
        if current.view.isEmpty {
            allowed = []
        } else if current.intrusions.isEmpty {
            allowed = current.view
        } else {
            // Only the zones the view enters: one difference each, not one
            // per prohibited zone of the level (300 cameras × 300 toilets
            // made fix 50× the cost of check).
            var g = try ctx.multiPolygon(current.view)
            let entered = Set(current.intrusions.map(\.zone.id))
            for z in prohibitedZones where entered.contains(z.zone.id) { g = try g.difference(z.geometry()) }
            allowed = try g.polygons()
        }

        // Masks: the bearings of the current intrusions, merged, each with
        // the elevations that cover the intrusion's distances.
        var masks: [(PrivacyMask, Double)] = []
        let intruding = current.intrusions.filter { $0.area >= threshold }.flatMap(\.polygons)
        for sector in PolygonRings.bearings(of: intruding, from: eye) {
            let parts = intruding.filter { p in p.shell.contains { sector.contains(Bearing.of($0 - eye)) } }
            let near = parts.map { Self.distance(from: eye, to: [$0]) }.min() ?? 0
            let far = parts.flatMap(\.shell).map { $0.distance(to: eye) }.max() ?? optics.farLimit
            let h = camera.mountHeight
            let p = personHeight
            // Lowest elevation seen at the nearest distance, highest at the farthest.
            var low: Double? = max(Bearing.degrees(atan2(-h, max(near, 1e-6))), optics.elevationLow)
            var high: Double? = min(Bearing.degrees(atan2(p - h, max(far, 1e-6))), optics.elevationHigh)
            if (low ?? 0) <= optics.elevationLow + 1e-9 { low = nil }
            if (high ?? 0) >= optics.elevationHigh - 1e-9 { high = nil }
            // Rounded outwards to 0.1°, so the mask typed into a camera still covers.
            let from = ((sector.from - 0.05) * 10).rounded(.down) / 10
            let to = ((sector.from + sector.sweep + 0.05) * 10).rounded(.up) / 10
            let mask = PrivacyMask(
                azimuthFrom: normalizedBearing(from), azimuthTo: normalizedBearing(to), sweep: min(360, to - from),
                elevationFrom: low.map { ($0 * 10 - 0.5).rounded(.down) / 10 },
                elevationTo: high.map { ($0 * 10 + 0.5).rounded(.up) / 10 })
            var probe = camera
            probe.masks = [mask]
            let region = try CameraAnalyzer(camera: probe, scene: scene, below: nil, personHeight: personHeight, sweep: sweep)
                .maskRegionForStudy(eye: eye, optics: optics)
            let cost = current.view.isEmpty ? 0 : try ctx.multiPolygon(current.view).intersection(region).area
            masks.append((mask, cost))
        }

        // Tilt: the band's far edge must come in short of the nearest prohibited
        // point in the field, ignoring the band: far(t) = H / tan(t − vfov/2).
        var clearingTilt: Double?
        if camera.type == .fixed, !current.intrusions.isEmpty {
            let unbanded = sweepRegion(
                eye: eye, optics: optics, near: 0, far: optics.range,
                segments: scene.segments(near: eye, radius: optics.range), heading: axis)
            let inField = try prohibitedParts(of: unbanded)
            let dmin = inField.map { Self.distance(from: eye, to: [$0]) }.min() ?? 0
            if dmin > 0, camera.mountHeight > 0 {
                let inFieldGeometry = try ctx.multiPolygon(inField)
                let (fieldStart, fieldWidth) = optics.fieldSector
                // The intrusion at a tilt: the prohibited parts of the field
                // between the band's edges (one overlay with an annular sector).
                func intrusion(_ tilt: Double) throws -> Double {
                    let band = CameraOptics.distanceBand(
                        mountHeight: camera.mountHeight, personHeight: personHeight,
                        elevationLow: -tilt - optics.vfov / 2, elevationHigh: -tilt + optics.vfov / 2)
                    let far = min(band.far, optics.range)
                    guard far > band.near else { return 0 }
                    let sector = annulus(eye: eye, from: band.near, to: far, start: fieldStart, width: fieldWidth)
                    return try inFieldGeometry.intersection(ctx.multiPolygon(sector)).area
                }
                let exact = optics.vfov / 2 + Bearing.degrees(atan(camera.mountHeight / dmin))
                if exact <= 90 {
                    // Between the current tilt and `exact` the intrusion only shrinks: bisect for the threshold.
                    var lo = camera.tilt
                    var hi = exact
                    while hi - lo > 0.01 {
                        let mid = (lo + hi) / 2
                        if try intrusion(mid) < threshold { hi = mid } else { lo = mid }
                    }
                    var t = (hi * 10).rounded(.up) / 10
                    // Rounding up keeps it clear; a few tenths more at most if not.
                    var tries = 0
                    while t < 90, tries < 5, try intrusion(t) >= threshold {
                        t += 0.1
                        tries += 1
                    }
                    if t <= 90, t > camera.tilt, tries < 5 { clearingTilt = t }
                }
            }
        }

        // A camera inside a private room must move.
        var relocation: Point2?
        if !current.insideZones.isEmpty {
            relocation = try nearestAllowedSpot(plan: plan, from: eye)
        }
        var study = FixStudy(
            camera: camera, optics: optics, forbiddenBearings: forbidden, compliantHeadings: compliant,
            allowedView: allowed, allowedArea: allowed.reduce(0) { $0 + $1.area }, masks: masks,
            clearingTilt: clearingTilt, relocation: relocation, isInside: !current.insideZones.isEmpty)
        if current.insideZones.isEmpty {
            if let t = clearingTilt {
                study.clearingTiltKeptArea = try allowedView(allowed, keptAtTilt: t, optics: optics).reduce(0) { $0 + $1.area }
            }
            if compliant.isEmpty, !current.intrusions.isEmpty {
                study.tiltAndHeading = try tiltAndHeading(threshold: threshold, allowed: allowed)
            }
        }
        return study
    }

    /// Headings whose field misses the forbidden bearings, each end moved
    /// outwards while the intrusion (the reachable prohibited parts clipped
    /// in Swift by the field's two half-planes) stays under the threshold.
    /// Empty for a fisheye or a field of 180° or more.
    func compliantHeadings(
        optics: CameraOptics, reachable: [PolygonRings], forbidden: [BearingInterval],
        threshold: Double
    ) -> [BearingInterval] {
        guard camera.type != .fisheye, optics.hfov < 180 else { return [] }
        let eye = camera.position
        let half = optics.hfov / 2
        let raw = BearingInterval.complement(forbidden.map { $0.widened(by: half) })
        func intrusion(_ heading: Double) -> Double {
            let field = BearingInterval(from: heading - half, sweep: optics.hfov)
            return reachable.reduce(0) { $0 + $1.area(inside: field, from: eye) }
        }
        return raw.map { interval in
            if interval.isFullCircle { return interval }
            let start = extend(interval.from, direction: -1, limit: 5) { intrusion($0) < threshold }
            let end = extend(interval.to, direction: 1, limit: 5) { intrusion($0) < threshold }
            return BearingInterval(from: start, sweep: BearingInterval.clockwise(from: start, to: end))
        }
    }

    /// The prohibited parts the camera could see turning about its axis with
    /// its current band, and their bearings.
    func reachableProhibited(optics: CameraOptics) throws -> (parts: [PolygonRings], bearings: [BearingInterval]) {
        let eye = camera.position
        var around = optics
        around.bearingFrom = 0
        around.bearingSweep = 360
        var reach = sweepRegion(
            eye: eye, optics: around, near: optics.nearLimit, far: optics.farLimit,
            segments: scene.segments(near: eye, radius: optics.farLimit),
            heading: Point2.unit(bearingDegrees: camera.heading))
        if !reach.isEmpty,
            let shadows = try lowWallShadows(scene.lowSegments(near: eye, radius: optics.farLimit), eye: eye, optics: optics, within: reach)
        {
            reach = try scene.context.multiPolygon(reach).difference(shadows).polygons()
        }
        let parts = try overlaps(of: reach, seenFrom: eye, in: scene, density: nil).flatMap(\.polygons)
        return (parts, PolygonRings.bearings(of: parts, from: eye))
    }

    /// The allowed view kept within the distance band of `tilt` (one
    /// overlay with an annulus), as polygons.
    func allowedView(_ allowed: [PolygonRings], keptAtTilt tilt: Double, optics: CameraOptics) throws -> [PolygonRings] {
        guard !allowed.isEmpty else { return [] }
        let band = CameraOptics.distanceBand(
            mountHeight: camera.mountHeight, personHeight: personHeight,
            elevationLow: -tilt - optics.vfov / 2, elevationHigh: -tilt + optics.vfov / 2)
        let far = min(band.far, optics.range)
        guard far > band.near else { return [] }
        let ring = annulus(eye: camera.position, from: band.near, to: far * 1.01 + 1e-3)
        return try scene.context.multiPolygon(allowed).intersection(scene.context.multiPolygon(ring)).polygons()
    }

    /// For a fixed camera no heading clears: the gentlest tilt steeper than
    /// now, in 2° steps, at which some heading is compliant, with the
    /// compliant heading nearest the current one (inwards to 0.1°).
    func tiltAndHeading(threshold: Double, allowed: [PolygonRings]) throws -> (tilt: Double, heading: Double, keptArea: Double)? {
        guard camera.type == .fixed else { return nil }
        for tilt in stride(from: (camera.tilt / 2).rounded(.down) * 2 + 2, through: 88, by: 2) {
            var tilted = camera
            tilted.tilt = tilt
            let analyzer = CameraAnalyzer(camera: tilted, scene: scene, below: nil, personHeight: personHeight, sweep: sweep)
            let optics = CameraOptics(camera: tilted, personHeight: personHeight)
            guard !optics.isEmpty, optics.hfov < 180 else { return nil }
            let reach = try analyzer.reachableProhibited(optics: optics)
            let headings = analyzer.compliantHeadings(
                optics: optics, reachable: reach.parts, forbidden: reach.bearings, threshold: threshold
            )
            .compactMap { $0.roundedInwardsToTenths() }
            let nearest = headings.flatMap { i in i.contains(camera.heading) ? [camera.heading] : [i.from, i.to] }
                .min { BearingInterval.separation($0, camera.heading) < BearingInterval.separation($1, camera.heading) }
            guard let heading = nearest.map(normalizedBearing) else { continue }
            let field = BearingInterval(from: heading - optics.hfov / 2, sweep: optics.hfov)
            let kept = try analyzer.allowedView(allowed, keptAtTilt: tilt, optics: optics).reduce(0) {
                $0 + $1.area(inside: field, from: camera.position)
            }
            return (tilt, heading, kept)
        }
        return nil
    }

    /// Moves a bearing outwards in small steps while `ok` holds, then
    /// bisects to 0.01°, up to `limit` degrees.
    private func extend(_ start: Double, direction: Double, limit: Double, _ ok: (Double) -> Bool) -> Double {
        var good = start
        var step = 0.05
        while abs(good - start) < limit {
            let next = good + direction * step
            if !ok(next) {
                var lo = good
                var hi = next
                while abs(hi - lo) > 0.005 {
                    let mid = (lo + hi) / 2
                    if ok(mid) { lo = mid } else { hi = mid }
                }
                return lo
            }
            good = next
            step *= 2
        }
        return good
    }

    /// The nearest point in an ordinary zone of the level, outside every
    /// prohibited zone, at least 0.5 m from any wall.
    private func nearestAllowedSpot(plan: Plan, from p: Point2) throws -> Point2? {
        let ctx = scene.context
        let ordinary = try scene.zones.filter { !$0.isProhibited && $0.zone.category != .void }.map { try $0.geometry() }
        guard !ordinary.isEmpty else { return nil }
        var allowed = try ctx.collection(.collection, ordinary).unaryUnion()
        for z in scene.zones where z.isProhibited { allowed = try allowed.difference(z.geometry()) }
        var walls: [Geometry] = []
        for wall in plan.walls where wall.info.level == scene.level.id {
            switch wall.shape {
            case .lines(let lines): walls += try lines.map { try ctx.lineString($0).buffer(0.5 + wall.thicknessMetres / 2) }
            case .polygons(let polygons): walls.append(try ctx.multiPolygon(polygons).buffer(0.5))
            }
        }
        if !walls.isEmpty { allowed = try allowed.difference(ctx.collection(.collection, walls).unaryUnion()) }
        guard try !allowed.isEmpty else { return nil }
        return try allowed.nearestPoints(ctx.point(p)).0
    }

    /// The camera's mask region (for the study's cost figures).
    func maskRegionForStudy(eye: Point2, optics: CameraOptics) throws -> Geometry {
        try maskRegion(eye: eye, optics: optics, lensHeight: camera.mountHeight)
    }
}
