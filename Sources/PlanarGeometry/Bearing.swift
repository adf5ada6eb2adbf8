#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sightline's one angle convention, in one place. A **bearing** is in
/// degrees clockwise from plan +y (north, up on the drawing): headings,
/// masks' azimuths, compliant intervals. The geometry underneath works in
/// **maths angles**: radians counter-clockwise from +x, as `atan2(y, x)`,
/// `cos` and `sin` take them. Conversions go through here rather than
/// through `* .pi / 180` written inline.
public enum Bearing {
    /// Degrees to radians.
    @inlinable public static func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }

    /// Radians to degrees.
    @inlinable public static func degrees(_ radians: Double) -> Double { radians * 180 / .pi }

    /// The bearing of vector `v` in degrees, in (−180, 180]: 0 north, 90 east.
    @inlinable public static func of(_ v: Point2) -> Double { degrees(atan2(v.x, v.y)) }

    /// The maths angle (radians) of the direction at bearing `b` (degrees).
    @inlinable public static func mathAngle(_ b: Double) -> Double { radians(90 - b) }

    /// A clockwise sweep of `sweep`° from bearing `from`, as the maths-angle
    /// sector the sweep covers counter-clockwise: it starts at the sweep's
    /// clockwise end, `from + sweep`.
    @inlinable public static func sector(from: Double, sweep: Double) -> (start: Double, width: Double) {
        (mathAngle(from + sweep), radians(sweep))
    }
}
