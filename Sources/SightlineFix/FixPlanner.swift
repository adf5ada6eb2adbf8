import PlanarGeometry
import SightlineCheck
import SightlineEngine
import SightlinePlan
import SightlineReport
import SightlineRules

/// How to make one camera compliant: the findings it fixes and its options.
public struct CameraFix: Sendable {
    public var camera: Camera
    /// The Art. 8 error findings about this camera.
    public var findings: [Finding]
    public var study: FixStudy
    /// Compliant headings (pan positions for a PTZ) with the study's margin
    /// taken off each end, rounded inwards to 0.1°: any of them, set ± the
    /// margin, still clears.
    public var headings: [BearingInterval]
    /// The heading proposed: the nearest compliant one, or with
    /// `keepCoverage` the one keeping most of the current allowed view;
    /// proven clear at ± the margin.
    public var proposedHeading: Double?
    public var keptArea: Double?
    /// For a PTZ: pan limits within one compliant interval.
    public var proposedPan: (min: Double, max: Double)?
    /// A heading that clears at its own value but not at ± the margin (the
    /// compliant arc is too narrow to mount in): not proposed, only named.
    public var headingWithoutMargin: Double?
    /// What `--apply best` chooses; `nil` when nothing short of moving the
    /// camera clears it.
    public var best: Option?

    public enum Option: String, Sendable {
        case heading, tilt, mask
        /// A steeper tilt and a new heading together (neither alone clears it).
        case tiltAndHeading = "tilt-and-heading"
        /// A camera inside a prohibited zone, moved to the nearest lawful
        /// spot on its level (``FixStudy/relocation``).
        case move
        /// A camera inside a prohibited zone with no lawful spot on its
        /// level: taken out of the plan.
        case remove
    }
}

/// Where a sign would satisfy Art. 13 for a zone.
public struct SignFix: Sendable {
    public var finding: Finding
    public var zone: Zone
    public var position: Point2
    /// The opening it stands by, if any.
    public var opening: String?
}

public struct FixPlan: Sendable {
    public var cameras: [CameraFix]
    public var signs: [SignFix]
}

/// Turns a check's findings into fixes, from the engine's exact study of
/// each offending camera.
public struct FixPlanner: Sendable {
    public var keepCoverage: Bool
    /// The installation tolerance every proposal keeps, degrees (``FixStudy/margin``).
    public var margin: Double
    public init(keepCoverage: Bool, margin: Double = 2) {
        self.keepCoverage = keepCoverage
        self.margin = margin
    }

    /// The fixes for a plan whose check ran through `session`
    /// (``SightlineCheck/PlanChecker/checkKeepingScenes(_:)``): each offending
    /// camera is studied against the check's own scenes and analyses.
    public func plan(_ loaded: LoadedPlan, report: CheckReport, session: PlanSession) throws -> FixPlan {
        let profile = loaded.profile
        let art8 = Set(profile.rules.filter { [.cameraInside, .viewIntrusion].contains($0.check) && $0.severity == .error }.map(\.id))
        let offending = report.findings.filter { art8.contains($0.rule) && $0.camera != nil }
        let ids = Set(offending.compactMap(\.cameraID))
        let threshold = profile.parameters.minIntrusionArea
        let studies = try FixStudy.studies(of: ids, in: session, threshold: threshold, margin: margin)
        var cameras: [CameraFix] = []
        for study in studies {
            cameras.append(fix(study, findings: offending.filter { $0.cameraID == study.camera.id }))
        }
        let signRules = Set(profile.rules.filter { $0.check == .signageMissing }.map(\.id))
        let signs = report.findings.filter { signRules.contains($0.rule) }.compactMap { finding -> SignFix? in
            guard let zone = finding.zone else { return nil }
            return signFix(for: zone, finding: finding, plan: loaded.plan)
        }
        return FixPlan(cameras: cameras, signs: signs)
    }

    /// The options for one studied camera, with the one `--apply best` picks;
    /// the proposed heading is measured at ± the margin, and dropped, said in
    /// ``CameraFix/headingWithoutMargin``, if it does not clear there.
    public func fix(_ study: FixStudy, findings: [Finding]) -> CameraFix {
        let camera = study.camera
        // The margin off each end, then inwards to 0.1°, so every heading reported clears ± the margin.
        let headings = study.compliantHeadings.compactMap { $0.inset(by: study.margin)?.roundedInwardsToTenths() }
        var out = CameraFix(camera: camera, findings: findings, study: study, headings: headings)
        guard !study.isInside else {
            // No aim or mask makes a camera inside a private place lawful: it moves, or goes.
            out.best = study.relocation == nil ? .remove : .move
            return out
        }
        if headings.isEmpty {
            // Nothing to re-aim to.
        } else if camera.type == .ptz {
            out.proposedPan = panLimits(camera.ptz ?? PTZLimits(), within: headings)
        } else if camera.type == .fixed {
            let current = camera.heading
            if keepCoverage {
                // Every 0.1° of each interval, and both its ends (which the
                // 0.1° grid from its start need not reach).
                var best: (heading: Double, kept: Double)?
                for interval in headings {
                    let steps = Int((interval.sweep / 0.1).rounded(.down))
                    let candidates = (0...max(steps, 0)).map { interval.from + Double($0) * 0.1 } + [interval.from + interval.sweep]
                    for candidate in candidates {
                        let h = normalizedBearing(candidate)
                        let kept = study.keptArea(heading: h)
                        if best == nil || kept > best!.kept + 1e-9 { best = (h, kept) }
                    }
                }
                out.proposedHeading = best?.heading
            } else {
                out.proposedHeading = headings.flatMap { interval -> [Double] in
                    interval.contains(current) ? [current] : [interval.from, interval.to]
                }.min { BearingInterval.separation($0, current) < BearingInterval.separation($1, current) }
            }
            let m = study.margin
            if let h = out.proposedHeading, [h - m, h + m].contains(where: { study.intrusion(heading: $0) >= study.threshold }) {
                out.headingWithoutMargin = h
                out.proposedHeading = nil
            }
            out.keptArea = out.proposedHeading.map { study.keptArea(heading: $0) }
        }
        out.best = Self.best(out)
        return out
    }

    /// The least costly fix that takes the private place out of what the
    /// camera *could* see (Art. 8 ¶1 (iv)): of re-aiming, tilting, and both
    /// together, the one keeping most of the current allowed view (ties in
    /// that order). A mask only when none of them clears it: it can be
    /// lifted and leaves an `art8-view-masked` exposure.
    static func best(_ fix: CameraFix) -> CameraFix.Option? {
        if fix.proposedPan != nil { return .heading }
        var options: [(CameraFix.Option, Double)] = []
        if let kept = fix.keptArea, fix.proposedHeading != nil { options.append((.heading, kept)) }
        if fix.study.clearingTilt != nil { options.append((.tilt, fix.study.clearingTiltKeptArea ?? 0)) }
        if let both = fix.study.tiltAndHeading { options.append((.tiltAndHeading, both.keptArea)) }
        // `max` keeps the first of equals, so ties go heading, tilt, both.
        if let choice = options.max(by: { $0.1 + 1e-9 < $1.1 }) { return choice.0 }
        return fix.study.masks.isEmpty ? nil : .mask
    }

    /// The compliant interval overlapping the current pan range most (ties:
    /// the wider), as pan limits.
    private func panLimits(_ ptz: PTZLimits, within headings: [BearingInterval]) -> (min: Double, max: Double)? {
        let current =
            ptz.fullCircle
            ? BearingInterval(from: 0, sweep: 360)
            : BearingInterval(from: ptz.panMin, sweep: BearingInterval.clockwise(from: ptz.panMin, to: ptz.panMax))
        /// Degrees of `i` inside the current range, counted in 0.5° steps.
        func overlap(_ i: BearingInterval) -> Int {
            stride(from: 0.0, through: i.sweep, by: 0.5).filter { current.contains(i.from + $0) }.count
        }
        guard let best = headings.max(by: { (overlap($0), $0.sweep) < (overlap($1), $1.sweep) }), !best.isFullCircle else { return nil }
        return (best.from, normalizedBearing(best.from + best.sweep))
    }

    /// Inside the zone, 0.5 m in from its widest opening; else inside near its middle.
    private func signFix(for zone: Zone, finding: Finding, plan: Plan) -> SignFix {
        let edges = zone.polygons.flatMap(\.edges)
        let openings = plan.openings.filter { $0.info.level == zone.info.level }.compactMap { o -> (Opening, Segment)? in
            guard case .line(let points) = o.shape, points.count >= 2 else {
                if case .point(let p, let w) = o.shape, let e = edges.min(by: { $0.distance(to: p) < $1.distance(to: p) }),
                    e.distance(to: p) <= 0.25
                {
                    let d = (e.b - e.a) * (1 / (e.b - e.a).length)
                    return (o, Segment(p - d * (w / 2), p + d * (w / 2)))
                }
                return nil
            }
            let s = Segment(points[0], points[points.count - 1])
            return edges.contains { $0.distance(to: s) <= 0.25 } ? (o, s) : nil
        }
        if let (opening, s) = openings.max(by: { ($0.1.b - $0.1.a).length < ($1.1.b - $1.1.a).length }) {
            let mid = (s.a + s.b) * 0.5
            let d = s.b - s.a
            let normal = Point2(-d.y, d.x) * (1 / d.length)
            for candidate in [mid + normal * 0.5, mid - normal * 0.5] where zone.polygons.contains(where: { $0.covers(candidate) }) {
                return SignFix(finding: finding, zone: zone, position: candidate, opening: opening.id)
            }
        }
        let box = Box(covering: zone.polygons) ?? Box(minX: 0, minY: 0, maxX: 0, maxY: 0)
        let centre = zone.polygons.contains { $0.covers(box.center) } ? box.center : (zone.polygons.first?.shell.first ?? box.center)
        return SignFix(finding: finding, zone: zone, position: centre, opening: nil)
    }
}
