import PlanarGeometry

/// What every feature has: its id, its level, and its place in the file.
public struct FeatureInfo: Sendable, Equatable {
    public var id: String
    public var level: String
    /// Index in the file's `features` array, to keep output in file order.
    public var index: Int
    public init(id: String, level: String, index: Int) {
        self.id = id
        self.level = level
        self.index = index
    }
}

/// An area with a use (`kind: zone`).
public struct Zone: Sendable {
    public var info: FeatureInfo
    public var category: ZoneCategory
    public var name: String?
    public var polygons: [PolygonRings]
    public var requiredCoverage: String?
    public var coverageFraction: Double
    /// Who runs the zone and has the safety duty for it (Art. 7 ¶3, Art. 9
    /// ¶1); `nil` is the site's operator.
    public var managedBy: String? = nil
    /// Whether the manager is a unit or an individual, when the plan says
    /// (`"managedBy": {"name", "kind"}`); Art. 27 ¶2 fines the manager.
    public var managedByKind: OperatorKind? = nil
    /// A room of a home used by someone other than the camera's owner (a
    /// lodger's bedroom, a shared bathroom): Art. 33's "others' rights".
    public var occupiedByOthers = false
    /// `accessControl`: a monitoring room whose access is controlled (Art.
    /// 16 ¶2 (ii): 授权管理、访问控制); `nil` when the plan does not say.
    public var accessControl: Bool? = nil
    public var id: String { info.id }
}

/// The use of a zone (`properties.category`).
///
/// An open vocabulary: the format defines the base words below, and a rule
/// profile may add its own (the Chongqing measures name bank counters where
/// PIN pads can be seen, and the surroundings of polling booths). Which
/// categories are prohibited is the profile's business, not the plan's.
public struct ZoneCategory: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: ZoneCategory, b: ZoneCategory) -> Bool { a.rawValue < b.rawValue }

    public static let guestRoom = ZoneCategory("guest_room")
    public static let privateDiningRoom = ZoneCategory("private_dining_room")
    public static let dormitoryRoom = ZoneCategory("dormitory_room")
    public static let staffQuarters = ZoneCategory("staff_quarters")
    public static let bathhouse = ZoneCategory("bathhouse")
    public static let toilet = ZoneCategory("toilet")
    public static let changingRoom = ZoneCategory("changing_room")
    public static let nursingRoom = ZoneCategory("nursing_room")
    public static let fittingRoom = ZoneCategory("fitting_room")
    public static let privateOther = ZoneCategory("private_other")
    public static let void = ZoneCategory("void")

    /// The words of `sightline-plan/1` itself: the private places of
    /// Order 799 Art. 8 ¶1 and the ordinary uses.
    /// A monitoring room (监控室): Art. 16 ¶2 (ii)'s access control.
    public static let monitoringRoom = ZoneCategory("monitoring_room")
    public static let base: [ZoneCategory] =
        [
            guestRoom, privateDiningRoom, dormitoryRoom, staffQuarters, bathhouse, toilet, changingRoom, nursingRoom,
            fittingRoom, privateOther,
        ]
        + [
            "corridor", "lobby", "entrance", "room", "office", "retail", "dining", "parking", "stair", "elevator",
            "cashier", "outdoor", "public", "void", "monitoring_room",
        ].map { ZoneCategory($0) }
}

/// How a line or polygon obstacle is drawn.
public enum WallShape: Sendable {
    /// Centre lines, given `thicknessMetres` (0: an infinitely thin wall).
    case lines([[Point2]])
    case polygons([PolygonRings])
}

/// An obstacle (`kind: wall`).
public struct Wall: Sendable {
    public enum Material: String, Sendable, CaseIterable { case opaque, glass }
    public var info: FeatureInfo
    public var shape: WallShape
    /// Height above the floor; `nil` is full height.
    public var heightMetres: Double?
    public var material: Material
    public var thicknessMetres: Double
    public var id: String { info.id }
}

public enum DoorState: String, Sendable, CaseIterable { case open, closed }

/// A door, window or passage (`kind: opening`).
public struct Opening: Sendable {
    public enum OpeningType: String, Sendable, CaseIterable { case door, window, passage }
    public enum Shape: Sendable {
        case line([Point2])
        case point(Point2, widthMetres: Double)
    }
    public var info: FeatureInfo
    public var type: OpeningType
    public var shape: Shape
    public var state: DoorState
    public var transparent: Bool
    public var id: String { info.id }

    /// Whether sight passes through: open doors, passages, and windows that
    /// are not frosted or blinded.
    public var isSeeThrough: Bool {
        switch type {
        case .passage: true
        case .door: state == .open
        case .window: transparent
        }
    }
}

/// A camera's lens as a datasheet gives it.
public struct Lens: Sendable, Equatable {
    /// Focal length in mm; a varifocal lens is analysed at its shortest (widest).
    public var focalLengthMM: Double
    public var focalLengthMaxMM: Double?
    public var sensorWidthMM: Double
    public var sensorHeightMM: Double
    public var sensorFormat: String?
}

/// Pan and tilt limits of a PTZ camera (pan as plan bearings, swept clockwise).
public struct PTZLimits: Sendable, Equatable {
    public var panMin = 0.0, panMax = 360.0, tiltMin = 0.0, tiltMax = 90.0
    public var fullCircle = true
    public init() {}
}

/// A privacy mask: a sector of bearings (swept clockwise) and elevations.
public struct PrivacyMask: Sendable, Equatable {
    public var azimuthFrom: Double
    public var azimuthTo: Double
    /// Degrees swept clockwise from `azimuthFrom` to `azimuthTo`, in (0, 360].
    public var sweep: Double
    /// Degrees above horizontal; `nil` is the whole height.
    public var elevationFrom: Double?
    public var elevationTo: Double?

    public init(azimuthFrom: Double, azimuthTo: Double, sweep: Double, elevationFrom: Double? = nil, elevationTo: Double? = nil) {
        self.azimuthFrom = azimuthFrom
        self.azimuthTo = azimuthTo
        self.sweep = sweep
        self.elevationFrom = elevationFrom
        self.elevationTo = elevationTo
    }
}

/// An image acquisition device (`kind: camera`).
///
/// Equatable so the planner can tell, field by field, which cameras an edit
/// changed.
public struct Camera: Sendable, Equatable {
    public enum CameraType: String, Sendable, CaseIterable { case fixed, ptz, fisheye }
    /// The sensor's size in pixels.
    public struct Resolution: Sendable, Equatable {
        public var width: Int
        public var height: Int
    }
    public var info: FeatureInfo
    public var position: Point2
    public var mountHeight = 2.5
    /// Bearing of the optical axis, degrees clockwise from +y, in [0, 360).
    public var heading = 0.0
    /// Degrees below horizontal.
    public var tilt = 0.0
    public var hfov: Double?
    public var vfov: Double?
    public var lens: Lens?
    public var resolution: Resolution?
    public var range: Double?
    public var type = CameraType.fixed
    public var ptz: PTZLimits?
    public var audioEnabled = false
    public var audioRange: Double?
    public var masks: [PrivacyMask] = []
    public var consentRef: String?
    /// Who installed the camera (its name); `nil` is the site's operator.
    public var owner: String?
    /// Whether the installer is a unit or an individual, when the plan says
    /// (`"owner": {"name", "kind"}`); a bare name is of the operator's kind.
    /// Art. 26 and Art. 27 ¶1 fine the installer by this kind.
    public var ownerKind: OperatorKind?
    /// A camera of the public security system (Art. 7): walls or signs that
    /// cut its view obstruct it (Art. 23 (2)).
    public var publicSecurity = false
    public var id: String { info.id }

    public init(info: FeatureInfo, position: Point2) {
        self.info = info
        self.position = position
    }
}

/// A surveillance warning sign (`kind: sign`).
public struct Sign: Sendable {
    public var info: FeatureInfo
    public var position: Point2
    public var facing: Double?
    public var text: String?
    public var id: String { info.id }
}

/// A military or confidential area near the site (`kind: restricted`).
public struct RestrictedArea: Sendable {
    public enum Category: String, Sendable, CaseIterable {
        case militaryRestricted = "military_restricted"
        case militaryManaged = "military_managed"
        case confidentialUnit = "confidential_unit"
    }
    public var info: FeatureInfo
    public var category: Category
    public var polygons: [PolygonRings]
    public var consentRef: String?
    public var id: String { info.id }
}

/// The site's legal boundary (`kind: boundary`).
public struct Boundary: Sendable {
    public var info: FeatureInfo
    public var polygons: [PolygonRings]
    public var id: String { info.id }
}
