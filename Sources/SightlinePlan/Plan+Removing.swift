extension Plan {
    /// The plan without the features whose ids are in `ids` (its document
    /// untouched): what can be analysed of a plan some of whose features
    /// have problems, while the user repairs them.
    ///
    /// - Complexity: O(features).
    public func removing(_ ids: Set<String>) -> Plan {
        guard !ids.isEmpty else { return self }
        var out = self
        out.zones.removeAll { ids.contains($0.id) }
        out.walls.removeAll { ids.contains($0.id) }
        out.openings.removeAll { ids.contains($0.id) }
        out.cameras.removeAll { ids.contains($0.id) }
        out.signs.removeAll { ids.contains($0.id) }
        out.restrictedAreas.removeAll { ids.contains($0.id) }
        out.boundaries.removeAll { ids.contains($0.id) }
        return out
    }
}
