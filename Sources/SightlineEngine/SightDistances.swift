import PlanarGeometry

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Horizontal distances, [near, far], at which a condition on a sight
/// line's elevation holds; empty when far ≤ near.
///
/// Every band the engine uses — the view's distance band, the strict band
/// of coverage, a mask's band — is an intersection of the two primitives
/// below, because the elevation atan2(z − H, d) of a point at height z seen
/// from a lens at H changes monotonically with d.
struct SightDistances: Equatable {
    var near: Double
    var far: Double

    static let all = SightDistances(near: 0, far: .infinity)
    static let none = SightDistances(near: 0, far: 0)

    var isEmpty: Bool { far <= near }

    func intersection(_ o: SightDistances) -> SightDistances {
        let r = SightDistances(near: max(near, o.near), far: min(far, o.far))
        return r.isEmpty ? .none : r
    }

    /// Where a point `z` metres above the floor is seen at `e`° or higher,
    /// from a lens `lens` metres above the floor.
    static func elevation(ofHeight z: Double, lens h: Double, atLeast e: Double) -> SightDistances {
        if z < h { // below the lens: −90° near, rising to 0° far away
            if e <= -90 { return .all }
            if e >= 0 { return .none }
            return SightDistances(near: (h - z) / tan(Bearing.radians(-e)), far: .infinity)
        }
        if z > h { // above the lens: 90° near, falling to 0° far away
            if e <= 0 { return .all }
            if e >= 90 { return .none }
            return SightDistances(near: 0, far: (z - h) / tan(Bearing.radians(e)))
        }
        return e <= 0 ? .all : .none
    }

    /// Where a point `z` metres above the floor is seen at `e`° or lower.
    static func elevation(ofHeight z: Double, lens h: Double, atMost e: Double) -> SightDistances {
        if z < h {
            if e >= 0 { return .all }
            if e <= -90 { return .none }
            return SightDistances(near: 0, far: (h - z) / tan(Bearing.radians(-e)))
        }
        if z > h {
            if e >= 90 { return .all }
            if e <= 0 { return .none }
            return SightDistances(near: (z - h) / tan(Bearing.radians(e)), far: .infinity)
        }
        return e >= 0 ? .all : .none
    }
}
