/// A static R-tree packed by the Sort-Tile-Recursive method (Leutenegger et
/// al. 1997, the packing GEOS's `STRtree` uses), built once per level and then
/// only read, so any number of threads may query it.
///
/// Items are kept in leaf order in one array and nodes in another, so a query
/// touches contiguous memory and allocates nothing.
///
/// Complexity: building is O(n log n); a query is O(log n + k) for k hits.
public struct STRTree<Item: Sendable>: Sendable {
    private struct Node: Sendable {
        var box: Box
        /// Children are `nodes[first..<first+count]` on internal nodes and
        /// `items[first..<first+count]` on leaves.
        var first: Int
        var count: Int
        var isLeaf: Bool
    }

    private var nodes: [Node] = []
    private var items: [(box: Box, item: Item)] = []
    private var root: Int?

    public var count: Int { items.count }

    /// Packs `entries` with `nodeCapacity` children a node.
    public init(_ entries: [(box: Box, item: Item)], nodeCapacity: Int = 10) {
        let capacity = max(2, nodeCapacity)
        guard !entries.isEmpty else { return }
        items = Self.tile(entries, capacity: capacity) { $0.box.center }
        // Leaves.
        var level: [Int] = []
        var start = 0
        while start < items.count {
            let end = min(start + capacity, items.count)
            var box = items[start].box
            for i in (start + 1)..<end { box.include(items[i].box) }
            nodes.append(Node(box: box, first: start, count: end - start, isLeaf: true))
            level.append(nodes.count - 1)
            start = end
        }
        // Internal levels, re-tiled so each parent covers a compact area.
        while level.count > 1 {
            let tiled = Self.tile(level.map { (box: nodes[$0].box, item: $0) }, capacity: capacity) { $0.box.center }
            var parents: [Int] = []
            var i = 0
            while i < tiled.count {
                let end = min(i + capacity, tiled.count)
                let firstChild = nodes.count
                var box = tiled[i].box
                for j in i..<end {
                    box.include(tiled[j].box)
                    nodes.append(nodes[tiled[j].item])
                }
                nodes.append(Node(box: box, first: firstChild, count: end - i, isLeaf: false))
                parents.append(nodes.count - 1)
                i = end
            }
            level = parents
        }
        root = level.first
    }

    /// Orders entries into vertical slices by x, each slice sorted by y.
    private static func tile<T>(_ entries: [T], capacity: Int, center: (T) -> Point2) -> [T] {
        let leafCount = (entries.count + capacity - 1) / capacity
        let sliceCount = Int(Double(leafCount).squareRoot().rounded(.up))
        let sliceSize = sliceCount * capacity
        let byX = entries.sorted { center($0).x < center($1).x }
        var out: [T] = []
        out.reserveCapacity(entries.count)
        var start = 0
        while start < byX.count {
            let end = min(start + sliceSize, byX.count)
            out.append(contentsOf: byX[start..<end].sorted { center($0).y < center($1).y })
            start = end
        }
        return out
    }

    /// Calls `visit` for every item whose box intersects `box`.
    public func query(_ box: Box, _ visit: (Item) -> Void) {
        guard let root else { return }
        var stack = [root]
        while let n = stack.popLast() {
            let node = nodes[n]
            guard node.box.intersects(box) else { continue }
            if node.isLeaf {
                for i in node.first..<(node.first + node.count) where items[i].box.intersects(box) {
                    visit(items[i].item)
                }
            } else {
                stack.append(contentsOf: node.first..<(node.first + node.count))
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
