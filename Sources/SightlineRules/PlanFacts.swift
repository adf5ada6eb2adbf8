import SightlinePlan

/// What the rules about the whole plan read of its features: the zone
/// categories it uses and its cameras counted by type.
///
/// A whole check counts them from the plan; a streamed check, which never
/// holds every level at once, takes the categories from its index and
/// counts each level's cameras as it decodes them.
public struct PlanFacts: Sendable {
    /// The categories of every zone of the plan.
    public var zoneCategories: Set<ZoneCategory>
    /// Cameras by type.
    public private(set) var camerasByType: [Camera.CameraType: Int] = [:]
    /// Cameras with a microphone switched on.
    public private(set) var microphones = 0
    public private(set) var cameraCount = 0

    /// Facts with no cameras counted yet.
    public init(zoneCategories: Set<ZoneCategory>) { self.zoneCategories = zoneCategories }

    /// The facts of a whole plan.
    public init(plan: Plan) {
        self.init(zoneCategories: Set(plan.zones.map(\.category)))
        count(plan.cameras)
    }

    /// Counts `cameras` (a level's) in.
    public mutating func count(_ cameras: [Camera]) {
        for camera in cameras {
            camerasByType[camera.type, default: 0] += 1
            if camera.audioEnabled { microphones += 1 }
        }
        cameraCount += cameras.count
    }

    /// Cameras of `type`.
    public func cameras(of type: Camera.CameraType) -> Int { camerasByType[type] ?? 0 }
}
