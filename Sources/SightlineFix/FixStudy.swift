import PlanarGeometry
import SightlineEngine
import SightlinePlan

/// What it would take to make one camera compliant, computed exactly from
/// the same geometry as its check (no re-checks of trial orientations).
public struct FixStudy: Sendable {
    public var camera: Camera
    public var optics: CameraOptics
    /// The profile's smallest intrusion area (m²).
    public var threshold: Double
    /// The prohibited parts the camera could see turning about its axis with
    /// its current band: what any heading's intrusion is cut from.
    public var reachableProhibited: [PolygonRings]
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
    /// The installation tolerance every proposal keeps, degrees: a heading
    /// or tilt set anywhere within ± this of the proposal still clears
    /// (`fix --margin`, default 2°: nobody mounts a bracket to 0.1°).
    public var margin: Double
    /// The tilt to mount, steeper than now: the smallest at which no
    /// intrusion is left, plus ``margin`` (`nil`: no tilt up to 90° clears
    /// it with the margin, or the camera cannot tilt).
    public var clearingTilt: Double?
    /// The smallest clearing tilt itself, to 0.1°: the edge the margin is
    /// kept from (`nil` when no tilt clears it at all).
    public var clearingTiltEdge: Double?
    /// How much of the allowed view the camera keeps at `clearingTilt`, m².
    public var clearingTiltKeptArea: Double?
    /// For a fixed camera that no heading alone clears: the gentlest tilt
    /// (in 2° steps) at which some heading is compliant with the margin,
    /// the nearest such heading there, and the allowed view it keeps (m²).
    public var tiltAndHeading: (tilt: Double, heading: Double, keptArea: Double)?
    /// For a camera inside a prohibited zone: the nearest point outside every
    /// prohibited zone on its level, in an ordinary zone, ≥ 0.5 m from walls.
    public var relocation: Point2?
    public var isInside: Bool

    /// The prohibited area (m²) the camera would see turned to `heading`, its
    /// tilt unchanged: the reachable parts inside that field, measured
    /// exactly (arcs, not chords) with no overlay — the measure the
    /// compliant arcs' ends were found with, so what proves a heading's
    /// margin is what drew its arc.
    public func intrusion(heading: Double) -> Double {
        let field = BearingInterval(from: heading - optics.hfov / 2, sweep: optics.hfov)
        return reachableProhibited.reduce(0) { $0 + $1.area(inside: field, from: camera.position) }
    }

    /// The area of current allowed view that a camera turned to `heading` keeps.
    public func keptArea(heading: Double) -> Double {
        let field = BearingInterval(from: heading - optics.hfov / 2, sweep: optics.hfov)
        guard field.sweep < 180 else { return allowedArea }
        return allowedView.reduce(0) { $0 + $1.area(inside: field, from: camera.position) }
    }
}

extension FixStudy {
    /// Studies the cameras `ids` of a plan whose check ran through `session`,
    /// against the check's own scenes and each camera's analysis from it (no
    /// scene is built and no camera analysed a second time).
    ///
    /// - Parameter threshold: the profile's smallest intrusion area (m²).
    /// - Parameter margin: the installation tolerance, degrees (``margin``).
    public static func studies(of ids: Set<String>, in session: PlanSession, threshold: Double, margin: Double = 2) throws -> [FixStudy] {
        try session.plan.cameras.filter { ids.contains($0.id) }.compactMap { camera in
            guard let level = session.level(camera.info.level), let current = session.analysis(ofCamera: camera.id) else { return nil }
            return try FixStudier(session: level, camera: camera, threshold: threshold, margin: margin).study(current: current)
        }
    }
}
