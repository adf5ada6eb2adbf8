import PlanarGeometry
import SightlinePlan

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// IEC 62676-4 levels of detail, by horizontal pixel density on the target.
public enum DORILevel: String, Sendable, CaseIterable, Comparable {
    case monitor, detect, observe, recognize, identify

    /// Pixels per metre at which the level is reached.
    public var pixelsPerMetre: Double {
        switch self {
        case .monitor: 12.5
        case .detect: 25
        case .observe: 62.5
        case .recognize: 125
        case .identify: 250
        }
    }

    /// What an inspector can tell from an image at this level.
    public var meaning: String {
        switch self {
        case .monitor: "crowd movement only"
        case .detect: "a person can be detected"
        case .observe: "a person's clothing and actions can be observed"
        case .recognize: "a known person can be recognised"
        case .identify: "faces are identifiable"
        }
    }

    /// The highest level a density reaches, or `nil` below monitor.
    public static func reached(by density: Double) -> DORILevel? {
        allCases.last { density >= $0.pixelsPerMetre }
    }

    public static func < (a: DORILevel, b: DORILevel) -> Bool { a.pixelsPerMetre < b.pixelsPerMetre }
}

/// How many pixels per metre a camera puts on a target at a horizontal
/// distance, from its resolution and projection.
public struct PixelDensity: Sendable, Equatable {
    public enum Projection: Sendable, Equatable {
        /// A rectilinear lens: R_h / (2·d·tan(hfov/2)) px/m.
        case rectilinear(horizontalPixels: Double, hfovDegrees: Double)
        /// An equidistant fisheye looking down: its image circle (the
        /// shorter side, `circlePixels`) spans 180°, so k = circle/π px per
        /// radian; at off-axis angle θ = atan2(d, H − z) a horizontal circle
        /// of radius d is imaged on 2π·k·θ pixels: k·θ/d px/m.
        case fisheye(circlePixels: Double, lensHeight: Double, targetHeight: Double)
    }

    public var projection: Projection
    public init(projection: Projection) { self.projection = projection }

    /// Pixels per metre at horizontal distance `d` (at least 1 cm).
    public func at(_ d: Double) -> Double {
        let d = max(d, 0.01)
        switch projection {
        case .rectilinear(let pixels, let hfov):
            return pixels / (2 * d * tan(Bearing.radians(hfov / 2)))
        case .fisheye(let circle, let h, let z):
            let k = circle / .pi
            return k * atan2(d, max(h - z, 0)) / d
        }
    }

    /// The distance at which the density falls to `pixelsPerMetre`.
    ///
    /// Both projections fall monotonically with distance; the rectilinear
    /// one inverts in closed form, the fisheye one by bisection to 1 mm.
    public func distance(reaching pixelsPerMetre: Double) -> Double {
        switch projection {
        case .rectilinear(let pixels, let hfov):
            return pixels / (2 * tan(Bearing.radians(hfov / 2)) * pixelsPerMetre)
        case .fisheye:
            var lo = 0.01
            var hi = 0.02
            if at(lo) < pixelsPerMetre { return 0 }
            while at(hi) >= pixelsPerMetre, hi < 1e5 { hi *= 2 }
            while hi - lo > 1e-3 {
                let mid = (lo + hi) / 2
                if at(mid) >= pixelsPerMetre { lo = mid } else { hi = mid }
            }
            return lo
        }
    }

    /// Each DORI level's distance limit.
    public var doriDistances: [(level: DORILevel, distance: Double)] {
        DORILevel.allCases.map { ($0, distance(reaching: $0.pixelsPerMetre)) }
    }
}
