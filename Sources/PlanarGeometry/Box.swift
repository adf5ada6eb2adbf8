/// An axis-aligned bounding box.
public struct Box: Sendable, Equatable {
    public var minX, minY, maxX, maxY: Double
    @inlinable public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The box of a set of points; `nil` when there are none.
    @inlinable public init?<S: Sequence>(covering points: S) where S.Element == Point2 {
        var it = points.makeIterator()
        guard let first = it.next() else { return nil }
        self.init(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        while let p = it.next() { include(p) }
    }

    /// The box of polygons' outer rings; `nil` when there are no points.
    public init?(covering polygons: [PolygonRings]) {
        var box: Box?
        for polygon in polygons {
            for p in polygon.shell {
                if box == nil { box = Box(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y) } else { box!.include(p) }
            }
        }
        guard let box else { return nil }
        self = box
    }

    /// A square of half-side `radius` around `p`.
    @inlinable public init(around p: Point2, radius: Double) {
        self.init(minX: p.x - radius, minY: p.y - radius, maxX: p.x + radius, maxY: p.y + radius)
    }

    @inlinable public mutating func include(_ p: Point2) {
        minX = Swift.min(minX, p.x)
        maxX = Swift.max(maxX, p.x)
        minY = Swift.min(minY, p.y)
        maxY = Swift.max(maxY, p.y)
    }

    @inlinable public mutating func include(_ b: Box) {
        minX = Swift.min(minX, b.minX)
        maxX = Swift.max(maxX, b.maxX)
        minY = Swift.min(minY, b.minY)
        maxY = Swift.max(maxY, b.maxY)
    }

    @inlinable public func intersects(_ o: Box) -> Bool {
        minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY
    }

    public var center: Point2 { Point2((minX + maxX) / 2, (minY + maxY) / 2) }
}
