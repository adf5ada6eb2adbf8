import PlanarGeometry
import XCTest

/// The STR tree against brute force: every query returns exactly the boxes
/// a scan of all of them finds.
final class STRTreeTests: XCTestCase {
    func testQueriesMatchAScanOfEveryBox() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        // Every node capacity from a binary tree (the deepest, so the
        // query's fixed stack is at its fullest) to one wider than the input.
        for (count, capacity) in [(0, 10), (1, 10), (9, 10), (10, 10), (11, 10), (100, 10), (2_000, 10), (2_000, 2), (2_000, 3), (500, 64)]
        {
            let boxes = (0..<count).map { _ -> Box in
                let x = random() * 100
                let y = random() * 100
                return Box(minX: x, minY: y, maxX: x + random() * 5, maxY: y + random() * 5)
            }
            let tree = STRTree(boxes.enumerated().map { (box: $0.element, item: $0.offset) }, nodeCapacity: capacity)
            let indexTree = STRTree(boxes: boxes, nodeCapacity: capacity)
            XCTAssertEqual(tree.count, count)
            XCTAssertEqual(indexTree.count, count)
            for _ in 0..<200 {
                let x = random() * 110 - 5
                let y = random() * 110 - 5
                let query = Box(minX: x, minY: y, maxX: x + random() * 20, maxY: y + random() * 20)
                let expected = boxes.indices.filter { boxes[$0].intersects(query) }
                XCTAssertEqual(tree.query(query).sorted(), expected, "\(count) boxes, \(capacity) a node")
                XCTAssertEqual(indexTree.query(query).sorted(), expected, "\(count) boxes by index, \(capacity) a node")
            }
        }
    }

    /// Touching counts: boxes sharing only an edge or a corner are found.
    func testTouchingBoxesAreFound() {
        let tree = STRTree([
            (box: Box(minX: 0, minY: 0, maxX: 1, maxY: 1), item: "a"),
            (box: Box(minX: 2, minY: 2, maxX: 3, maxY: 3), item: "b"),
        ])
        XCTAssertEqual(tree.query(Box(minX: 1, minY: 1, maxX: 2, maxY: 2)).sorted(), ["a", "b"])
        XCTAssertEqual(tree.query(Box(minX: 1.1, minY: 1.1, maxX: 1.9, maxY: 1.9)), [])
    }
}
