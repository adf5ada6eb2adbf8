import PlanarGeometry
import SightlinePlan

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A camera's angles and distances, resolved from its properties: explicit
/// `hfov`/`vfov` win, then the lens, then the format's defaults.
public struct CameraOptics: Sendable, Equatable {
    /// Horizontal and vertical field of view in degrees.
    public var hfov: Double
    public var vfov: Double
    /// Farthest horizontal distance analysed, metres.
    public var range: Double
    /// Bearings the view can span, clockwise from `bearingFrom` by `bearingSweep`
    /// degrees (360 for a full circle).
    public var bearingFrom: Double
    public var bearingSweep: Double
    /// Those bearings as the maths-angle sector the sweep and the overlays
    /// take (``Bearing/sector(from:sweep:)``).
    public var fieldSector: (start: Double, width: Double) { Bearing.sector(from: bearingFrom, sweep: bearingSweep) }
    /// Elevations (degrees above horizontal) the view can span.
    public var elevationLow: Double
    public var elevationHigh: Double
    /// The horizontal distances at which part of the person-height band is
    /// in the vertical field: the near blind zone ends at `nearLimit`, and
    /// nothing beyond `farLimit` (already capped by `range`) is seen.
    public var nearLimit: Double
    public var farLimit: Double

    /// Pixel density on targets, when the camera gives its `resolution`.
    public var density: PixelDensity?

    public var isEmpty: Bool { farLimit <= nearLimit }

    public init(camera c: Camera, personHeight: Double) {
        let widestFocal = c.lens?.focalLengthMM
        if let h = c.hfov {
            hfov = h
        } else if let lens = c.lens, let f = widestFocal {
            hfov = Bearing.degrees(2 * atan(lens.sensorWidthMM / (2 * f)))
        } else {
            hfov = c.type == .fisheye ? 360 : 90
        }
        if let v = c.vfov {
            vfov = v
        } else if let lens = c.lens, let f = widestFocal {
            vfov = Bearing.degrees(2 * atan(lens.sensorHeightMM / (2 * f)))
        } else if hfov < 180 {
            vfov = Bearing.degrees(2 * atan(tan(Bearing.radians(hfov / 2)) * 9 / 16))
        } else {
            vfov = 180
        }
        if let res = c.resolution {
            if c.type == .fisheye {
                // Faces are judged at the top of the person band, capped below the lens.
                density = PixelDensity(
                    projection: .fisheye(
                        circlePixels: Double(min(res.width, res.height)),
                        lensHeight: c.mountHeight,
                        targetHeight: min(personHeight, c.mountHeight)))
            } else if hfov < 180 {
                density = PixelDensity(projection: .rectilinear(horizontalPixels: Double(res.width), hfovDegrees: hfov))
            }
        }
        if let r = c.range {
            range = r
        } else if let density {
            // IEC 62676-4 "detect": where the density falls to 25 px/m.
            range = density.distance(reaching: DORILevel.detect.pixelsPerMetre)
        } else {
            range = 30
        }

        switch c.type {
        case .fixed:
            bearingFrom = normalizedBearing(c.heading - hfov / 2)
            bearingSweep = min(hfov, 360)
            elevationLow = -c.tilt - vfov / 2
            elevationHigh = -c.tilt + vfov / 2
        case .fisheye:
            bearingFrom = 0
            bearingSweep = 360
            elevationLow = -90
            elevationHigh = 0
        case .ptz:
            // The union over pans and tilts of products of intervals is the
            // product of the swept intervals, so it stays exact.
            let limits = c.ptz ?? PTZLimits()
            if limits.fullCircle {
                bearingFrom = 0
                bearingSweep = 360
            } else {
                var sweep = limits.panMax - limits.panMin
                if sweep < 0 { sweep += 360 }
                bearingFrom = normalizedBearing(limits.panMin - hfov / 2)
                bearingSweep = min(360, sweep + hfov)
            }
            elevationLow = -limits.tiltMax - vfov / 2
            elevationHigh = -limits.tiltMin + vfov / 2
        }
        (nearLimit, farLimit) = Self.distanceBand(
            mountHeight: c.mountHeight, personHeight: personHeight,
            elevationLow: elevationLow, elevationHigh: elevationHigh)
        farLimit = min(farLimit, range)
    }

    /// The horizontal distances d at which some height z in [0, personHeight]
    /// is seen at an elevation atan2(z − H, d) within [low, high] (degrees).
    ///
    /// The lowest visible elevation at d is that of the floor, the highest
    /// that of the top of the band, and both rise or fall monotonically with
    /// d, so the set is one interval [near, far] with closed-form ends.
    public static func distanceBand(
        mountHeight h: Double, personHeight p: Double,
        elevationLow low: Double, elevationHigh high: Double
    ) -> (near: Double, far: Double) {
        // The floor must not be above the field's top edge, the head not below its bottom edge.
        let band = SightDistances.elevation(ofHeight: 0, lens: h, atMost: high)
            .intersection(.elevation(ofHeight: p, lens: h, atLeast: low))
        return (band.near, band.far)
    }
}
