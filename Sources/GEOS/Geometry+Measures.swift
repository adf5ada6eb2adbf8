internal import CGEOS

/// Measures: area, length, distance, envelope.
extension Geometry {
    /// Area in squared coordinate units (`GEOSArea_r`).
    public var area: Double {
        get throws {
            var value = 0.0
            try context.checkStatus("GEOSArea") { GEOSArea_r(context.handle, handle, &value) }
            return value
        }
    }

    /// Length in coordinate units (`GEOSLength_r`).
    public var length: Double {
        get throws {
            var value = 0.0
            try context.checkStatus("GEOSLength") { GEOSLength_r(context.handle, handle, &value) }
            return value
        }
    }

    /// Smallest distance between the two geometries (`GEOSDistance_r`).
    public func distance(_ other: Geometry) throws -> Double {
        var value = 0.0
        try context.checkStatus("GEOSDistance") { GEOSDistance_r(context.handle, handle, other.handle, &value) }
        return value
    }

    /// The bounding box (`GEOSGeom_getExtent_r`), `nil` for an empty geometry.
    public var bounds: Box? {
        get throws {
            if try isEmpty { return nil }
            var box = Box(minX: 0, minY: 0, maxX: 0, maxY: 0)
            try context.checkStatus("GEOSGeom_getExtent") {
                GEOSGeom_getExtent_r(context.handle, handle, &box.minX, &box.minY, &box.maxX, &box.maxY)
            }
            return box
        }
    }
}
