/// The features on one level, in file order.
public struct LevelContents: Sendable {
    public var zones: [Zone] = []
    public var walls: [Wall] = []
    public var openings: [Opening] = []
    public var cameras: [Camera] = []
    public var signs: [Sign] = []
    public init() {}
}

extension Plan {
    /// Every level's features, grouped in one pass.
    ///
    /// Each per-level pass (scenes, drawings, sign checks) used to filter the
    /// whole plan for its level: levels × features, 115 s for 100,000 levels.
    /// Callers group once and look levels up.
    ///
    /// Complexity: O(features + levels).
    public func contentsByLevel() -> [String: LevelContents] {
        var out: [String: LevelContents] = Dictionary(minimumCapacity: levels.count)
        for level in levels { out[level.id] = LevelContents() }
        for z in zones { out[z.info.level, default: LevelContents()].zones.append(z) }
        for w in walls { out[w.info.level, default: LevelContents()].walls.append(w) }
        for o in openings { out[o.info.level, default: LevelContents()].openings.append(o) }
        for c in cameras { out[c.info.level, default: LevelContents()].cameras.append(c) }
        for s in signs { out[s.info.level, default: LevelContents()].signs.append(s) }
        return out
    }
}
