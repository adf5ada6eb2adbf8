internal import CGEOS
@_exported import PlanarGeometry

/// The kinds of geometry Sightline builds or reads back.
public enum GeometryKind: Sendable {
    case point, lineString, linearRing, polygon, multiPoint, multiLineString, multiPolygon, collection
}

/// An owned GEOS geometry handle, freed when the last reference goes.
///
/// Operations are grouped by kind in extensions (`Geometry+Predicates`,
/// `Geometry+Overlay`, `Geometry+Measures`, `Geometry+Coordinates`), as
/// shapely groups them.
public final class Geometry {
    public let context: GEOSContext
    let handle: OpaquePointer

    init(_ context: GEOSContext, owning handle: OpaquePointer) {
        self.context = context
        self.handle = handle
    }

    deinit { GEOSGeom_destroy_r(context.handle, handle) }

    /// The geometry's kind (`GEOSGeomTypeId_r`; its −1 on an exception
    /// throws rather than reading as a collection).
    public var kind: GeometryKind {
        get throws {
            switch Int(try context.checkCount("GEOSGeomTypeId") { GEOSGeomTypeId_r(context.handle, handle) }) {
            case Int(GEOS_POINT.rawValue): return .point
            case Int(GEOS_LINESTRING.rawValue): return .lineString
            case Int(GEOS_LINEARRING.rawValue): return .linearRing
            case Int(GEOS_POLYGON.rawValue): return .polygon
            case Int(GEOS_MULTIPOINT.rawValue): return .multiPoint
            case Int(GEOS_MULTILINESTRING.rawValue): return .multiLineString
            case Int(GEOS_MULTIPOLYGON.rawValue): return .multiPolygon
            default: return .collection
            }
        }
    }

    /// Gives up ownership of the handle to a GEOS call that takes it.
    func releasedClone() throws -> OpaquePointer {
        try context.check("GEOSGeom_clone") { GEOSGeom_clone_r(context.handle, handle) }
    }
}

// MARK: - Construction

extension GEOSContext {
    private func sequence(_ points: [Point2], closing: Bool) throws -> OpaquePointer {
        var buffer = [Double]()
        buffer.reserveCapacity(points.count * 2 + 2)
        for p in points {
            buffer.append(p.x)
            buffer.append(p.y)
        }
        if closing, let first = points.first, first != points.last {
            buffer.append(first.x)
            buffer.append(first.y)
        }
        let count = UInt32(buffer.count / 2)
        return try check("GEOSCoordSeq_copyFromBuffer") {
            buffer.withUnsafeBufferPointer { GEOSCoordSeq_copyFromBuffer_r(handle, $0.baseAddress, count, 0, 0) }
        }
    }

    /// A point (`GEOSGeom_createPointFromXY_r`).
    public func point(_ p: Point2) throws -> Geometry {
        Geometry(self, owning: try check("GEOSGeom_createPointFromXY") { GEOSGeom_createPointFromXY_r(handle, p.x, p.y) })
    }

    /// A line string through `points` (`GEOSGeom_createLineString_r`).
    public func lineString(_ points: [Point2]) throws -> Geometry {
        let seq = try sequence(points, closing: false)
        return Geometry(self, owning: try check("GEOSGeom_createLineString") { GEOSGeom_createLineString_r(handle, seq) })
    }

    /// A polygon from rings; rings are closed if they are not already
    /// (`GEOSGeom_createPolygon_r`). The result may be invalid: callers that
    /// take user input check ``Geometry/validityReason``.
    public func polygon(_ rings: PolygonRings) throws -> Geometry {
        let shell = try linearRing(rings.shell)
        var holes: [OpaquePointer?] = []
        do {
            for hole in rings.holes { holes.append(try linearRing(hole)) }
        } catch {
            // Not handed to GEOS yet: ours to free.
            GEOSGeom_destroy_r(handle, shell)
            for hole in holes { GEOSGeom_destroy_r(handle, hole) }
            throw error
        }
        // GEOSGeom_createPolygon_r takes the rings, on failure too.
        return Geometry(
            self,
            owning: try check("GEOSGeom_createPolygon") {
                holes.withUnsafeMutableBufferPointer { buf in
                    GEOSGeom_createPolygon_r(handle, shell, buf.baseAddress, UInt32(buf.count))
                }
            })
    }

    private func linearRing(_ points: [Point2]) throws -> OpaquePointer {
        let seq = try sequence(points, closing: true)
        return try check("GEOSGeom_createLinearRing") { GEOSGeom_createLinearRing_r(handle, seq) }
    }

    /// A collection of the given kind built from copies of `parts`
    /// (`GEOSGeom_createCollection_r`).
    public func collection(_ kind: GeometryKind, _ parts: [Geometry]) throws -> Geometry {
        let type: Int32
        switch try kind {
        case .multiPoint: type = Int32(GEOS_MULTIPOINT.rawValue)
        case .multiLineString: type = Int32(GEOS_MULTILINESTRING.rawValue)
        case .multiPolygon: type = Int32(GEOS_MULTIPOLYGON.rawValue)
        default: type = Int32(GEOS_GEOMETRYCOLLECTION.rawValue)
        }
        var handles: [OpaquePointer?] = []
        do {
            for part in parts { handles.append(try part.releasedClone()) }
        } catch {
            for clone in handles { GEOSGeom_destroy_r(handle, clone) }
            throw error
        }
        // GEOSGeom_createCollection_r takes the parts, on failure too.
        return Geometry(
            self,
            owning: try check("GEOSGeom_createCollection") {
                handles.withUnsafeMutableBufferPointer { GEOSGeom_createCollection_r(handle, type, $0.baseAddress, UInt32($0.count)) }
            })
    }

    /// A multipolygon from plain rings.
    public func multiPolygon(_ polygons: [PolygonRings]) throws -> Geometry {
        try collection(.multiPolygon, polygons.map { try polygon($0) })
    }

    /// An axis-aligned rectangle (`GEOSGeom_createRectangle_r`).
    public func rectangle(minX: Double, minY: Double, maxX: Double, maxY: Double) throws -> Geometry {
        Geometry(
            self,
            owning: try check("GEOSGeom_createRectangle") {
                GEOSGeom_createRectangle_r(handle, minX, minY, maxX, maxY)
            })
    }

    /// An empty polygon.
    public func emptyPolygon() throws -> Geometry {
        Geometry(self, owning: try check("GEOSGeom_createEmptyPolygon") { GEOSGeom_createEmptyPolygon_r(handle) })
    }

    /// Parses well-known text (`GEOSWKTReader_read_r`); for tests and debugging.
    public func geometry(wkt: String) throws -> Geometry {
        let reader = try check("GEOSWKTReader_create") { GEOSWKTReader_create_r(handle) }
        defer { GEOSWKTReader_destroy_r(handle, reader) }
        return Geometry(
            self,
            owning: try check("GEOSWKTReader_read(\(wkt.prefix(40)))") {
                GEOSWKTReader_read_r(handle, reader, wkt)
            })
    }
}
