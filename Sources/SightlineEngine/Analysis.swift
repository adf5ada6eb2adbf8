import PlanarGeometry
import SightlinePlan

/// What the engine found for one camera: its optics, its view region, and
/// where that region enters zones the profile prohibits.
public struct CameraAnalysis: Sendable {
    public var camera: Camera
    public var optics: CameraOptics
    /// The view region in local metres.
    public var view: [PolygonRings]
    public var viewArea: Double
    /// Prohibited zones the camera stands in (interior, or boundary facing in).
    public var insideZones: [Zone]
    /// Overlaps of the view region with prohibited zones, any positive area.
    public var intrusions: [Intrusion]
    /// Remarks about how the camera was placed, e.g. a lens moved to a wall face.
    public var notes: [String]
}

/// The part of one prohibited zone one camera sees.
public struct Intrusion: Sendable {
    public var zone: Zone
    public var area: Double
    /// The intruding polygons in local metres.
    public var polygons: [PolygonRings]
}

/// The engine's result for a plan: cameras in file order, plus warnings.
public struct PlanAnalysis: Sendable {
    public var plan: Plan
    public var cameras: [CameraAnalysis]
    public var problems: [PlanProblem]
}
