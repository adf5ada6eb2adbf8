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
        var slots: [String: Int] = Dictionary(minimumCapacity: levels.count)
        var contents: [LevelContents] = []
        // Features of one level usually follow each other: the level id is
        // hashed when it changes, not once a feature (a dictionary lookup a
        // feature was 3 % of a check of the hotel).
        var lastLevel: String?
        var lastSlot = 0
        func slot(_ level: String) -> Int {
            if level == lastLevel { return lastSlot }
            let found = slots[level]
            let index = found ?? contents.count
            if found == nil {
                slots[level] = index
                contents.append(LevelContents())
            }
            lastLevel = level
            lastSlot = index
            return index
        }
        for level in levels { _ = slot(level.id) }
        for z in zones { contents[slot(z.info.level)].zones.append(z) }
        for w in walls { contents[slot(w.info.level)].walls.append(w) }
        for o in openings { contents[slot(o.info.level)].openings.append(o) }
        for c in cameras { contents[slot(c.info.level)].cameras.append(c) }
        for s in signs { contents[slot(s.info.level)].signs.append(s) }
        var out: [String: LevelContents] = Dictionary(minimumCapacity: slots.count)
        for (level, index) in slots { out[level] = contents[index] }
        return out
    }
}
