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
    /// Overlaps of the (unmasked) view region with prohibited zones (and
    /// zones `occupiedByOthers`), any positive area; zones of the level
    /// below come from ``viewBelow``.
    public var intrusions: [Intrusion]
    /// Overlaps of the masked part with prohibited zones.
    public var maskedIntrusions: [Intrusion]
    /// Prohibited zones within an enabled microphone's range, walls ignored.
    public var audioZones: [(zone: Zone, distance: Double)]
    /// Remarks about how the camera was placed, e.g. a lens moved to a wall face.
    public var notes: [String]
    /// Each restricted area (Art. 10): distance from the camera, and how
    /// much of it the view covers.
    public var restricted: [RestrictedMeasure] = []
    /// The view outside the site boundary; `nil` when the plan has none.
    public var offSite: OffSiteMeasure?
    /// For a camera with an `owner`: every zone it stands in, and the zone
    /// its view covers most (Art. 9 ¶1: who may install); `nil` otherwise.
    public var ownership: OwnershipMeasure? = nil
    /// For a `publicSecurity` camera: the area its field would cover with no
    /// wall in the plan, m² (Art. 23 (2): obstruction); `nil` otherwise.
    public var unobstructedArea: Double? = nil
}

/// Where a camera with an owner stands and what it mostly watches.
public struct OwnershipMeasure: Sendable {
    /// Zones of any category containing the camera's point.
    public var standingIn: [Zone]
    /// The zone with the largest share of the view, and that area (m²).
    public var mostSeen: (zone: Zone, area: Double)?
}

public struct RestrictedMeasure: Sendable {
    public var area: RestrictedArea
    /// Horizontal distance from the camera (0 inside).
    public var distance: Double
    /// View area inside the restricted area, m².
    public var overlap: Double
}

public struct OffSiteMeasure: Sendable {
    public var area: Double
    public var polygons: [PolygonRings]
}

/// How well a `requiredCoverage` zone is covered at its DORI level.
public struct CoverageMeasure: Sendable {
    public var zone: Zone
    public var level: DORILevel
    public var zoneArea: Double
    public var coveredArea: Double
    public var fraction: Double { zoneArea > 0 ? coveredArea / zoneArea : 0 }
    /// Cameras on the level that give no resolution, so cannot be counted.
    public var camerasWithoutResolution: [String]
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
    /// For zones that are not prohibited: how much of each the cameras'
    /// unmasked views on its level cover, m² (Art. 13 signs): exact below the
    /// engine's `zoneViewThreshold`; at or above it, at least this much.
    public var zoneViewAreas: [String: Double] = [:]
    /// `requiredCoverage` zones, in file order.
    public var coverage: [CoverageMeasure] = []

    public init(
        plan: Plan, cameras: [CameraAnalysis], problems: [PlanProblem],
        zoneViewAreas: [String: Double] = [:], coverage: [CoverageMeasure] = []
    ) {
        self.plan = plan
        self.cameras = cameras
        self.problems = problems
        self.zoneViewAreas = zoneViewAreas
        self.coverage = coverage
    }
}
