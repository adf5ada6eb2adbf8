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
    @usableFromInline var nodes: [STRPacking.Node] = []
    @usableFromInline var boxes: [Box] = []
    @usableFromInline var items: [Item] = []
    @usableFromInline var root: Int?
    /// The most nodes a query's depth-first stack can hold at once:
    /// (children a node − 1) a level below the root, plus one.
    @usableFromInline var stackCapacity = 1

    public var count: Int { items.count }

    /// Packs `entries` with `nodeCapacity` children a node.
    public init(_ entries: [(box: Box, item: Item)], nodeCapacity: Int = 10) {
        var boxes: [Box] = []
        boxes.reserveCapacity(entries.count)
        for entry in entries { boxes.append(entry.box) }
        let order = self.pack(boxes, nodeCapacity: nodeCapacity)
        items = order.map { entries[$0].item }
    }

    /// Packs the boxes and returns their leaf order; `items` is left to
    /// the caller.
    private mutating func pack(_ input: [Box], nodeCapacity: Int) -> [Int] {
        guard !input.isEmpty else { return [] }
        // Closures, not key paths: a key path in generic code is instantiated at
        // run time with a scan of the conformance records (13 M instructions
        // a check of the mall).
        let capacity = max(2, nodeCapacity)
        let packed = STRPacking.pack(input, capacity: capacity)
        boxes = packed.order.map { input[$0] }
        nodes = packed.nodes
        root = packed.root
        stackCapacity = (capacity - 1) * packed.height + 1
        return packed.order
    }

    /// Calls `visit` for every item whose box intersects `box`.
    ///
    /// Inlinable, so a caller's `Item` is specialized (unspecialized, every
    /// item was copied through its value witnesses), and the depth-first
    /// stack is a temporary allocation (on the machine stack), not an array
    /// a query.
    @inlinable
    public func query(_ box: Box, _ visit: (Item) -> Void) {
        guard let root else { return }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: stackCapacity) { stack in
            stack[0] = root
            var top = 1
            while top > 0 {
                top -= 1
                let node = nodes[stack[top]]
                guard node.box.intersects(box) else { continue }
                if node.isLeaf {
                    for i in node.first..<(node.first + node.count) where boxes[i].intersects(box) {
                        visit(items[i])
                    }
                } else {
                    for c in node.first..<(node.first + node.count) where nodes[c].box.intersects(box) {
                        stack[top] = c
                        top += 1
                    }
                }
            }
        }
    }

    /// Every item whose box intersects `box`.
    @inlinable
    public func query(_ box: Box) -> [Item] {
        var out: [Item] = []
        query(box) { out.append($0) }
        return out
    }
}

extension STRTree where Item == Int {
    /// Packs `boxes`, each item its box's index: no generic code runs (the
    /// tuple initializer, unspecialized across modules, copied every item
    /// through its value witnesses: a fifth of building a level's scene).
    public init(boxes: [Box], nodeCapacity: Int = 10) {
        items = pack(boxes, nodeCapacity: nodeCapacity)
    }
}

/// The Sort-Tile-Recursive packing behind ``STRTree``.
public enum STRPacking {
    public struct Node: Sendable {
        @usableFromInline var box: Box
        /// Children are `nodes[first..<first+count]` on internal nodes and
        /// leaf entries `first..<first+count` on leaves.
        @usableFromInline var first: Int
        @usableFromInline var count: Int
        @usableFromInline var isLeaf: Bool
    }

    private struct Keyed {
        var x: Double
        var y: Double
        var index: Int
    }

    /// The leaf order of `boxes`, the nodes, the root's index, and the
    /// number of levels below the root.
    static func pack(_ input: [Box], capacity: Int) -> (order: [Int], nodes: [Node], root: Int, height: Int) {
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
        var height = 0
        while level.count > 1 {
            height += 1
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
        return (order, nodes, level[0], height)
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
