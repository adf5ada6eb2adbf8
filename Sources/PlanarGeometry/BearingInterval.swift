#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A closed interval of plan bearings, swept clockwise from `from` by
/// `sweep` degrees (0 < sweep ≤ 360); `from` is in [0, 360).
public struct BearingInterval: Sendable, Equatable, CustomStringConvertible {
    public var from: Double
    public var sweep: Double

    public init(from: Double, sweep: Double) {
        let f = from.truncatingRemainder(dividingBy: 360)
        self.from = f < 0 ? f + 360 : f
        self.sweep = min(max(sweep, 0), 360)
    }

    public var to: Double { (from + sweep).truncatingRemainder(dividingBy: 360) }
    public var isFullCircle: Bool { sweep >= 360 - 1e-9 }

    /// Whether `b` lies in the interval.
    public func contains(_ b: Double) -> Bool {
        if isFullCircle { return true }
        var d = (b - from).truncatingRemainder(dividingBy: 360)
        if d < 0 { d += 360 }
        return d <= sweep + 1e-12
    }

    /// Clockwise angle from `a` to `b`, in [0, 360).
    public static func clockwise(from a: Double, to b: Double) -> Double {
        let d = (b - a).truncatingRemainder(dividingBy: 360)
        return d < 0 ? d + 360 : d
    }

    /// Unions of intervals, merged where they overlap or touch.
    public static func union(_ intervals: [BearingInterval]) -> [BearingInterval] {
        if intervals.contains(where: \.isFullCircle) { return [BearingInterval(from: 0, sweep: 360)] }
        let sorted = intervals.filter { $0.sweep > 0 }.sorted { $0.from < $1.from }
        var out: [BearingInterval] = []
        for i in sorted {
            if let last = out.last, clockwise(from: last.from, to: i.from) <= last.sweep + 1e-9 {
                let end = max(last.sweep, clockwise(from: last.from, to: i.from) + i.sweep)
                out[out.count - 1] = BearingInterval(from: last.from, sweep: min(end, 360))
            } else {
                out.append(i)
            }
        }
        // The last may wrap into the first.
        if out.count > 1, let last = out.last, let first = out.first,
            clockwise(from: last.from, to: first.from) <= last.sweep + 1e-9
        {
            let end = max(last.sweep, clockwise(from: last.from, to: first.from) + first.sweep)
            out.removeFirst()
            out[out.count - 1] = BearingInterval(from: last.from, sweep: min(end, 360))
        }
        return out
    }

    /// The complement of a union of intervals.
    public static func complement(_ intervals: [BearingInterval]) -> [BearingInterval] {
        let merged = union(intervals)
        if merged.isEmpty { return [BearingInterval(from: 0, sweep: 360)] }
        if merged.count == 1, merged[0].isFullCircle { return [] }
        return merged.indices.compactMap { i in
            let here = merged[i]
            let next = merged[(i + 1) % merged.count]
            let gap = clockwise(from: here.to, to: next.from)
            return gap > 1e-9 ? BearingInterval(from: here.to, sweep: gap) : nil
        }
    }

    /// The interval widened by `degrees` on each side.
    /// The interval with both ends moved inwards to the nearest 0.1°, so
    /// every bearing printed or applied from it lies inside; `nil` when
    /// nothing is left. A full circle stays whole.
    /// The interval with `margin` degrees taken off each end (a full circle
    /// stays whole); `nil` when less than nothing would be left.
    public func inset(by margin: Double) -> BearingInterval? {
        if isFullCircle || margin <= 0 { return self }
        return sweep > 2 * margin ? BearingInterval(from: from + margin, sweep: sweep - 2 * margin) : nil
    }

    public func roundedInwardsToTenths() -> BearingInterval? {
        if isFullCircle { return self }
        let start = (from * 10).rounded(.up) / 10
        let end = ((from + sweep) * 10).rounded(.down) / 10
        return end > start ? BearingInterval(from: start, sweep: end - start) : nil
    }

    /// The smaller angle between two bearings, degrees in [0, 180].
    public static func separation(_ a: Double, _ b: Double) -> Double {
        let d = clockwise(from: a, to: b)
        return Swift.min(d, 360 - d)
    }

    public func widened(by degrees: Double) -> BearingInterval {
        BearingInterval(from: from - degrees, sweep: sweep + 2 * degrees)
    }

    public var description: String { "\(from)…\(to)" }
}

extension PolygonRings {
    /// The bearings (from `eye`) the polygons cover: the union of their
    /// edges' arcs. An edge seen from a point off it spans less than 180°,
    /// the short way round. A polygon containing the eye covers all bearings.
    public static func bearings(of polygons: [PolygonRings], from eye: Point2) -> [BearingInterval] {
        var arcs: [BearingInterval] = []
        for polygon in polygons {
            if polygon.covers(eye, tolerance: 1e-9) { return [BearingInterval(from: 0, sweep: 360)] }
            for e in polygon.edges {
                let a = e.a - eye
                let b = e.b - eye
                guard a.length > 0, b.length > 0 else { continue }
                arcs.append(span(from: a, to: b))
            }
        }
        return BearingInterval.union(arcs)
    }

    /// The bearings a segment from `a` to `b` (relative to the eye) spans:
    /// the short way round, as a segment not through the eye does.
    static func span(from a: Point2, to b: Point2) -> BearingInterval {
        let ba = Bearing.of(a)
        let bb = Bearing.of(b)
        let cw = BearingInterval.clockwise(from: ba, to: bb)
        return cw <= 180 ? BearingInterval(from: ba, sweep: cw) : BearingInterval(from: bb, sweep: 360 - cw)
    }

    /// The area of the polygon inside the wedge of bearings from `eye`
    /// (less than 180° wide: the intersection of two half-planes, so the
    /// clip is exact).
    public func area(inside wedge: BearingInterval, from eye: Point2) -> Double {
        area(inside: Self.halfPlanes(of: wedge, from: eye))
    }

    /// The area of the polygon inside the wedge (less than 180° wide) and
    /// between the circles of radii `near` and `far` about `eye`, exactly:
    /// the rings cut by the wedge's two half-planes, then measured against
    /// the circles with arcs (``area(inRingFrom:to:about:)``), no overlay.
    public func area(inside wedge: BearingInterval, inRingFrom near: Double, to far: Double, about eye: Point2) -> Double {
        let planes = Self.halfPlanes(of: wedge, from: eye)
        let cut = PolygonRings(shell: HalfPlane.clip(shell, to: planes), holes: holes.map { HalfPlane.clip($0, to: planes) })
        return cut.area(inRingFrom: near, to: far, about: eye)
    }

    /// A convex wedge as two half-planes: clockwise of the `from` ray (right
    /// of it) and counter-clockwise of the `to` ray (left of it).
    private static func halfPlanes(of wedge: BearingInterval, from eye: Point2) -> [HalfPlane] {
        precondition(wedge.sweep < 180, "convex wedges only")
        let u1 = Point2.unit(bearingDegrees: wedge.from)
        let u2 = Point2.unit(bearingDegrees: wedge.to)
        return [HalfPlane(leftOf: u1 * -1, through: eye), HalfPlane(leftOf: u2, through: eye)]
    }
}
