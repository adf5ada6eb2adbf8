internal import CGEOS

/// Set operations and constructive functions.
extension Geometry {
    private func make(_ name: String, _ body: (OpaquePointer) -> OpaquePointer?) throws -> Geometry {
        Geometry(context, owning: try context.check(name) { body(context.handle) })
    }

    /// The grid (metres) the fixed-precision fallback snaps to: far below
    /// any length that matters (0.1 µm), far above double rounding at the
    /// plan format's ±1,000 km extent (~1e-10 m).
    public static let fallbackGridSize = 1e-7

    /// An overlay that survives GEOS's robustness failures. The floating
    /// overlay runs first (exact, fastest); when it throws (a
    /// TopologyException from nearly coincident edges the engine's own
    /// sweeps, buffers and masks produce), OverlayNG's snap-rounding at
    /// ``fallbackGridSize`` runs instead (`GEOS…Prec_r`), which is robust by
    /// construction; when even that fails, on inputs first made valid.
    private func robust(
        _ name: String, _ other: Geometry?, float: (OpaquePointer, OpaquePointer, OpaquePointer?) -> OpaquePointer?,
        snapped: (OpaquePointer, OpaquePointer, OpaquePointer?, Double) -> OpaquePointer?
    ) throws -> Geometry {
        if let g = try? make(name, { float($0, handle, other?.handle) }) { return g }
        if let g = try? make("\(name)Prec", { snapped($0, handle, other?.handle, Self.fallbackGridSize) }) { return g }
        let a = try madeValidDroppingCollapsed()
        let b = try other?.madeValidDroppingCollapsed()
        return try a.make("\(name)Prec on repaired inputs") { snapped($0, a.handle, b?.handle, Self.fallbackGridSize) }
    }

    /// `self ∩ other` (`GEOSIntersection_r`; `GEOSIntersectionPrec_r` if that fails).
    public func intersection(_ other: Geometry) throws -> Geometry {
        try robust(
            "GEOSIntersection", other, float: { GEOSIntersection_r($0, $1, $2) },
            snapped: { GEOSIntersectionPrec_r($0, $1, $2, $3) })
    }

    /// `self ∩ box`, by GEOS's linear-time rectangle clipping
    /// (`GEOSClipByRect_r`). The area is that of the intersection, but the
    /// result may be invalid (collapsed edges along the box): check it before
    /// handing it on as evidence.
    /// When the clip throws (it can on views with nearly coincident edges),
    /// the robust overlay with the rectangle runs instead.
    public func clipped(to box: Box) throws -> Geometry {
        if let g = try? make("GEOSClipByRect", { GEOSClipByRect_r($0, handle, box.minX, box.minY, box.maxX, box.maxY) }) { return g }
        return try intersection(try context.rectangle(minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: box.maxY))
    }

    /// `self − other` (`GEOSDifference_r`; `GEOSDifferencePrec_r` if that fails).
    public func difference(_ other: Geometry) throws -> Geometry {
        try robust(
            "GEOSDifference", other, float: { GEOSDifference_r($0, $1, $2) },
            snapped: { GEOSDifferencePrec_r($0, $1, $2, $3) })
    }

    /// `self ∪ other` (`GEOSUnion_r`; `GEOSUnionPrec_r` if that fails).
    public func union(_ other: Geometry) throws -> Geometry {
        try robust("GEOSUnion", other, float: { GEOSUnion_r($0, $1, $2) }, snapped: { GEOSUnionPrec_r($0, $1, $2, $3) })
    }

    /// The union of all parts of a collection (`GEOSUnaryUnion_r`;
    /// `GEOSUnaryUnionPrec_r` if that fails).
    public func unaryUnion() throws -> Geometry {
        try robust(
            "GEOSUnaryUnion", nil, float: { h, g, _ in GEOSUnaryUnion_r(h, g) },
            snapped: { h, g, _, grid in GEOSUnaryUnionPrec_r(h, g, grid) })
    }

    /// The faces the line work of this (noded) geometry encloses
    /// (`GEOSPolygonize_r`): rooms from walls.
    public func polygonized() throws -> Geometry {
        try make("GEOSPolygonize") { h in
            var parts: [OpaquePointer?] = [handle]
            return parts.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: OpaquePointer?.self, capacity: 1) { GEOSPolygonize_r(h, $0, 1) }
            }
        }
    }

    /// Splits line work at every intersection so no two segments cross
    /// except at shared end points (`GEOSNode_r`).
    public func noded() throws -> Geometry {
        try make("GEOSNode") { GEOSNode_r($0, handle) }
    }

    /// A valid version of an invalid geometry (`GEOSMakeValid_r`), of the
    /// input's dimension: the repair of a polygon with a spike or a
    /// zero-width neck is a collection of polygons *and* lines, which
    /// `GEOSBoundary` refuses ("Operation not supported by
    /// GeometryCollection") and an overlay refuses as mixed-dimension
    /// input; only its polygons are kept (the lines had no area to lose).
    /// Lines made valid keep their lines the same way.
    public func madeValid() throws -> Geometry {
        let valid = try make("GEOSMakeValid") { GEOSMakeValid_r($0, handle) }
        return try valid.reduced(toDimension: try dimension)
    }

    /// The topological dimension: 0 points, 1 lines, 2 polygons (the
    /// highest of a collection's parts).
    public var dimension: Int {
        get throws { Int(try context.checkCount("GEOSGeom_getDimensions") { GEOSGeom_getDimensions_r(context.handle, handle) }) }
    }

    /// The parts of dimension `d` alone: `self` when it has no other; a
    /// polygon or multipolygon for 2, a line string or multi line string
    /// for 1 (an empty polygon or line when nothing is left).
    public func reduced(toDimension d: Int) throws -> Geometry {
        let kind = try kind
        guard kind == .collection else { return self }
        let simple = try parts().flatMap { try $0.parts() }.filter { try $0.dimension == d && !$0.isEmpty }
        if simple.count == 1 { return simple[0] }
        switch d {
        case 2: return simple.isEmpty ? try context.emptyPolygon() : try context.collection(.multiPolygon, simple)
        case 1: return try context.collection(.multiLineString, simple)
        default: return try context.collection(.multiPoint, simple)
        }
    }

    /// A valid version that keeps the input's dimension: GEOS's "structure"
    /// method, with parts that collapse to a lower dimension dropped (a
    /// sliver polygon does not come back as a line, which an overlay would
    /// refuse as mixed-dimension input). `GEOSMakeValidWithParams_r`; a
    /// mixed collection given to it keeps only its highest dimension.
    public func madeValidDroppingCollapsed() throws -> Geometry {
        let h = context.handle
        guard let params = GEOSMakeValidParams_create_r(h) else { throw GeometryError("GEOSMakeValidParams_create failed") }
        defer { GEOSMakeValidParams_destroy_r(h, params) }
        try context.checkStatus("GEOSMakeValidParams_setMethod") { GEOSMakeValidParams_setMethod_r(h, params, GEOS_MAKE_VALID_STRUCTURE) }
        try context.checkStatus("GEOSMakeValidParams_setKeepCollapsed") { GEOSMakeValidParams_setKeepCollapsed_r(h, params, 0) }
        let valid = try make("GEOSMakeValidWithParams") { GEOSMakeValidWithParams_r($0, handle, params) }
        return try valid.reduced(toDimension: try dimension)
    }

    /// The boundary (`GEOSBoundary_r`): a polygon's rings as line strings.
    public func boundary() throws -> Geometry {
        if let g = try? make("GEOSBoundary", { GEOSBoundary_r($0, handle) }) { return g }
        let valid = try madeValid()
        return try valid.make("GEOSBoundary on a repaired input") { GEOSBoundary_r($0, valid.handle) }
    }

    /// How a buffer ends and joins its segments.
    public enum BufferCap: Sendable { case round, flat, square }
    public enum BufferJoin: Sendable { case round, mitre, bevel }

    /// A buffer with explicit styles (`GEOSBufferWithStyle_r`).
    public func buffer(
        _ distance: Double, cap: BufferCap = .round, join: BufferJoin = .round,
        quadrantSegments: Int32 = 8, mitreLimit: Double = 5
    ) throws -> Geometry {
        let capStyle: Int32 =
            switch cap {
            case .round: Int32(GEOSBUF_CAP_ROUND.rawValue)
            case .flat: Int32(GEOSBUF_CAP_FLAT.rawValue)
            case .square: Int32(GEOSBUF_CAP_SQUARE.rawValue)
            }
        let joinStyle: Int32 =
            switch join {
            case .round: Int32(GEOSBUF_JOIN_ROUND.rawValue)
            case .mitre: Int32(GEOSBUF_JOIN_MITRE.rawValue)
            case .bevel: Int32(GEOSBUF_JOIN_BEVEL.rawValue)
            }
        return try make("GEOSBufferWithStyle") {
            GEOSBufferWithStyle_r($0, handle, distance, quadrantSegments, capStyle, joinStyle, mitreLimit)
        }
    }

    /// The nearest points of `self` and `other`, in that order (`GEOSNearestPoints_r`).
    public func nearestPoints(_ other: Geometry) throws -> (Point2, Point2) {
        let seq = try context.check("GEOSNearestPoints") { GEOSNearestPoints_r(context.handle, handle, other.handle) }
        defer { GEOSCoordSeq_destroy_r(context.handle, seq) }
        var xy = [Double](repeating: 0, count: 4)
        try context.checkStatus("GEOSCoordSeq_copyToBuffer") {
            xy.withUnsafeMutableBufferPointer { GEOSCoordSeq_copyToBuffer_r(context.handle, seq, $0.baseAddress, 0, 0) }
        }
        return (Point2(xy[0], xy[1]), Point2(xy[2], xy[3]))
    }
}
