import Foundation
import PlanarGeometry

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A unit of plan coordinates (`plan.units`); lengths in properties are
/// always metres whatever the unit.
public enum LengthUnit: String, Sendable, CaseIterable {
    case m, cm, mm, ft, `in`

    /// Metres in one unit (`ft` = 0.3048 m and `in` = 0.0254 m exactly).
    public var metres: Double {
        switch self {
        case .m: 1
        case .cm: 0.01
        case .mm: 0.001
        case .ft: 0.3048
        case .in: 0.0254
        }
    }
}

/// The coordinate reference system of the plan file.
///
/// Besides `local` and WGS 84 (`EPSG:4326`), the CRSs Chinese survey
/// drawings and GIS exports use: CGCS2000 geographic (`EPSG:4490`), the
/// CGCS2000 3-degree Gauss–Krüger zones (`EPSG:4513`–`4554`: 4513–4533 with
/// the zone number in the easting, 4534–4554 without) and WGS 84 / UTM
/// (`EPSG:32601`–`32660`, `32701`–`32760`), known without a library; any
/// other EPSG code is ``other(epsg:)`` until a ``CRSResolver`` (PROJ, in
/// `check`) says what it is and how many ground metres a unit spans at the
/// plan's centre, so a projected plan is worked on in ground metres about
/// its centre and written back in its own coordinates.
public enum PlanCRS: Sendable, Equatable {
    case local
    /// Longitude/latitude in degrees (WGS 84 or CGCS2000, which agree to
    /// centimetres).
    case geographic(epsg: Int)
    /// Easting/northing in metres on a transverse Mercator projection.
    case projected(epsg: Int)
    /// Any other EPSG code: resolved through a coordinate-system library
    /// (``CRSResolver``) when the plan is decoded, else refused.
    case other(epsg: Int)

    public static let epsg4326 = PlanCRS.geographic(epsg: 4326)

    /// As written in a plan: `local`, `EPSG:4326`, `EPSG:4547`…
    public var rawValue: String {
        switch self {
        case .local: "local"
        case .geographic(let code), .projected(let code), .other(let code): "EPSG:\(code)"
        }
    }

    /// The CRSs a plan may name, for messages.
    public static let supported =
        "local, EPSG:4326, EPSG:4490 (CGCS2000), EPSG:4513–4554 (CGCS2000 Gauss–Krüger), EPSG:32601–32660 and 32701–32760 (UTM)"

    /// Parses `local` or `EPSG:<code>` (any case, `EPSG::4326` and URNs' tail accepted).
    public init?(rawValue text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        if t == "LOCAL" {
            self = .local
            return
        }
        guard let colon = t.lastIndex(of: ":"), t.hasPrefix("EPSG") || t.contains("EPSG"), let code = Int(t[t.index(after: colon)...])
        else {
            return nil
        }
        switch code {
        case 4326, 4490: self = .geographic(epsg: code)
        case 4513...4554, 32601...32660, 32701...32760: self = .projected(epsg: code)
        case 1...99_999: self = .other(epsg: code)
        default: return nil
        }
    }
}

/// What a coordinate-system library says of an EPSG code for a plan whose
/// coordinates span `box`: geographic, or projected with the ground metres
/// one unit spans at the box's centre; or why the plan cannot use it (the
/// scale varies too much across it, PROJ does not know the code…).
public enum CRSResolution: Sendable, Equatable {
    case geographic
    case projected(groundMetresPerUnit: Double)
    case refused(String)
}

/// Resolves EPSG codes beyond the built-in ones (SightlineCheck passes one
/// built on GDAL's OSR/PROJ, so the decoder itself needs no library).
public typealias CRSResolver = @Sendable (_ epsg: Int, _ box: Box) -> CRSResolution

/// Maps file coordinates to the engine's local metres and back.
///
/// `local` plans are scaled by their unit. `EPSG:4326` plans are projected
/// onto the plane tangent to the WGS 84 ellipsoid at the centre of the plan's
/// bounding box: x = Δλ·N·cos φ₀, y = Δφ·M, with M and N the meridional and
/// prime-vertical radii of curvature at φ₀. Over a building or campus (a few
/// kilometres) this agrees with an azimuthal equidistant projection to far
/// better than the spec's 0.5 %, and it inverts exactly, so output polygons go
/// back to lon/lat without drift.
public enum CoordinateFrame: Sendable, Equatable {
    case local(unit: LengthUnit)
    case tangentPlane(lon0: Double, lat0: Double, metresPerDegreeLon: Double, metresPerDegreeLat: Double)
    /// Projected coordinates, shifted to the plan's centre so the engine
    /// works on small numbers (a northing of 3,300,000 m would cost
    /// precision), times the ground metres one unit spans there (the unit
    /// over the projection's scale factor: 1 for Gauss–Krüger and UTM
    /// without a resolver, 1/1.155 for Web Mercator at 30°N).
    case shifted(x0: Double, y0: Double, groundMetresPerUnit: Double)
    /// A georeferenced local plan's output frame: local metres rotated so
    /// the plan's +y points at `rotation` (degrees clockwise from north),
    /// then onto the tangent plane at the origin's lon/lat.
    case georeferenced(lon0: Double, lat0: Double, metresPerDegreeLon: Double, metresPerDegreeLat: Double, cos: Double, sin: Double)
    /// The same onto a projected CRS: rotated, scaled to its units, moved to the origin point.
    case projectedOutput(x0: Double, y0: Double, unitsPerMetre: Double, cos: Double, sin: Double)

    public static func georeferencedProjected(x0: Double, y0: Double, rotation: Double, unitsPerMetre: Double) -> CoordinateFrame {
        let r = Bearing.radians(rotation)
        return .projectedOutput(x0: x0, y0: y0, unitsPerMetre: unitsPerMetre, cos: Foundation.cos(r), sin: Foundation.sin(r))
    }

    /// The output frame of a local plan whose origin (0, 0) lies at
    /// (`lon`, `lat`) and whose +y axis points at `rotation`.
    public static func georeferenced(lon: Double, lat: Double, rotation: Double) -> CoordinateFrame {
        guard case .tangentPlane(_, _, let kx, let ky) = tangentPlane(lon0: lon, lat0: lat) else { return .local(unit: .m) }
        let r = Bearing.radians(rotation)
        return .georeferenced(
            lon0: lon, lat0: lat, metresPerDegreeLon: kx, metresPerDegreeLat: ky, cos: Foundation.cos(r), sin: Foundation.sin(r))
    }

    /// The tangent plane at (`lon0`, `lat0`) on WGS 84.
    public static func tangentPlane(lon0: Double, lat0: Double) -> CoordinateFrame {
        let a = 6_378_137.0
        let f = 1 / 298.257_223_563
        let e2 = f * (2 - f)
        let phi = Bearing.radians(lat0)
        let s2 = sin(phi) * sin(phi)
        let n = a / (1 - e2 * s2).squareRoot()
        let m = a * (1 - e2) / pow(1 - e2 * s2, 1.5)
        return .tangentPlane(
            lon0: lon0, lat0: lat0,
            metresPerDegreeLon: n * cos(phi) * .pi / 180,
            metresPerDegreeLat: m * .pi / 180)
    }

    /// File coordinates → local metres.
    @inlinable public func toLocal(_ x: Double, _ y: Double) -> Point2 {
        switch self {
        case .local(let unit): return Point2(x * unit.metres, y * unit.metres)
        case .tangentPlane(let lon0, let lat0, let kx, let ky): return Point2((x - lon0) * kx, (y - lat0) * ky)
        case .shifted(let x0, let y0, let k): return Point2((x - x0) * k, (y - y0) * k)
        case .georeferenced(let lon0, let lat0, let kx, let ky, let c, let s):
            let e = (x - lon0) * kx
            let n = (y - lat0) * ky
            return Point2(e * c - n * s, e * s + n * c)
        case .projectedOutput(let x0, let y0, let u, let c, let s):
            let e = (x - x0) / u
            let n = (y - y0) / u
            return Point2(e * c - n * s, e * s + n * c)
        }
    }

    /// Local metres → file coordinates.
    @inlinable public func toPlan(_ p: Point2) -> Point2 {
        switch self {
        case .local(let unit): return Point2(p.x / unit.metres, p.y / unit.metres)
        case .tangentPlane(let lon0, let lat0, let kx, let ky): return Point2(p.x / kx + lon0, p.y / ky + lat0)
        case .shifted(let x0, let y0, let k): return Point2(p.x / k + x0, p.y / k + y0)
        case .georeferenced(let lon0, let lat0, let kx, let ky, let c, let s):
            let e = p.x * c + p.y * s
            let n = -p.x * s + p.y * c
            return Point2(e / kx + lon0, n / ky + lat0)
        case .projectedOutput(let x0, let y0, let u, let c, let s):
            let e = p.x * c + p.y * s
            let n = -p.x * s + p.y * c
            return Point2(e * u + x0, n * u + y0)
        }
    }

    /// Decimal places that keep output coordinates to about 0.1 mm.
    public var outputDecimals: Int {
        switch self {
        case .local(let unit):
            switch unit {
            case .m, .ft: 4
            case .cm, .in: 2
            case .mm: 1
            }
        case .tangentPlane, .georeferenced: 9
        case .shifted, .projectedOutput: 4
        }
    }
}
