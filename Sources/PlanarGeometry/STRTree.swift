/// A static R-tree packed by the Sort-Tile-Recursive method (Leutenegger et
/// al. 1997, the packing GEOS's `STRtree` uses), built once per level and then
/// only read, so any number of threads may query it.
///
/// Boxes and items are kept in leaf order in flat arrays, and nodes in
/// another, so a query touches contiguous memory and allocates nothing. The
/// packing itself is non-generic code (``STRPacking``): generic sorting with
/// tuple elements was the costliest part of building a level.
///
/// Complexity: building is O(n log n); a query is O(log n + k) for k hits.
public struct STRTree<Item: Sendable>: Sendable {
    private var nodes: [STRPacking.Node] = []
    private var boxes: [Box] = []
    private var items: [Item] = []
    private var root: Int?

    public var count: Int { items.count }

    /// Packs `entries` with `nodeCapacity` children a node.
    public init(_ entries: [(box: Box, item: Item)], nodeCapacity: Int = 10) {
        guard !entries.isEmpty else { return }
        // Closures, not key paths: a key path in generic code is instantiated at
        // run time with a scan of the conformance records (13 M instructions
        // a check of the mall).
        let packed = STRPacking.pack(entries.map { $0.box }, capacity: max(2, nodeCapacity))
        boxes = packed.order.map { entries[$0].box }
        items = packed.order.map { entries[$0].item }
        nodes = packed.nodes
        root = packed.root
    }

    /// Calls `visit` for every item whose box intersects `box`.
    public func query(_ box: Box, _ visit: (Item) -> Void) {
        guard let root else { return }
        var stack: [Int] = [root]
        stack.reserveCapacity(32)
        while let n = stack.popLast() {
            let node = nodes[n]
            guard node.box.intersects(box) else { continue }
            if node.isLeaf {
                for i in node.first..<(node.first + node.count) where boxes[i].intersects(box) {
                    visit(items[i])
                }
            } else {
                for c in node.first..<(node.first + node.count) where nodes[c].box.intersects(box) { stack.append(c) }
            }
        }
    }

    /// Every item whose box intersects `box`.
    public func query(_ box: Box) -> [Item] {
        var out: [Item] = []
        query(box) { out.append($0) }
        return out
    }
}

/// The Sort-Tile-Recursive packing behind ``STRTree``.
public enum STRPacking {
    public struct Node: Sendable {
        var box: Box
        /// Children are `nodes[first..<first+count]` on internal nodes and
        /// leaf entries `first..<first+count` on leaves.
        var first: Int
        var count: Int
        var isLeaf: Bool
    }

    private struct Keyed {
        var x: Double
        var y: Double
        var index: Int
    }

    /// The leaf order of `boxes`, the nodes, and the root's index.
    static func pack(_ input: [Box], capacity: Int) -> (order: [Int], nodes: [Node], root: Int) {
        let order = tile(input, capacity: capacity)
        var nodes: [Node] = []
        var level: [Int] = []
        var start = 0
        while start < order.count {
            let end = min(start + capacity, order.count)
            var box = input[order[start]]
            for i in (start + 1)..<end { box.include(input[order[i]]) }
            nodes.append(Node(box: box, first: start, count: end - start, isLeaf: true))
            level.append(nodes.count - 1)
            start = end
        }
        while level.count > 1 {
            let tiled = tile(level.map { nodes[$0].box }, capacity: capacity).map { level[$0] }
            var parents: [Int] = []
            var i = 0
            while i < tiled.count {
                let end = min(i + capacity, tiled.count)
                let firstChild = nodes.count
                var box = nodes[tiled[i]].box
                for j in i..<end {
                    box.include(nodes[tiled[j]].box)
                    nodes.append(nodes[tiled[j]])
                }
                nodes.append(Node(box: box, first: firstChild, count: end - i, isLeaf: false))
                parents.append(nodes.count - 1)
                i = end
            }
            level = parents
        }
        return (order, nodes, level[0])
    }

    /// Indices of `boxes` in vertical slices by centre x, each slice sorted
    /// by centre y.
    private static func tile(_ boxes: [Box], capacity: Int) -> [Int] {
        let leafCount = (boxes.count + capacity - 1) / capacity
        let sliceCount = Int(Double(leafCount).squareRoot().rounded(.up))
        let sliceSize = sliceCount * capacity
        var keyed = [Keyed]()
        keyed.reserveCapacity(boxes.count)
        for (i, b) in boxes.enumerated() { keyed.append(Keyed(x: b.minX + b.maxX, y: b.minY + b.maxY, index: i)) }
        keyed.sort { $0.x < $1.x }
        var out = [Int]()
        out.reserveCapacity(boxes.count)
        var start = 0
        while start < keyed.count {
            let end = min(start + sliceSize, keyed.count)
            var slice = Array(keyed[start..<end])
            slice.sort { $0.y < $1.y }
            for k in slice { out.append(k.index) }
            start = end
        }
        return out
    }
}
