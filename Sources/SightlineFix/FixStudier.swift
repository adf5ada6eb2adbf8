import PlanarGeometry
import SightlineEngine
import SightlinePlan

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Works out a ``FixStudy`` for one camera from its level's session: the
/// headings, masks, tilts and places that would clear it, each answered by
/// the scene's own overlays (``SightlineEngine/LevelSession``'s study
/// questions), so what it proposes the check accepts.
struct FixStudier {
    let session: LevelSession
    let camera: Camera
    /// The profile's smallest intrusion area (m²).
    let threshold: Double
    /// The installation tolerance, degrees (``FixStudy/margin``).
    let margin: Double

    /// The study of the camera whose check found `current`.
    func study(current: CameraAnalysis) throws -> FixStudy {
        let optics = current.optics
        let eye = camera.position

        // Everything the camera could see turning about its axis, same band.
        let (reachable, forbidden) = try reachableProhibited(camera, optics: optics)
        let compliant = compliantHeadings(camera, optics: optics, reachable: reachable, forbidden: forbidden)

        // The allowed part of the current view, for "keep coverage".
        // The current view crosses to GEOS once, for the allowed view and the masks' costs.
        let view = session.region(current.view)
        let allowed = try session.removingProhibitedZones(Set(current.intrusions.map(\.zone.id)), from: view)

        // The tilt to mount keeps the margin beyond the edge where the view clears.
        let tilt = try clearingTilt(current: current, optics: optics)
        var study = FixStudy(
            camera: camera, optics: optics, threshold: threshold, reachableProhibited: reachable, forbiddenBearings: forbidden,
            compliantHeadings: compliant,
            allowedView: allowed.polygons, allowedArea: allowed.area, masks: try masks(current: current, view: view, optics: optics),
            margin: margin, clearingTilt: tilt?.mounted, clearingTiltEdge: tilt?.edge, relocation: nil,
            isInside: !current.insideZones.isEmpty)
        if study.isInside {
            // A camera inside a private room must move.
            study.relocation = try session.nearestAllowedSpot(to: eye)
        } else {
            if let t = study.clearingTilt {
                study.clearingTiltKeptArea = keptArea(of: allowed.polygons, atTilt: t, optics: optics, in: nil)
            }
            if compliant.isEmpty, !current.intrusions.isEmpty {
                study.tiltAndHeading = try tiltAndHeading(allowed: allowed)
            }
        }
        return study
    }

    /// Masks: the bearings of the current intrusions, merged, each with the
    /// elevations that cover the intrusion's distances, and the view each
    /// would cost.
    private func masks(current: CameraAnalysis, view: ViewRegion, optics: CameraOptics) throws -> [(mask: PrivacyMask, cost: Double)] {
        let eye = camera.position
        var masks: [(PrivacyMask, Double)] = []
        let intruding = current.intrusions.filter { $0.area >= threshold }.flatMap(\.polygons)
        for sector in PolygonRings.bearings(of: intruding, from: eye) {
            let parts = intruding.filter { p in p.shell.contains { sector.contains(Bearing.of($0 - eye)) } }
            let near = parts.map { PolygonRings.distance(from: eye, to: [$0]) }.min() ?? 0
            let far = parts.flatMap(\.shell).map { $0.distance(to: eye) }.max() ?? optics.farLimit
            let h = camera.mountHeight
            let p = session.personHeight
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
            masks.append((mask, try view.intersectionArea(session.maskRegion(of: probe, optics: optics))))
        }
        return masks
    }

    /// The smallest tilt steeper than now, to 0.1°, at which no intrusion of
    /// the threshold is left (the edge): the band's far edge must come in
    /// short of the nearest prohibited point in the field, ignoring the band,
    /// far(t) = H / tan(t − vfov/2); between the current tilt and that the
    /// intrusion only shrinks, so the threshold is found by bisection. And
    /// the tilt to mount, the edge plus the margin, when the intrusion is
    /// under the threshold at ± the margin of it (a steeper tilt brings the
    /// band's near edge in, which can meet a place under the camera).
    private func clearingTilt(current: CameraAnalysis, optics: CameraOptics) throws -> (edge: Double, mounted: Double?)? {
        guard camera.type == .fixed, !current.intrusions.isEmpty else { return nil }
        let eye = camera.position
        let inField = try session.prohibitedParts(of: session.unbandedField(of: camera, optics: optics), seenBy: camera)
        let dmin = inField.map { PolygonRings.distance(from: eye, to: [$0]) }.min() ?? 0
        guard dmin > 0, camera.mountHeight > 0 else { return nil }
        // The intrusion at a tilt: the prohibited parts of the field between
        // the band's edges, measured exactly in Swift (arcs, not chords), so
        // the bisection runs no overlay.
        func intrusion(_ tilt: Double) throws -> Double {
            guard let band = band(atTilt: tilt, optics: optics) else { return 0 }
            return inField.reduce(0) { $0 + $1.area(inRingFrom: band.near, to: band.far, about: eye) }
        }
        let exact = optics.vfov / 2 + Bearing.degrees(atan(camera.mountHeight / dmin))
        guard exact <= 90 else { return nil }
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
        guard t <= 90, t > camera.tilt, tries < 5 else { return nil }
        let mounted = ((t + margin) * 10).rounded(.up) / 10
        let keeps = try mounted <= 90 && intrusion(mounted - margin) < threshold && intrusion(min(90, mounted + margin)) < threshold
        return (t, keeps ? mounted : nil)
    }

    /// Headings whose field misses the forbidden bearings, each end moved
    /// outwards while the intrusion (the reachable prohibited parts clipped
    /// in Swift by the field's two half-planes) stays under the threshold.
    /// Empty for a fisheye or a field of 180° or more.
    func compliantHeadings(
        _ camera: Camera, optics: CameraOptics, reachable: [PolygonRings], forbidden: [BearingInterval]
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
            let start = Self.extend(interval.from, direction: -1, limit: 5) { intrusion($0) < threshold }
            let end = Self.extend(interval.to, direction: 1, limit: 5) { intrusion($0) < threshold }
            return BearingInterval(from: start, sweep: BearingInterval.clockwise(from: start, to: end))
        }
    }

    /// The prohibited parts `camera` could see turning about its axis with
    /// its current band, and their bearings.
    private func reachableProhibited(_ camera: Camera, optics: CameraOptics) throws -> (parts: [PolygonRings], bearings: [BearingInterval])
    {
        let parts = try session.prohibitedParts(of: session.reach(of: camera, optics: optics), seenBy: camera)
        return (parts, PolygonRings.bearings(of: parts, from: camera.position))
    }

    /// The area of the allowed view kept within the distance band of `tilt`
    /// (and, given a field, within its wedge), exactly in Swift: arcs, not
    /// an overlay with a ring of chords.
    private func keptArea(of allowed: [PolygonRings], atTilt tilt: Double, optics: CameraOptics, in field: BearingInterval?) -> Double {
        guard let band = band(atTilt: tilt, optics: optics) else { return 0 }
        let eye = camera.position
        return allowed.reduce(0) { sum, polygon in
            if let field { return sum + polygon.area(inside: field, inRingFrom: band.near, to: band.far, about: eye) }
            return sum + polygon.area(inRingFrom: band.near, to: band.far, about: eye)
        }
    }

    /// The distances from the lens between which a person is seen at
    /// `tilt` (the range caps the far edge); `nil` when the band is empty.
    private func band(atTilt tilt: Double, optics: CameraOptics) -> (near: Double, far: Double)? {
        let band = CameraOptics.distanceBand(
            mountHeight: camera.mountHeight, personHeight: session.personHeight,
            elevationLow: -tilt - optics.vfov / 2, elevationHigh: -tilt + optics.vfov / 2)
        let far = min(band.far, optics.range)
        return far > band.near ? (band.near, far) : nil
    }

    /// For a fixed camera no heading clears: the gentlest tilt steeper than
    /// now, in 2° steps, at which some heading is compliant with the margin
    /// on both axes, with the compliant heading nearest the current one
    /// (inwards to 0.1°).
    ///
    /// The prohibited parts the camera could reach are found once, for the
    /// union of every tried tilt's distance band (from the steepest tilt's
    /// near edge to the current tilt's far edge), and each tilt takes its
    /// own band's ring of them: one overlay of the small parts with a ring
    /// instead of the level's zones with the whole reach, per tilt (on a
    /// hall of 150 cameras and 150 toilets `fix` took 10× the check).
    private func tiltAndHeading(allowed: ViewRegion) throws -> (tilt: Double, heading: Double, keptArea: Double)? {
        guard camera.type == .fixed else { return nil }
        let tilts = Array(stride(from: (camera.tilt / 2).rounded(.down) * 2 + 2, through: 88, by: 2))
        func optics(at tilt: Double) -> CameraOptics {
            var tilted = camera
            tilted.tilt = tilt
            return CameraOptics(camera: tilted, personHeight: session.personHeight)
        }
        guard let gentlest = tilts.first, let steepest = tilts.last else { return nil }
        // Every tilt an installer may set: each tried tilt ± the margin.
        var widest = optics(at: max(0, gentlest - margin))
        widest.nearLimit = min(widest.nearLimit, optics(at: min(90, steepest + margin)).nearLimit)
        guard !widest.isEmpty else { return nil }
        let eye = camera.position
        // Each part's nearest and farthest distance from the lens, once: the
        // tilts change the band, not the parts.
        let reachable = try session.prohibitedParts(of: session.reach(of: camera, optics: widest), seenBy: camera).map {
            BandedPart(polygon: $0, eye: eye)
        }
        for tilt in tilts {
            var tilted = camera
            tilted.tilt = tilt
            // The band of every tilt within ± the margin: the steeper's near
            // edge to the gentler's far edge (both edges come in as the
            // camera tilts down), so a heading clear of what lies in it is
            // clear at each of those tilts.
            let near = optics(at: min(90, tilt + margin)).nearLimit
            let far = optics(at: max(0, tilt - margin)).farLimit
            var optics = optics(at: tilt)
            guard !optics.isEmpty, optics.hfov < 180 else { return nil }
            optics.nearLimit = near
            optics.farLimit = far
            // The parts wholly inside this band are forbidden whatever the
            // rest: when their bearings alone leave no heading, none is
            // compliant, and the parts across the band's edges need not be cut.
            let whole = reachable.filter { $0.closest >= optics.nearLimit && $0.farthest <= optics.farLimit }.map(\.polygon)
            let half = optics.hfov / 2
            if BearingInterval.complement(PolygonRings.bearings(of: whole, from: eye).map { $0.widened(by: half) }).isEmpty { continue }
            // The same question for all the parts cut to the band, answered
            // exactly in Swift (arcs, not chords): when their bearings leave
            // no heading with 0.05° to spare, the overlay below would find
            // none either. Nearer a tie, the overlay decides, as before.
            let cut = BearingInterval.union(
                reachable.flatMap { $0.polygon.bearings(inRingFrom: optics.nearLimit, to: optics.farLimit, about: eye) })
            if BearingInterval.complement(cut.map { $0.widened(by: half - 0.05) }).isEmpty { continue }
            let parts = try within(reachable, from: optics.nearLimit, to: optics.farLimit)
            let headings = compliantHeadings(
                tilted, optics: optics, reachable: parts, forbidden: PolygonRings.bearings(of: parts, from: camera.position)
            )
            .compactMap { $0.inset(by: margin)?.roundedInwardsToTenths() }
            let nearest = headings.flatMap { i in i.contains(camera.heading) ? [camera.heading] : [i.from, i.to] }
                .min { BearingInterval.separation($0, camera.heading) < BearingInterval.separation($1, camera.heading) }
            guard let heading = nearest.map(normalizedBearing) else { continue }
            // Measured at the four corners of the ± box, exactly (arcs), as a
            // check of the argument above.
            let corners = [heading - margin, heading + margin].flatMap { h in [tilt - margin, tilt + margin].map { (h, $0) } }
            let clear = corners.allSatisfy { h, t in
                guard let band = band(atTilt: min(90, max(0, t)), optics: optics) else { return true }
                let field = BearingInterval(from: h - optics.hfov / 2, sweep: optics.hfov)
                let seen = reachable.reduce(0) { $0 + $1.polygon.area(inside: field, inRingFrom: band.near, to: band.far, about: eye) }
                return seen < threshold
            }
            guard clear else { continue }
            let field = BearingInterval(from: heading - optics.hfov / 2, sweep: optics.hfov)
            return (tilt, heading, keptArea(of: allowed.polygons, atTilt: tilt, optics: optics, in: field))
        }
        return nil
    }

    /// The parts of `parts` between `near` and `far` from the camera: a part
    /// wholly inside the band as it is, one wholly outside dropped, and one
    /// across an edge of the band clipped by a ring sector over its own
    /// bearings (a few chords, not the whole circle's).
    private func within(_ parts: [BandedPart], from near: Double, to far: Double) throws -> [PolygonRings] {
        let eye = camera.position
        var out: [PolygonRings] = []
        for part in parts {
            if part.closest >= near, part.farthest <= far {
                out.append(part.polygon)
            } else if part.farthest > near, part.closest < far {
                for arc in PolygonRings.bearings(of: [part.polygon], from: eye) {
                    let (start, width) = Bearing.sector(from: arc.from - 0.01, sweep: min(360, arc.sweep + 0.02))
                    let ring = session.annulus(center: eye, from: near, to: far, start: start, width: width)
                    out += try session.region([part.polygon]).intersection(session.region(ring)).polygons
                }
            }
        }
        return out
    }

    /// A prohibited part with its nearest and farthest distance from the lens.
    private struct BandedPart {
        let polygon: PolygonRings
        let closest: Double
        let farthest: Double

        init(polygon: PolygonRings, eye: Point2) {
            self.polygon = polygon
            closest = PolygonRings.distance(from: eye, to: [polygon])
            farthest = polygon.shell.map { $0.distance(to: eye) }.max() ?? 0
        }
    }

    /// Moves a bearing outwards in small steps while `ok` holds, then
    /// bisects to 0.01°, up to `limit` degrees.
    private static func extend(_ start: Double, direction: Double, limit: Double, _ ok: (Double) -> Bool) -> Double {
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
}
