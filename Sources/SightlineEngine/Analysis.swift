import PlanarGeometry
import SightlinePlan

/// What the engine found for one camera: its optics, its view region, and
/// where that region enters zones the profile prohibits.
public struct CameraAnalysis: Sendable {
    public var camera: Camera
    public var optics: CameraOptics
    /// The view region in local metres: what the camera records, privacy
    /// masks removed.
    public var view: [PolygonRings]
    public var viewArea: Double
    /// The level below seen through voids on the camera's level, and what
    /// of it the camera sees (unmasked), in local metres.
    public var belowLevel: String?
    public var viewBelow: [PolygonRings]
    /// What the privacy masks hide of the view (empty without masks).
    public var maskedView: [PolygonRings]
    public var maskedArea: Double
    /// Prohibited zones the camera stands in (interior, or boundary facing in).
    public var insideZones: [Zone]
    /// Overlaps of the (unmasked) view region with prohibited zones, any
    /// positive area; zones of the level below come from ``viewBelow``.
    public var intrusions: [Intrusion]
    /// Overlaps of the masked part with prohibited zones.
    public var maskedIntrusions: [Intrusion]
    /// Prohibited zones within an enabled microphone's range, walls ignored.
    public var audioZones: [(zone: Zone, distance: Double)]
    /// Remarks about how the camera was placed, e.g. a lens moved to a wall face.
    public var notes: [String]
}

/// The part of one prohibited zone one camera sees.
public struct Intrusion: Sendable {
    public var zone: Zone
    public var area: Double
    /// The intruding polygons in local metres.
    public var polygons: [PolygonRings]
    /// Horizontal distance from the camera to the nearest intruding point.
    public var nearestDistance: Double
    /// The highest pixel density inside the intruding polygon (at its
    /// nearest point), when the camera gives its resolution.
    public var maxDensity: Double?
    public var dori: DORILevel? { maxDensity.flatMap(DORILevel.reached(by:)) }
}

/// The engine's result for a plan: cameras in file order, plus warnings.
public struct PlanAnalysis: Sendable {
    public var plan: Plan
    public var cameras: [CameraAnalysis]
    public var problems: [PlanProblem]
}
