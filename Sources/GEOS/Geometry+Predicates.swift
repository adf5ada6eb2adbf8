internal import CGEOS

/// Predicates and validity.
extension Geometry {
    /// Whether the geometry has no points (`GEOSisEmpty_r`).
    public var isEmpty: Bool {
        get throws { try context.checkBool("GEOSisEmpty") { GEOSisEmpty_r(context.handle, handle) } }
    }

    /// `nil` when the geometry is valid, else GEOS's reason, e.g.
    /// `Self-intersection[3 4]` (`GEOSisValidReason_r`).
    public var validityReason: String? {
        get throws {
            if try context.checkBool("GEOSisValid", { GEOSisValid_r(context.handle, handle) }) { return nil }
            let text = try context.check("GEOSisValidReason") { GEOSisValidReason_r(context.handle, handle) }
            defer { GEOSFree_r(context.handle, text) }
            return String(cString: text)
        }
    }

    /// Whether the geometries share at least one point (`GEOSIntersects_r`;
    /// on a TopologyException from an invalid input, again on inputs made valid).
    public func intersects(_ other: Geometry) throws -> Bool {
        if let answer = try? context.checkBool("GEOSIntersects", { GEOSIntersects_r(context.handle, handle, other.handle) }) {
            return answer
        }
        let a = try madeValid()
        let b = try other.madeValid()
        return try context.checkBool("GEOSIntersects on repaired inputs") { GEOSIntersects_r(context.handle, a.handle, b.handle) }
    }

    /// Whether `other` lies in `self` with no point outside (`GEOSCovers_r`).
    public func covers(_ other: Geometry) throws -> Bool {
        try context.checkBool("GEOSCovers") { GEOSCovers_r(context.handle, handle, other.handle) }
    }

    /// A prepared copy for repeated predicates against many geometries
    /// (`GEOSPrepare_r`).
    public func prepared() throws -> PreparedGeometry {
        let prepared = try context.check("GEOSPrepare") { GEOSPrepare_r(context.handle, handle) }
        return PreparedGeometry(base: self, handle: prepared)
    }
}

/// A geometry with indexes built for fast repeated predicates
/// (`GEOSPreparedGeometry`); keeps its base geometry alive.
public final class PreparedGeometry {
    public let base: Geometry
    let handle: OpaquePointer

    init(base: Geometry, handle: OpaquePointer) {
        self.base = base
        self.handle = handle
    }

    deinit { GEOSPreparedGeom_destroy_r(base.context.handle, handle) }

    /// `GEOSPreparedIntersects_r` (on failure, the plain predicate on
    /// inputs made valid).
    public func intersects(_ other: Geometry) throws -> Bool {
        let ctx = base.context
        if let answer = try? ctx.checkBool("GEOSPreparedIntersects", { GEOSPreparedIntersects_r(ctx.handle, handle, other.handle) }) {
            return answer
        }
        return try base.intersects(other)
    }

    /// Whether `other` lies in the interior of the base (`GEOSPreparedContainsProperly_r`).
    public func containsProperly(_ other: Geometry) throws -> Bool {
        let ctx = base.context
        return try ctx.checkBool("GEOSPreparedContainsProperly") {
            GEOSPreparedContainsProperly_r(ctx.handle, handle, other.handle)
        }
    }

    /// `GEOSPreparedContainsXY_r`-like test: whether the point lies in the interior.
    public func containsProperly(_ p: Point2) throws -> Bool {
        try containsProperly(try base.context.point(p))
    }

    /// Whether the point lies in the base or on its boundary (`GEOSPreparedCovers_r`).
    public func covers(_ p: Point2) throws -> Bool {
        let ctx = base.context
        let point = try ctx.point(p)
        return try ctx.checkBool("GEOSPreparedCovers") { GEOSPreparedCovers_r(ctx.handle, handle, point.handle) }
    }
}
