#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A point or vector in plan coordinates: metres, x east, y north ("up" on
/// the drawing). Bearings elsewhere in Sightline are measured clockwise from
/// +y; maths angles (for `atan2`) counter-clockwise from +x.
public struct Point2: Hashable, Sendable {
    public var x: Double
    public var y: Double
    @inlinable public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    @inlinable public static func + (a: Point2, b: Point2) -> Point2 { Point2(a.x + b.x, a.y + b.y) }
    @inlinable public static func - (a: Point2, b: Point2) -> Point2 { Point2(a.x - b.x, a.y - b.y) }
    @inlinable public static func * (a: Point2, k: Double) -> Point2 { Point2(a.x * k, a.y * k) }
    @inlinable public func dot(_ o: Point2) -> Double { x * o.x + y * o.y }
    /// The z component of the 3-D cross product: positive when `o` is
    /// counter-clockwise from `self`.
    @inlinable public func cross(_ o: Point2) -> Double { x * o.y - y * o.x }
    @inlinable public var length: Double { (x * x + y * y).squareRoot() }
    @inlinable public func distance(to o: Point2) -> Double { (self - o).length }

    /// The unit vector at a maths angle (radians, counter-clockwise from +x).
    @inlinable public static func unit(angle: Double) -> Point2 { Point2(cos(angle), sin(angle)) }
    /// The unit vector along a plan bearing (degrees clockwise from +y).
    @inlinable public static func unit(bearingDegrees b: Double) -> Point2 {
        let r = Bearing.radians(b)
        return Point2(sin(r), cos(r))
    }
}
