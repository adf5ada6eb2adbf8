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
public enum PlanCRS: String, Sendable, CaseIterable {
    case local
    case epsg4326 = "EPSG:4326"
}

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

    /// The tangent plane at (`lon0`, `lat0`) on WGS 84.
    public static func tangentPlane(lon0: Double, lat0: Double) -> CoordinateFrame {
        let a = 6_378_137.0
        let f = 1 / 298.257_223_563
        let e2 = f * (2 - f)
        let phi = lat0 * .pi / 180
        let s2 = sin(phi) * sin(phi)
        let n = a / (1 - e2 * s2).squareRoot()
        let m = a * (1 - e2) / pow(1 - e2 * s2, 1.5)
        return .tangentPlane(lon0: lon0, lat0: lat0,
                             metresPerDegreeLon: n * cos(phi) * .pi / 180,
                             metresPerDegreeLat: m * .pi / 180)
    }

    /// File coordinates → local metres.
    @inlinable public func toLocal(_ x: Double, _ y: Double) -> Point2 {
        switch self {
        case .local(let unit): return Point2(x * unit.metres, y * unit.metres)
        case let .tangentPlane(lon0, lat0, kx, ky): return Point2((x - lon0) * kx, (y - lat0) * ky)
        }
    }

    /// Local metres → file coordinates.
    @inlinable public func toPlan(_ p: Point2) -> Point2 {
        switch self {
        case .local(let unit): return Point2(p.x / unit.metres, p.y / unit.metres)
        case let .tangentPlane(lon0, lat0, kx, ky): return Point2(p.x / kx + lon0, p.y / ky + lat0)
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
        case .tangentPlane: 9
        }
    }
}
