/// Counts how often line work crosses itself, stopping at a limit: the
/// decoder's guard against a wall drawn as a scribble (or a hatch on a wall
/// layer), whose thousands of crossings each become a node the level's
/// obstacles must carry — a 1,000-point scribble took tens of seconds and
/// gigabytes to check before it was refused.
public enum SegmentCrossings {
    /// The number of proper crossings (interiors meeting at one point)
    /// between the segments of `lines`, or `limit` once that many are found.
    ///
    /// - Complexity: sort and sweep on x: O(n log n + p) for n segments and
    ///   p pairs whose x-extents overlap, at most O(n²); it stops at `limit`
    ///   crossings, so a scribble costs little. A decoder bounds n.
    public static func count(in lines: [[Point2]], limit: Int) -> Int {
        var segments: [Segment] = []
        for line in lines where line.count >= 2 {
            for (a, b) in zip(line, line.dropFirst()) where a != b { segments.append(Segment(a, b)) }
        }
        guard segments.count > 2, limit > 0 else { return 0 }
        let minX = segments.map { Swift.min($0.a.x, $0.b.x) }
        let order = segments.indices.sorted { minX[$0] < minX[$1] }
        var active: [Int] = []
        var crossings = 0
        for i in order {
            let s = segments[i]
            let left = minX[i]
            // Drop the segments that end before this one begins.
            active.removeAll { Swift.max(segments[$0].a.x, segments[$0].b.x) < left }
            for j in active where s.properlyCrosses(segments[j]) {
                crossings += 1
                if crossings >= limit { return limit }
            }
            active.append(i)
        }
        return crossings
    }
}
