import PlanarGeometry

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `view − ⋃ shadows` for polygons seen from one eye, exactly, in Swift: the
/// low-wall stage's difference without GEOS.
///
/// A camera's low-wall shadows are radial bands (each between a wall and its
/// image scaled about the eye), so the question is best asked ray by ray.
/// Only the bearings some shadow covers need work: there the plane round the
/// eye is cut into angular slabs at every vertex's bearing and every bearing
/// where an edge of one region crosses an edge of another. Inside a slab no
/// edge begins, ends or crosses another, so the edges that span it are met
/// in the same order along every ray; walking a ray inwards from beyond them
/// all, a point is in a region when an odd number of that region's edges lie
/// beyond it. Each run of the ray inside the view and outside every shadow
/// is a cell between two edges (or the eye) and the slab's two rays. The
/// answer's boundary is then: the view's own edges where no shadow reaches
/// (as they are), the cells' edges along input edges, and the stretches of
/// each slab boundary ray covered by cells on one side only. Those edges are
/// chained into rings (shells counter-clockwise, holes clockwise), the cuts
/// along one input edge or ray merged away.
///
/// It returns `nil`, and the caller falls back to GEOS, when the input is
/// degenerate for the method: shadows all round the eye, an edge through the
/// eye, edges whose order along a ray is not consistent (nearly coincident
/// edges), or a boundary that does not close.
///
/// - Complexity: O(n log n + c + s·k log k) for n edges, c pairs of edges with
///   overlapping bearings (tested for crossings), s slabs and k edges
///   spanning a slab.
struct RadialDifference {
    let eye: Point2

    /// One edge piece, counter-clockwise about the eye from `start` to `end`.
    private struct Edge {
        var start: Point2
        var end: Point2
        var startAngle: Double
        var endAngle: Double
        /// 0 for the view, i for the i-th shadow.
        var region: Int
        /// The input edge it is a piece of: cuts along one input edge are
        /// merged away at the end.
        var source: Int
        /// The slab boundary rays it starts and ends on.
        var first = 0
        var last = 0
    }

    /// An edge's point on one slab boundary ray, and its distance from the eye.
    private struct RayPoint {
        var edge: Int
        var point: Point2
        var distance: Double
        /// An input vertex, a cut or a crossing, not a ray's computed meeting
        /// with the edge: the point other paths end on exactly.
        var exact = true
    }

    /// The answer's boundary as directed paths (interior on the left), each
    /// point tagged with what the path runs along after it: an input edge
    /// (its source, ≥ 0) or a slab boundary ray (−1 − ray index). A run of
    /// the view's own edges is one path, so chaining looks up its ends only.
    private struct Boundary {
        /// Every path's points, one path after another: path k is
        /// `points[starts[k]..<ends[k]]` (two flat arrays, not two arrays a
        /// path: a camera adds thousands of one-edge paths).
        private var points: [Point2] = []
        /// `along[i]` is what the path runs along from `points[i]`; the
        /// last point of a path has none (``nothing``).
        private var along: [Int] = []
        private var starts: [Int] = []
        private var ends: [Int] = []
        /// Whether the last path is a run still being extended.
        private var inRun = false
        private static let nothing = Int.min

        /// One directed edge, a path of its own.
        mutating func add(_ a: Point2, _ b: Point2, along source: Int) {
            endRun()
            starts.append(points.count)
            points.append(a)
            along.append(source)
            points.append(b)
            along.append(Self.nothing)
            ends.append(points.count)
        }

        /// Continues the current run of the view's edges with a→b.
        mutating func extendRun(_ a: Point2, _ b: Point2, along source: Int) {
            guard inRun, points[points.count - 1] == a else {
                add(a, b, along: source)
                inRun = true
                return
            }
            if along[points.count - 2] == source {
                points[points.count - 1] = b // a piece of the same edge: one straight stretch
            } else {
                along[points.count - 1] = source
                points.append(b)
                along.append(Self.nothing)
                ends[ends.count - 1] = points.count
            }
        }

        mutating func endRun() { inRun = false }

        /// Chains the paths into rings (at a pinch, the one turning most to
        /// the left, so each ring keeps to its side), merges stretches along
        /// one edge or ray, and puts each hole in the smallest shell that
        /// holds it; `nil` when the boundary does not close.
        func rings() -> [PolygonRings]? {
            let count = starts.count
            // Paths by their first point (sorted, searched by halving: cheaper
            // than hashing points for the hundred or so paths of a camera).
            func before(_ a: Point2, _ b: Point2) -> Bool { a.x < b.x || (a.x == b.x && a.y < b.y) }
            let byStart = (0..<count).sorted { before(points[starts[$0]], points[starts[$1]]) }
            func firstStarting(at p: Point2) -> Int {
                var lo = 0
                var hi = byStart.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if before(points[starts[byStart[mid]]], p) { lo = mid + 1 } else { hi = mid }
                }
                return lo
            }
            var used = [Bool](repeating: false, count: count)
            var shells: [[Point2]] = []
            var holes: [[Point2]] = []
            var chained: [Point2] = []
            var chainedAlong: [Int] = []
            for start in 0..<count where !used[start] {
                chained.removeAll(keepingCapacity: true)
                chainedAlong.removeAll(keepingCapacity: true)
                var current = start
                while true {
                    used[current] = true
                    let last = ends[current] - 1
                    chained.append(contentsOf: points[starts[current]..<last])
                    chainedAlong.append(contentsOf: along[starts[current]..<last])
                    let end = points[last]
                    if end == chained[0] { break }
                    // The unused paths from `end`; at a pinch, the one turning most to the left.
                    let incoming = end - points[last - 1]
                    var chosen = -1
                    var chosenTurn: Double?
                    var k = firstStarting(at: end)
                    while k < byStart.count, points[starts[byStart[k]]] == end {
                        let candidate = byStart[k]
                        k += 1
                        guard !used[candidate] else { continue }
                        guard chosen >= 0 else {
                            chosen = candidate
                            continue
                        }
                        let best = chosenTurn ?? RadialDifference.turn(incoming, points[starts[chosen] + 1] - end)
                        let turn = RadialDifference.turn(incoming, points[starts[candidate] + 1] - end)
                        chosenTurn = max(best, turn)
                        if turn > best { chosen = candidate }
                    }
                    guard chosen >= 0 else { return nil }
                    current = chosen
                }
                // A vertex between two stretches along one edge or ray goes.
                var ring: [Point2] = []
                ring.reserveCapacity(chained.count)
                for k in chained.indices where chainedAlong[(k + chainedAlong.count - 1) % chainedAlong.count] != chainedAlong[k] {
                    ring.append(chained[k])
                }
                guard ring.count >= 3 else { continue }
                let area = PolygonRings.signedArea(ring)
                if abs(area) <= 1e-12 { continue }
                if area > 0 { shells.append(ring) } else { holes.append(ring) }
            }
            var polygons = shells.map { PolygonRings(shell: $0) }
            let areas = shells.map { PolygonRings.signedArea($0) }
            for hole in holes {
                let size = -PolygonRings.signedArea(hole)
                let owner = polygons.indices.filter { i in areas[i] > size && hole.allSatisfy { polygons[i].covers($0) } }
                    .min { areas[$0] < areas[$1] }
                guard let owner else { return nil }
                polygons[owner].holes.append(hole)
            }
            return polygons
        }
    }

    /// Angles closer than this (radians) are one slab boundary: a wall's end
    /// and its scaled image lie on one ray, though their angles may differ
    /// in the last bits.
    private static let angleTolerance = 1e-12

    /// Angles are measured counter-clockwise from `reference`, so the cut
    /// where they jump from π to −π lies in a gap no shadow covers.
    private var reference = Point2(1, 0)

    init(eye: Point2) { self.eye = eye }

    /// `view − ⋃ shadows` (each shadow one or more polygons), or `nil` when
    /// the input is degenerate for the method.
    func subtract(_ shadows: [[PolygonRings]], from view: [PolygonRings]) -> [PolygonRings]? {
        guard !view.isEmpty else { return [] }
        guard !shadows.isEmpty else { return view }
        guard let cut = cutDirection(shadows) else { return nil }
        var solver = self
        solver.reference = cut * -1
        return solver.run(shadows, view)
    }

    private func run(_ shadows: [[PolygonRings]], _ view: [PolygonRings]) -> [PolygonRings]? {
        var boundary = Boundary()
        var edges: [Edge] = []
        /// The view's pieces where no shadow reaches, counter-clockwise.
        var outside: [(Point2, Point2, Double, Double)] = []
        var source = 0

        // Shadows first: their bearings are the covered intervals.
        for (i, shadow) in shadows.enumerated() {
            for polygon in shadow {
                for ring in [polygon.shell] + polygon.holes where ring.count >= 3 {
                    for k in ring.indices {
                        source += 1
                        // A radial edge spans no slab.
                        guard let pieces = pieces(ring[k], ring[(k + 1) % ring.count]) else { return nil }
                        for p in pieces {
                            edges.append(Edge(start: p.0, end: p.1, startAngle: p.2, endAngle: p.3, region: i + 1, source: source))
                        }
                    }
                }
            }
        }
        let covered = Self.union(edges.map { ($0.startAngle, $0.endAngle) })

        // The view: interior on the left of every edge; its runs of edges
        // outside the covered bearings are boundary as they are (one path a
        // run), the rest go to the slabs.
        var vertexAngles: [Double] = []
        for polygon in view {
            for (r, raw) in ([polygon.shell] + polygon.holes).enumerated() where raw.count >= 3 {
                let counterClockwise = PolygonRings.signedArea(raw) > 0
                let ring = counterClockwise == (r == 0) ? raw : raw.reversed()
                vertexAngles.removeAll(keepingCapacity: true)
                for p in ring { vertexAngles.append(angle(of: p)) }
                for k in ring.indices {
                    source += 1
                    let next = (k + 1) % ring.count
                    let p = ring[k]
                    let q = ring[next]
                    guard p != q else { continue }
                    let dp = p - eye
                    let dq = q - eye
                    let cross = dp.cross(dq)
                    let scale = dp.length * dq.length
                    if scale == 0 || abs(cross) <= 1e-14 * scale {
                        guard scale == 0 || dp.dot(dq) > 0 else { return nil } // through the eye
                        // Radial: boundary as it is where no shadow reaches its bearing;
                        // elsewhere the cells' sides on its ray stand for it.
                        let far = dp.length >= dq.length ? vertexAngles[k] : vertexAngles[next]
                        if Self.contains(covered, far, strictly: false) {
                            boundary.endRun()
                        } else {
                            boundary.extendRun(p, q, along: source)
                        }
                        continue
                    }
                    let forward = cross > 0
                    let (a0, a1) = forward ? (vertexAngles[k], vertexAngles[next]) : (vertexAngles[next], vertexAngles[k])
                    let touched =
                        a1 >= a0 ? Self.overlaps(covered, a0, a1) : Self.overlaps(covered, a0, .pi) || Self.overlaps(covered, -.pi, a1)
                    if !touched {
                        // The common case: no shadow reaches this edge's bearings.
                        if a1 >= a0 { outside.append(forward ? (p, q, a0, a1) : (q, p, a0, a1)) }
                        boundary.extendRun(p, q, along: source)
                        continue
                    }
                    guard let pieces = pieces(p, q) else { return nil }
                    var parts: [(Point2, Point2, Double, Double, covered: Bool)] = []
                    for piece in pieces {
                        guard let split = split(piece, at: covered) else { return nil }
                        parts += split
                    }
                    if !forward { parts.reverse() }
                    for part in parts {
                        if part.covered {
                            boundary.endRun()
                            edges.append(Edge(start: part.0, end: part.1, startAngle: part.2, endAngle: part.3, region: 0, source: source))
                        } else {
                            outside.append((part.0, part.1, part.2, part.3))
                            if forward {
                                boundary.extendRun(part.0, part.1, along: source)
                            } else {
                                boundary.extendRun(part.1, part.0, along: source)
                            }
                        }
                    }
                }
                boundary.endRun()
            }
        }

        // Crossings between edges of different regions.
        var pinned: [Int: [Double: Point2]] = [:]
        var crossingAngles: [Double] = []
        let byStart = edges.indices.sorted { edges[$0].startAngle < edges[$1].startAngle }
        var open: [Int] = []
        for i in byStart {
            let e = edges[i]
            open.removeAll { edges[$0].endAngle < e.startAngle }
            for j in open where edges[j].region != e.region {
                guard let x = Self.properCrossing(e.start, e.end, edges[j].start, edges[j].end) else { continue }
                let a = angle(of: x)
                crossingAngles.append(a)
                pinned[i, default: [:]][a] = x
                pinned[j, default: [:]][a] = x
            }
            open.append(i)
        }

        // Slab boundary rays: every edge end and crossing, near-equal angles merged.
        var angles = edges.flatMap { [$0.startAngle, $0.endAngle] } + crossingAngles
        angles.sort()
        var rays: [Double] = []
        for a in angles where rays.last.map({ a - $0 > Self.angleTolerance }) ?? true { rays.append(a) }
        guard rays.count >= 2 else { return nil }
        func ray(of angle: Double) -> Int {
            var lo = 0
            var hi = rays.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if rays[mid] <= angle + Self.angleTolerance { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }
        let units = rays.map(direction)
        var starting = [[Int]](repeating: [], count: rays.count)
        var onRay = [[RayPoint]](repeating: [], count: rays.count)
        for i in edges.indices {
            edges[i].first = ray(of: edges[i].startAngle)
            edges[i].last = ray(of: edges[i].endAngle)
            let e = edges[i]
            guard e.last > e.first else { continue } // narrower than the tolerance: radial
            starting[e.first].append(i)
            var pins: [Int: Point2] = [:]
            for (a, x) in pinned[i] ?? [:] { pins[ray(of: a)] = x }
            for r in e.first...e.last {
                let p: Point2
                var exact = true
                if r == e.first {
                    p = e.start
                } else if r == e.last {
                    p = e.end
                } else if let x = pins[r] {
                    p = x
                } else {
                    guard let x = point(of: e, along: units[r]) else { return nil }
                    p = x
                    exact = false
                }
                onRay[r].append(RayPoint(edge: i, point: p, distance: (p - eye).length, exact: exact))
            }
        }
        // The view's pieces beyond each covered interval's end rays: they
        // split those rays too, and say what the view covers on that side.
        var beside: [Int: [(point: Point2, distance: Double)]] = [:] // ray → the view's points on its uncovered side
        var besideIsBefore: [Int: Bool] = [:]
        for interval in covered {
            let (rs, re) = (ray(of: interval.0), ray(of: interval.1))
            guard rs < re else { return nil } // a covered interval narrower than the tolerance
            besideIsBefore[rs] = true
            besideIsBefore[re] = false
            for o in outside {
                if abs(o.3 - interval.0) <= Self.angleTolerance { beside[rs, default: []].append((o.1, (o.1 - eye).length)) }
                if abs(o.2 - interval.1) <= Self.angleTolerance { beside[re, default: []].append((o.0, (o.0 - eye).length)) }
            }
        }
        for (r, points) in beside {
            for p in points { onRay[r].append(RayPoint(edge: -1, point: p.point, distance: p.distance)) }
        }
        for r in onRay.indices {
            onRay[r].sort { ($0.distance, $0.edge) < ($1.distance, $1.edge) }
            Self.snapCoincident(&onRay[r]) { $0 < 0 || edges[$0].region == 0 }
        }

        // Which stretches of each ray are covered by the answer on the side
        // before it (smaller angles) and after it; index k + 1 is the stretch
        // from point k (the eye for k = −1) to point k + 1.
        var fromBefore = onRay.map { [Bool](repeating: false, count: $0.count) }
        var fromAfter = fromBefore
        for (r, isBefore) in besideIsBefore {
            // Beyond a covered interval the view alone: inside where an odd
            // number of its edges on that side lie farther out.
            let list = onRay[r]
            var inside = false // the parity of the view's points beyond stretch k + 1
            for k in stride(from: list.count - 1, through: -1, by: -1) {
                if k + 1 < list.count {
                    if isBefore { fromBefore[r][k + 1] = inside } else { fromAfter[r][k + 1] = inside }
                }
                if k >= 0, list[k].edge == -1 { inside.toggle() }
            }
        }

        // The slabs: each run of gaps inside the view and outside every shadow is a cell.
        var active: [Int] = []
        let regions = 1 + shadows.count
        var inside = [Bool](repeating: false, count: regions)
        // Reused from slab to slab (a camera has hundreds of slabs).
        var order: [(distance: Double, edge: Int)] = []
        var visible: [Bool] = []
        for slab in 0..<(rays.count - 1) {
            active.removeAll { edges[$0].last <= slab }
            active += starting[slab]
            guard !active.isEmpty else { continue }
            let middle = direction((rays[slab] + rays[slab + 1]) / 2)
            order.removeAll(keepingCapacity: true)
            for i in active {
                guard let p = point(of: edges[i], along: middle) else { return nil }
                order.append(((p - eye).length, i))
            }
            order.sort { ($0.distance, $0.edge) < ($1.distance, $1.edge) }
            // Gap j lies between order[j − 1] (or the eye) and order[j].
            for k in inside.indices { inside[k] = false }
            var shadowDepth = 0
            visible.removeAll(keepingCapacity: true)
            visible.append(contentsOf: repeatElement(false, count: order.count))
            for j in stride(from: order.count - 1, through: 0, by: -1) {
                let region = edges[order[j].edge].region
                inside[region].toggle()
                if region > 0 { shadowDepth += inside[region] ? 1 : -1 }
                visible[j] = inside[0] && shadowDepth == 0
            }
            var j = 0
            while j < order.count {
                guard visible[j] else {
                    j += 1
                    continue
                }
                var top = j
                while top + 1 < order.count, visible[top + 1] { top += 1 }
                let lo = j > 0 ? order[j - 1].edge : nil
                let hi = order[top].edge
                guard
                    cover(slab, lo: lo, hi: hi, onRay: onRay, fromAfter: &fromAfter[slab], fromBefore: &fromBefore[slab + 1])
                else { return nil }
                let e = edges[hi]
                let a = onRay[slab].first { $0.edge == hi }!.point
                let b = onRay[slab + 1].first { $0.edge == hi }!.point
                if a != b { boundary.add(a, b, along: e.source) }
                if let lo {
                    let c = onRay[slab + 1].first { $0.edge == lo }!.point
                    let d = onRay[slab].first { $0.edge == lo }!.point
                    if c != d { boundary.add(c, d, along: edges[lo].source) }
                }
                j = top + 1
            }
        }

        // Each ray's stretches covered on one side only.
        for r in onRay.indices {
            let list = onRay[r]
            for k in -1..<(list.count - 1) {
                let before = fromBefore[r][k + 1]
                let after = fromAfter[r][k + 1]
                guard before != after else { continue }
                let p = k < 0 ? eye : list[k].point
                let q = list[k + 1].point
                guard p != q else { continue }
                if after { boundary.add(p, q, along: -1 - r) } else { boundary.add(q, p, along: -1 - r) }
            }
        }
        return boundary.rings()
    }

    /// Makes points of one ray that differ by rounding alone one point, so
    /// their order along the ray cannot contradict the slabs': edges meeting
    /// at a vertex of another region (the vertex, and the ray's computed
    /// meeting with the edge), or two regions' vertices that coincide (a
    /// shadow's corner computed onto a corner of the view). The point kept
    /// is the view's own if there is one, so the view's untouched runs still
    /// end on it, else an exact one.
    private static func snapCoincident(_ list: inout [RayPoint], isView: (Int) -> Bool) {
        var k = 0
        while k < list.count {
            var end = k + 1
            while end < list.count, list[end].distance - list[end - 1].distance <= 1e-9 * max(1, list[end].distance) { end += 1 }
            if end - k > 1 {
                let cluster = list[k..<end]
                let canonical =
                    cluster.first(where: { $0.exact && isView($0.edge) }) ?? cluster.first(where: \.exact) ?? list[k]
                for j in k..<end {
                    list[j].point = canonical.point
                    list[j].distance = canonical.distance
                }
            }
            k = end
        }
    }

    /// Marks the stretches of the slab's two rays that the cell from `lo`
    /// (nil: the eye) to `hi` covers; `false` when the two are out of order
    /// on a ray (the input is too degenerate for the method).
    private func cover(_ slab: Int, lo: Int?, hi: Int, onRay: [[RayPoint]], fromAfter: inout [Bool], fromBefore: inout [Bool]) -> Bool {
        func mark(_ list: [RayPoint], _ covered: inout [Bool]) -> Bool {
            guard let top = list.firstIndex(where: { $0.edge == hi }) else { return false }
            var bottom = -1
            if let lo {
                guard let b = list.firstIndex(where: { $0.edge == lo }) else { return false }
                bottom = b
            }
            if bottom > top { return list[bottom].point == list[top].point }
            for k in bottom..<top { covered[k + 1] = true }
            return true
        }
        return mark(onRay[slab], &fromAfter) && mark(onRay[slab + 1], &fromBefore)
    }

    /// The pieces of p→q counter-clockwise about the eye, split where they
    /// cross the cut, with their angles: none when the edge is radial (on a
    /// ray from the eye, or from the eye itself), `nil` when it passes
    /// through the eye.
    private func pieces(_ p: Point2, _ q: Point2) -> [(Point2, Point2, Double, Double)]? {
        let dp = p - eye
        let dq = q - eye
        let cross = dp.cross(dq)
        let scale = dp.length * dq.length
        guard scale > 0 else { return [] }
        guard abs(cross) > 1e-14 * scale else { return dp.dot(dq) > 0 ? [] : nil }
        let (s, e) = cross > 0 ? (p, q) : (q, p)
        let a0 = angle(of: s)
        let a1 = angle(of: e)
        if a1 >= a0 { return [(s, e, a0, a1)] }
        // Across the cut: two pieces meeting at one shared point.
        let cut = reference * -1
        let cs = cut.cross(s - eye)
        let ce = cut.cross(e - eye)
        let m = s + (e - s) * (cs / (cs - ce))
        return [(s, m, a0, .pi), (m, e, -.pi, a1)]
    }

    private func angle(of p: Point2) -> Double {
        let d = p - eye
        return atan2(reference.cross(d), reference.dot(d))
    }

    /// The direction in the middle of the widest gap between the shadows'
    /// bearings, or `nil` when they surround the eye.
    private func cutDirection(_ shadows: [[PolygonRings]]) -> Point2? {
        var arcs: [(Double, Double)] = []
        for shadow in shadows {
            for polygon in shadow {
                for ring in [polygon.shell] + polygon.holes where ring.count >= 3 {
                    for k in ring.indices {
                        let d0 = ring[k] - eye
                        let d1 = ring[(k + 1) % ring.count] - eye
                        let cross = d0.cross(d1)
                        guard d0.length > 0, d1.length > 0 else { return nil }
                        guard abs(cross) > 1e-14 * d0.length * d1.length else {
                            if d0.dot(d1) < 0 { return nil }
                            continue
                        }
                        var a0 = atan2(cross > 0 ? d0.y : d1.y, cross > 0 ? d0.x : d1.x)
                        if a0 < 0 { a0 += 2 * .pi }
                        arcs.append((a0, a0 + atan2(abs(cross), d0.dot(d1))))
                    }
                }
            }
        }
        guard !arcs.isEmpty else { return nil }
        arcs.sort { $0.0 < $1.0 }
        // Merged arcs on the circle; the gap after each.
        var merged: [(Double, Double)] = []
        for a in arcs {
            if let last = merged.last, a.0 <= last.1 { merged[merged.count - 1].1 = max(last.1, a.1) } else { merged.append(a) }
        }
        // The gaps between them; the last arc may reach past 2π over the first ones.
        let wrapped = merged[merged.count - 1].1 - 2 * .pi
        var gaps: [(Double, Double)] = [(merged[merged.count - 1].1, merged[0].0 + 2 * .pi)]
        for k in 0..<(merged.count - 1) { gaps.append((max(merged[k].1, wrapped), merged[k + 1].0)) }
        guard let best = gaps.max(by: { $0.1 - $0.0 < $1.1 - $1.0 }), best.1 - best.0 > 1e-6 else { return nil }
        let middle = (best.0 + best.1) / 2
        return Point2(cos(middle), sin(middle))
    }

    /// Sorted, merged angle intervals (no wrap: every edge is within (−π, π]).
    private static func union(_ intervals: [(Double, Double)]) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        for i in intervals.sorted(by: { $0.0 < $1.0 }) {
            if let last = out.last, i.0 <= last.1 + angleTolerance {
                out[out.count - 1].1 = max(last.1, i.1)
            } else {
                out.append(i)
            }
        }
        return out
    }

    /// Whether (a0, a1) shares more than a point with one of the intervals.
    private static func overlaps(_ intervals: [(Double, Double)], _ a0: Double, _ a1: Double) -> Bool {
        intervals.contains { $0.0 < a1 - angleTolerance && $0.1 > a0 + angleTolerance }
    }

    private static func contains(_ intervals: [(Double, Double)], _ a: Double, strictly: Bool) -> Bool {
        intervals.contains {
            strictly ? (a > $0.0 + angleTolerance && a < $0.1 - angleTolerance) : (a >= $0.0 - angleTolerance && a <= $0.1 + angleTolerance)
        }
    }

    /// A counter-clockwise piece cut at the covered intervals' ends, each
    /// part saying whether it lies in a covered interval; `nil` when a cut
    /// cannot be placed on it.
    private func split(_ piece: (Point2, Point2, Double, Double), at covered: [(Double, Double)]) -> [(
        Point2, Point2, Double, Double, covered: Bool
    )]? {
        var cuts: [Double] = []
        for c in covered {
            for a in [c.0, c.1] where a > piece.2 + Self.angleTolerance && a < piece.3 - Self.angleTolerance { cuts.append(a) }
        }
        if cuts.isEmpty {
            return [(piece.0, piece.1, piece.2, piece.3, covered: Self.contains(covered, (piece.2 + piece.3) / 2, strictly: true))]
        }
        cuts.sort()
        var out: [(Point2, Point2, Double, Double, covered: Bool)] = []
        var start = piece.0
        var startAngle = piece.2
        let edge = Edge(start: piece.0, end: piece.1, startAngle: piece.2, endAngle: piece.3, region: 0, source: 0)
        for a in cuts + [piece.3] {
            var end = piece.1
            if a != piece.3 {
                guard let cut = point(of: edge, at: a) else { return nil }
                end = cut
            }
            let middle = (startAngle + a) / 2
            out.append((start, end, startAngle, a, covered: Self.contains(covered, middle, strictly: true)))
            start = end
            startAngle = a
        }
        return out
    }

    /// Where segments ab and cd cross at a point interior to both, if they do.
    private static func properCrossing(_ a: Point2, _ b: Point2, _ c: Point2, _ d: Point2) -> Point2? {
        let r = b - a
        let s = d - c
        let o1 = r.cross(c - a)
        let o2 = r.cross(d - a)
        let o3 = s.cross(a - c)
        let o4 = s.cross(b - c)
        guard (o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0), (o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0) else { return nil }
        let t = o3 / (o3 - o4)
        return a + r * t
    }

    /// Where the ray from the eye at `angle` meets the line of `edge`.
    private func point(of edge: Edge, at angle: Double) -> Point2? { point(of: edge, along: direction(angle)) }

    /// The unit vector at `angle` from the reference direction.
    private func direction(_ angle: Double) -> Point2 {
        let c = cos(angle)
        let s = sin(angle)
        return Point2(reference.x * c - reference.y * s, reference.x * s + reference.y * c)
    }

    /// Where the ray from the eye along the unit vector `u` meets the line of `edge`.
    private func point(of edge: Edge, along u: Point2) -> Point2? {
        let d = edge.end - edge.start
        let denominator = u.cross(d)
        guard denominator != 0 else { return nil }
        let t = (edge.start - eye).cross(d) / denominator
        guard t.isFinite, t >= 0 else { return nil }
        return eye + u * t
    }

    /// The signed turn from direction `a` to direction `b` (radians, left positive).
    fileprivate static func turn(_ a: Point2, _ b: Point2) -> Double { atan2(a.cross(b), a.dot(b)) }
}
