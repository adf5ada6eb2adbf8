internal import CGEOS

/// Set operations and constructive functions.
extension Geometry {
    private func make(_ name: String, _ body: (OpaquePointer) -> OpaquePointer?) throws -> Geometry {
        Geometry(context, owning: try context.check(name) { body(context.handle) })
    }

    /// `self ∩ other` (`GEOSIntersection_r`).
    public func intersection(_ other: Geometry) throws -> Geometry {
        try make("GEOSIntersection") { GEOSIntersection_r($0, handle, other.handle) }
    }

    /// `self ∩ box`, by GEOS's linear-time rectangle clipping
    /// (`GEOSClipByRect_r`). The area is that of the intersection, but the
    /// result may be invalid (collapsed edges along the box): check it before
    /// handing it on as evidence.
    public func clipped(to box: Box) throws -> Geometry {
        try make("GEOSClipByRect") { GEOSClipByRect_r($0, handle, box.minX, box.minY, box.maxX, box.maxY) }
    }

    /// `self − other` (`GEOSDifference_r`).
    public func difference(_ other: Geometry) throws -> Geometry {
        try make("GEOSDifference") { GEOSDifference_r($0, handle, other.handle) }
    }

    /// `self ∪ other` (`GEOSUnion_r`).
    public func union(_ other: Geometry) throws -> Geometry {
        try make("GEOSUnion") { GEOSUnion_r($0, handle, other.handle) }
    }

    /// The union of all parts of a collection (`GEOSUnaryUnion_r`).
    public func unaryUnion() throws -> Geometry {
        try make("GEOSUnaryUnion") { GEOSUnaryUnion_r($0, handle) }
    }

    /// Splits line work at every intersection so no two segments cross
    /// except at shared end points (`GEOSNode_r`).
    public func noded() throws -> Geometry {
        try make("GEOSNode") { GEOSNode_r($0, handle) }
    }

    /// A valid version of an invalid geometry (`GEOSMakeValid_r`).
    public func madeValid() throws -> Geometry {
        try make("GEOSMakeValid") { GEOSMakeValid_r($0, handle) }
    }

    /// The boundary (`GEOSBoundary_r`): a polygon's rings as line strings.
    public func boundary() throws -> Geometry {
        try make("GEOSBoundary") { GEOSBoundary_r($0, handle) }
    }

    /// How a buffer ends and joins its segments.
    public enum BufferCap: Sendable { case round, flat, square }
    public enum BufferJoin: Sendable { case round, mitre, bevel }

    /// A buffer with explicit styles (`GEOSBufferWithStyle_r`).
    public func buffer(_ distance: Double, cap: BufferCap = .round, join: BufferJoin = .round,
                       quadrantSegments: Int32 = 8, mitreLimit: Double = 5) throws -> Geometry {
        let capStyle: Int32 = switch cap {
        case .round: Int32(GEOSBUF_CAP_ROUND.rawValue)
        case .flat: Int32(GEOSBUF_CAP_FLAT.rawValue)
        case .square: Int32(GEOSBUF_CAP_SQUARE.rawValue)
        }
        let joinStyle: Int32 = switch join {
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
