/// A large TArch-style DXF floor for import benchmarks: a grid of rooms
/// 4 000 × 3 000 mm, each drawn with its four wall lines (on `WALL`), its
/// outline (on `SPACE`) and a label (on `PUB_TEXT`, 客房 or 卫生间 in turn),
/// six entities a room; R2013 text with `$INSUNITS` = 4 (mm).
public struct DXFGenerator: Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// Entities written: six per room.
    public var entityCount: Int { columns * rows * 6 }

    public func text() -> String {
        var out = "  0\nSECTION\n  2\nHEADER\n  9\n$ACADVER\n  1\nAC1027\n  9\n$INSUNITS\n 70\n4\n  0\nENDSEC\n"
        out += "  0\nSECTION\n  2\nENTITIES\n"
        out.reserveCapacity(entityCount * 120)
        var handle = 0x100
        func next() -> String {
            handle += 1
            return String(handle, radix: 16, uppercase: true)
        }
        func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) {
            out += "  0\nLINE\n  5\n\(next())\n  8\nWALL\n 10\n\(x0)\n 20\n\(y0)\n 30\n0\n 11\n\(x1)\n 21\n\(y1)\n 31\n0\n"
        }
        for r in 0..<rows {
            for c in 0..<columns {
                let x = c * 4000
                let y = r * 3000
                line(x, y, x + 4000, y)
                line(x + 4000, y, x + 4000, y + 3000)
                line(x + 4000, y + 3000, x, y + 3000)
                line(x, y + 3000, x, y)
                out += "  0\nLWPOLYLINE\n  5\n\(next())\n  8\nSPACE\n 90\n4\n 70\n1\n"
                for (px, py) in [(x, y), (x + 4000, y), (x + 4000, y + 3000), (x, y + 3000)] { out += " 10\n\(px)\n 20\n\(py)\n" }
                let label = (r + c) % 2 == 0 ? "客房 \(r * columns + c)" : "卫生间"
                out += "  0\nTEXT\n  5\n\(next())\n  8\nPUB_TEXT\n 10\n\(x + 2000)\n 20\n\(y + 1500)\n 30\n0\n 40\n300\n  1\n\(label)\n"
            }
        }
        out += "  0\nENDSEC\n  0\nEOF\n"
        return out
    }
}
