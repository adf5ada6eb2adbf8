import GEOS
import PlanarGeometry

/// A region of a camera's view held both ways the engine uses it: Swift
/// rings (the sweep's output, the Swift-side pre-tests, the reports) and a
/// GEOS geometry in the level's context, made on first use and then kept.
///
/// A view used to cross from Swift to GEOS four or five times per camera
/// (low-wall shadows, masks, each overlap stage, restricted areas, the site
/// boundary); with one region passed from stage to stage it crosses at most
/// once, and a GEOS result (the view less its low-wall shadows) is read back
/// into rings once and never rebuilt from them.
///
/// Not thread-safe: like its level's scene, it is used from one thread.
public final class ViewRegion {
    /// The region's polygons in local metres.
    public let polygons: [PolygonRings]
    let context: GEOSContext
    private var cachedGeometry: Geometry?

    /// A region from rings; its geometry is built when first asked for.
    init(_ polygons: [PolygonRings], context: GEOSContext) {
        self.polygons = polygons
        self.context = context
    }

    /// A region from an overlay's result: its rings are read now, the
    /// geometry itself is kept.
    init(_ geometry: Geometry) throws {
        polygons = try geometry.polygons()
        context = geometry.context
        cachedGeometry = geometry
    }

    public var isEmpty: Bool { polygons.isEmpty }

    /// The area by the shoelace formula over the rings (m²).
    public var area: Double { polygons.reduce(0) { $0 + $1.area } }

    /// The region as GEOS geometry, built once.
    public func geometry() throws -> Geometry {
        if let cachedGeometry { return cachedGeometry }
        let g = try context.multiPolygon(polygons)
        cachedGeometry = g
        return g
    }

    /// `self − other`, as a region that keeps the overlay's geometry.
    public func difference(_ other: Geometry) throws -> ViewRegion {
        try ViewRegion(geometry().difference(other))
    }

    /// `self ∩ other`, as a region that keeps the overlay's geometry.
    public func intersection(_ other: Geometry) throws -> ViewRegion {
        try ViewRegion(geometry().intersection(other))
    }
}

extension ViewRegion {
    /// `self` less the shadows cast from `eye` (radial bands: low walls'
    /// shadows, or the floor's behind them): by ``RadialDifference`` in
    /// Swift, or, where that declines a degenerate input, by GEOS (the union
    /// of the shadows, then the difference).
    func subtractingShadows(_ shadows: [[PolygonRings]], seenFrom eye: Point2) throws -> ViewRegion {
        guard !shadows.isEmpty, !isEmpty else { return self }
        if let exact = RadialDifference(eye: eye).subtract(shadows, from: polygons) { return ViewRegion(exact, context: context) }
        let union = try context.collection(.collection, shadows.flatMap { try $0.map { try context.polygon($0) } }).unaryUnion()
        return try difference(union)
    }

    /// `self ∩ other` (both of one level's context).
    public func intersection(_ other: ViewRegion) throws -> ViewRegion {
        try intersection(other.geometry())
    }

    /// The area of `self ∩ other`, m², without reading the polygons back.
    public func intersectionArea(_ other: ViewRegion) throws -> Double {
        guard !isEmpty, !other.isEmpty else { return 0 }
        return try geometry().intersection(other.geometry()).area
    }
}
