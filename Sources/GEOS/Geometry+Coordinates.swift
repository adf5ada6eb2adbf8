internal import CGEOS

/// Reading coordinates back out of GEOS into Swift values, and WKT.
extension Geometry {
    /// The parts of a multi-geometry or collection; `[self]` for a simple one
    /// (`GEOSGetNumGeometries_r`, `GEOSGetGeometryN_r`, cloned).
    public func parts() throws -> [Geometry] {
        switch try kind {
        case .multiPoint, .multiLineString, .multiPolygon, .collection:
            let n = try context.checkCount("GEOSGetNumGeometries") { GEOSGetNumGeometries_r(context.handle, handle) }
            return try (0..<n).map { i in
                let part = try context.check("GEOSGetGeometryN") { GEOSGetGeometryN_r(context.handle, handle, i) }
                return Geometry(context, owning: try context.check("GEOSGeom_clone") { GEOSGeom_clone_r(context.handle, part) })
            }
        default:
            return [self]
        }
    }

    private func points(ofSequence seq: OpaquePointer) throws -> [Point2] {
        var size: UInt32 = 0
        try context.checkStatus("GEOSCoordSeq_getSize") { GEOSCoordSeq_getSize_r(context.handle, seq, &size) }
        var xy = [Double](repeating: 0, count: Int(size) * 2)
        if size > 0 {
            try context.checkStatus("GEOSCoordSeq_copyToBuffer") {
                xy.withUnsafeMutableBufferPointer { GEOSCoordSeq_copyToBuffer_r(context.handle, seq, $0.baseAddress, 0, 0) }
            }
        }
        return (0..<Int(size)).map { Point2(xy[2 * $0], xy[2 * $0 + 1]) }
    }

    private func points(ofSimple g: OpaquePointer) throws -> [Point2] {
        let seq = try context.check("GEOSGeom_getCoordSeq") { GEOSGeom_getCoordSeq_r(context.handle, g) }
        return try points(ofSequence: seq)
    }

    /// The vertices of a point, line string or ring, in order.
    public func vertices() throws -> [Point2] {
        try points(ofSimple: handle)
    }

    /// Every polygon in a polygonal geometry (polygon, multipolygon, or the
    /// polygons of a collection), with the closing point dropped from rings.
    public func polygons() throws -> [PolygonRings] {
        switch try kind {
        case .polygon:
            if try isEmpty { return [] }
            let shellHandle = try context.check("GEOSGetExteriorRing") { GEOSGetExteriorRing_r(context.handle, handle) }
            let shell = try points(ofSimple: shellHandle).dropLast()
            let holeCount = try context.checkCount("GEOSGetNumInteriorRings") { GEOSGetNumInteriorRings_r(context.handle, handle) }
            let holes = try (0..<holeCount).map { i in
                let ring = try context.check("GEOSGetInteriorRingN") { GEOSGetInteriorRingN_r(context.handle, handle, i) }
                return Array(try points(ofSimple: ring).dropLast())
            }
            return [PolygonRings(shell: Array(shell), holes: holes)]
        case .multiPolygon, .collection:
            return try parts().flatMap { try $0.polygons() }
        default:
            return []
        }
    }

    /// Every line string in a lineal geometry, as vertex lists.
    public func lines() throws -> [[Point2]] {
        switch try kind {
        case .lineString, .linearRing: return [try vertices()]
        case .multiLineString, .collection: return try parts().flatMap { try $0.lines() }
        default: return []
        }
    }

    /// Well-known text, for debugging and test messages (`GEOSWKTWriter_write_r`).
    public var wkt: String {
        get throws {
            let writer = try context.check("GEOSWKTWriter_create") { GEOSWKTWriter_create_r(context.handle) }
            defer { GEOSWKTWriter_destroy_r(context.handle, writer) }
            GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, 6)
            let text = try context.check("GEOSWKTWriter_write") { GEOSWKTWriter_write_r(context.handle, writer, handle) }
            defer { GEOSFree_r(context.handle, text) }
            return String(cString: text)
        }
    }
}
