import PlanarGeometry
import SightlineJSON

/// A decoded, validated `sightline-plan/1` plan. All geometry is in local
/// metres (see ``CoordinateFrame``); every default of the format is applied.
public struct Plan: Sendable {
    /// The path the plan was read from, as given (for messages and reports).
    public var file: String
    public var metadata: PlanMetadata
    public var frame: CoordinateFrame
    /// Levels in declaration order (or in order of first use when the plan
    /// declares none).
    public var levels: [Level]
    public var zones: [Zone] = []
    public var walls: [Wall] = []
    public var openings: [Opening] = []
    public var cameras: [Camera] = []
    public var signs: [Sign] = []
    public var restrictedAreas: [RestrictedArea] = []
    public var boundaries: [Boundary] = []
    /// Doubtful but usable input, e.g. unknown properties.
    public var warnings: [PlanProblem] = []
    /// The parsed file, members in file order: `fix --apply` and the planner
    /// rewrite it, changing only what they change. `.null` when decoded
    /// without it (`keepDocument: false`: `check`, `batch`, `filing`).
    public var document: JSONValue = .null
    /// The file's bytes as read, for ``featureLines``; empty for a plan
    /// imported from a drawing, whose lines are not the user's.
    public var sourceBytes: [UInt8] = []

    /// The line each feature starts on in the file, by index in `features`
    /// (``FeatureLines``), worked out when asked (only SARIF asks: scanning
    /// every check's bytes for it cost 4 % of a check of the hotel).
    public var featureLines: [Int] { sourceBytes.isEmpty ? [] : FeatureLines.startLines(sourceBytes) }

    public init(file: String, metadata: PlanMetadata, frame: CoordinateFrame, levels: [Level]) {
        self.file = file
        self.metadata = metadata
        self.frame = frame
        self.levels = levels
    }

    public func level(_ id: String) -> Level? { levels.first { $0.id == id } }
}

/// The `plan` member: metadata that applies to the whole file.
public struct PlanMetadata: Sendable {
    public var format = "sightline-plan/1"
    public var units = LengthUnit.m
    public var crs = PlanCRS.local
    public var profile = "cn-2025"
    public var site = Site()
    public var system = SystemRecord()
    public var defaults = PlanDefaults()
    /// Where a local plan lies on the Earth, for map outputs.
    public var georeference: Georeference?
    /// Pictures the plan was traced from, one per level at most.
    public var backgrounds: [PlanBackground] = []
    public init() {}
}

/// `plan.georeference`: where a local plan's origin (0, 0) lies — a lon/lat,
/// or a point of a projected CRS — and the bearing of its +y axis (degrees
/// clockwise from true north), so its outputs can be placed on a map. The
/// check itself stays in local metres.
public struct Georeference: Sendable, Equatable {
    public var lon: Double
    public var lat: Double
    public var rotation: Double
    /// When the origin is a projected point: its CRS, coordinates, and the
    /// CRS units one ground metre spans there (from PROJ; 1 without it).
    public var projected: ProjectedOrigin?

    public struct ProjectedOrigin: Sendable, Equatable {
        public var crs: PlanCRS
        public var x: Double
        public var y: Double
        public var unitsPerMetre: Double
    }

    public init(lon: Double, lat: Double, rotation: Double) {
        self.lon = lon
        self.lat = lat
        self.rotation = rotation
    }

    /// The CRS map outputs are written in.
    public var outputCRS: String { projected?.crs.rawValue ?? "EPSG:4326" }

    /// The frame from the plan's local metres to the map's coordinates.
    public var frame: CoordinateFrame {
        if let p = projected { return .georeferencedProjected(x0: p.x, y0: p.y, rotation: rotation, unitsPerMetre: p.unitsPerMetre) }
        return .georeferenced(lon: lon, lat: lat, rotation: rotation)
    }
}

public struct Site: Sendable {
    public var id: String?
    public var name: String?
    public var address: String?
    public var placeCategory = PlaceCategory.art7Venue
    public var operatorName: String?
    public var operatorKind = OperatorKind.unit
    public var operatorCreditCode: String?
    /// The language of the site's paperwork (`zh-CN`, `en`…): the reports'
    /// default language.
    public var locale: String?
    public init() {}
}

/// Where the regulation places the site (`site.placeCategory`).
public enum PlaceCategory: String, Sendable, CaseIterable {
    case art7Infrastructure = "art7-infrastructure"
    case art7Venue = "art7-venue"
    case art9OtherPublic = "art9-other-public"
    case nonPublic = "non-public"
}

/// Whom a fine is set for (`site.operator.kind`).
public enum OperatorKind: String, Sendable, CaseIterable {
    case unit, individual
}

/// A calendar date without time zone (`YYYY-MM-DD`).
public struct CalendarDate: Sendable, Comparable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, rejecting impossible dates such as 2025-02-30.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), d >= 1, d <= Self.daysIn(month: m, year: y)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01 (proleptic Gregorian).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }
    public static func == (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber == b.dayNumber }
    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }
}

/// The `system` member: facts the Art. 14 filing and Art. 17 retention need.
public struct SystemRecord: Sendable {
    public var commissionedOn: CalendarDate?
    public var filedOn: CalendarDate?
    public var retentionDays: Int?
    /// Why footage is kept longer than the minimum (a law, a contract, an
    /// investigation): Art. 17 asks for deletion once the purpose is served.
    public var retentionBasis: String?
    public var preexisting = false
    /// References to the design programme and the test (detection) report
    /// sent to the public security organ (Chongqing Art. 15 ¶1).
    public var designProgramme: String?
    public var testReport: String?
    /// What the last Art. 14 filing (or its change, 备案变更) recorded.
    public var filing: FiledRecord?
    /// `system.inspection`: the daily management and inspection of the
    /// prohibited places (Art. 8 ¶2) — how often (`frequency`, as the
    /// operator words it) and when last (`lastOn`).
    public var inspection: DutyRecord?
    /// `system.acceptance`: the system's acceptance (验收, Art. 11) — its
    /// date (`date`) and where its archives are kept (`archive`).
    public var acceptance: DutyRecord?
    public init() {}
}

/// A duty the plan records as done: when, and a reference or frequency.
public struct DutyRecord: Sendable, Equatable {
    /// `lastOn` (inspection) or `date` (acceptance).
    public var date: CalendarDate?
    /// `frequency` (inspection) or `archive` (acceptance).
    public var note: String?
    public init(date: CalendarDate?, note: String?) {
        self.date = date
        self.note = note
    }
}

/// `system.filing`: what was filed with the public security organ, so a
/// plan whose filed particulars differ from it — the cameras by type, the
/// storage period, the construction location (Art. 14 ¶1 names them) —
/// shows an unfiled change.
public struct FiledRecord: Sendable, Equatable {
    /// The date of the filing or of its last change.
    public var date: CalendarDate?
    /// Cameras filed, by `type` (`fixed`, `ptz`, `fisheye`).
    public var cameras: [String: Int]
    /// The storage period filed (视频图像信息的存储期限), in days.
    public var retentionDays: Int?
    /// The construction location filed (建设地点).
    public var address: String?
    public init(date: CalendarDate?, cameras: [String: Int], retentionDays: Int? = nil, address: String? = nil) {
        self.date = date
        self.cameras = cameras
        self.retentionDays = retentionDays
        self.address = address
    }
}

/// The `defaults` member.
public struct PlanDefaults: Sendable {
    public var doors = DoorState.open
    public var personHeight = 2.0
    public var wallThickness = 0.0
    public init() {}
}

/// A storey of the building.
public struct Level: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var elevation: Double
    /// Floor-to-ceiling height in metres.
    public var height: Double
    public init(id: String, name: String? = nil, elevation: Double = 0, height: Double = 3) {
        self.id = id
        self.name = name
        self.elevation = elevation
        self.height = height
    }
}
