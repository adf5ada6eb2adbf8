import PlanarGeometry

/// The segments a rotational sweep has open, nearest first along the ray it
/// is at: an indexed binary heap over the sweep's pieces.
///
/// Why one order serves every ray: the sweep's segments are noded, so two
/// pieces open at once never cross, and the nearer of them along one ray
/// through both is the nearer along every such ray. Each comparison is made
/// along the current ray between two pieces open on it, and a piece leaves
/// the heap the moment it closes (through its slot, not lazily), so a closed
/// piece is never compared with one that opened after it — a comparison that
/// would mean nothing.
///
/// ``RadialSweep`` switches to it when more pieces are open at once than a
/// linear scan handles faster (a comparison here costs two distances).
///
/// - Complexity: O(log a) to insert or remove a piece, O(1) for the nearest,
///   a being the pieces open.
struct NearestSegmentHeap {
    private let eye: Point2
    /// For each piece, the segment it is part of.
    private let segmentOfPiece: [Int]
    private let segments: [Segment]
    /// Piece ids in heap order: each no farther than its children.
    private var items: [Int] = []
    /// For each piece, its index in ``items``, or -1 when it is not open.
    private var slot: [Int]

    init(eye: Point2, segmentOfPiece: [Int], segments: [Segment]) {
        self.eye = eye
        self.segmentOfPiece = segmentOfPiece
        self.segments = segments
        slot = [Int](repeating: -1, count: segmentOfPiece.count)
    }

    /// The open piece nearest along the current ray, if any is open.
    var nearest: Int? { items.first }

    var count: Int { items.count }

    mutating func insert(_ piece: Int, along ray: Point2) {
        precondition(slot[piece] < 0, "piece \(piece) is open already")
        items.append(piece)
        slot[piece] = items.count - 1
        siftUp(items.count - 1, along: ray)
    }

    /// Removes `piece` if it is open (a piece that closed as soon as it
    /// opened never entered).
    mutating func remove(_ piece: Int, along ray: Point2) {
        let i = slot[piece]
        guard i >= 0 else { return }
        slot[piece] = -1
        let last = items.removeLast()
        guard i < items.count else { return }
        items[i] = last
        slot[last] = i
        if i > 0, isNearer(last, than: items[(i - 1) / 2], along: ray) {
            siftUp(i, along: ray)
        } else {
            siftDown(i, along: ray)
        }
    }

    /// Whether piece `a`'s segment is nearer than `b`'s along `ray`; equal
    /// distances (collinear pieces) by piece id, so the order is total.
    @inline(__always)
    private func isNearer(_ a: Int, than b: Int, along ray: Point2) -> Bool {
        let ta = RadialSweep.distance(from: eye, direction: ray, to: segments[segmentOfPiece[a]])
        let tb = RadialSweep.distance(from: eye, direction: ray, to: segments[segmentOfPiece[b]])
        return ta < tb || (ta == tb && a < b)
    }

    private mutating func siftUp(_ start: Int, along ray: Point2) {
        var i = start
        let piece = items[i]
        while i > 0 {
            let parent = (i - 1) / 2
            guard isNearer(piece, than: items[parent], along: ray) else { break }
            items[i] = items[parent]
            slot[items[i]] = i
            i = parent
        }
        items[i] = piece
        slot[piece] = i
    }

    private mutating func siftDown(_ start: Int, along ray: Point2) {
        var i = start
        let piece = items[i]
        while true {
            var child = 2 * i + 1
            guard child < items.count else { break }
            if child + 1 < items.count, isNearer(items[child + 1], than: items[child], along: ray) { child += 1 }
            guard isNearer(items[child], than: piece, along: ray) else { break }
            items[i] = items[child]
            slot[items[i]] = i
            i = child
        }
        items[i] = piece
        slot[piece] = i
    }
}
