import PlanarGeometry

/// Places a drawing's labels so none overlaps another, covers a camera or
/// leaves the sheet: each label tries its candidate spots in order (its
/// anchor first, then round it — with a leader line back to the anchor when
/// it moved far), and a name that fits nowhere is shortened with "…" and
/// tried again; one that still fits nowhere is left off the drawing (its
/// feature keeps its tooltip, and the tables name it). Labels are placed in
/// the order given, so the caller puts evidence (intrusion areas) first.
///
/// Sizes are estimated, not measured (no font metrics here): a CJK or
/// full-width character is one em wide, any other 0.6 em, the line 1.25 em
/// high — generous for Noto Sans, so estimated boxes apart are drawn apart.
///
/// - Complexity: O(c) grid lookups per candidate, c the labels near it;
///   O(n · k) for n labels of k candidates in a drawing of spread labels.
struct LabelPlacer {
    struct Placed {
        var text: String
        /// Centre of the label, plan coordinates.
        var centre: Point2
        /// From the label's edge to what it names, when it moved away.
        var leader: (from: Point2, to: Point2)?
    }

    let bounds: Box
    private var placed: [Box] = []
    /// Placed boxes by grid cell, so a candidate is tested against its neighbours only.
    private var grid: [Cell: [Int]] = [:]
    private let cellSize: Double

    private struct Cell: Hashable { var x: Int, y: Int }

    init(bounds: Box, cellSize: Double) {
        self.bounds = bounds
        self.cellSize = max(cellSize, 1e-6)
    }

    /// Estimated width of `text` at font size `size`.
    static func width(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 1.0 : 0.6) } * size
    }

    /// CJK ideographs, kana, Hangul, full-width forms and CJK punctuation.
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x20000...0x3FFFD:
            true
        default: false
        }
    }

    static func box(_ text: String, centre: Point2, size: Double) -> Box {
        let w = width(text, size: size) / 2
        let h = size * 0.625
        return Box(minX: centre.x - w, minY: centre.y - h, maxX: centre.x + w, maxY: centre.y + h)
    }

    /// Keeps `box` clear of later labels (a camera's glyph) without a label.
    mutating func reserve(_ box: Box) { insert(box) }

    /// Places `text` at the first free candidate centre (each must keep the
    /// label inside `within`, when given, and the sheet); shortens it when
    /// none is free. `nil` when it fits nowhere even shortened.
    mutating func place(
        _ text: String, size: Double, anchor: Point2, candidates: [Point2], within: Box? = nil,
        shortenTo minimum: Int = 6
    ) -> Placed? {
        var text = text
        while true {
            for centre in candidates {
                let box = Self.box(text, centre: centre, size: size)
                guard contains(bounds, box), within.map({ contains($0, box) }) ?? true, isFree(box) else { continue }
                insert(box)
                // A leader only when the label sits clearly away from what it names.
                let from = edge(of: box, towards: anchor)
                let away = (centre - anchor).length > size * 2 && (from - anchor).length > size * 0.75
                return Placed(text: text, centre: centre, leader: away ? (from, anchor) : nil)
            }
            let characters = Array(text)
            guard characters.count > minimum else { return nil }
            text = String(characters.prefix(max(minimum, characters.count * 2 / 3) - 1)) + "…"
        }
    }

    /// Candidate centres round an anchor for a label of `text`: on it, then
    /// above, below, right and left of it, then diagonally, at `rings`
    /// distances (in label heights).
    static func around(_ anchor: Point2, text: String, size: Double, rings: [Double] = [1, 2, 3.5]) -> [Point2] {
        let w = width(text, size: size) / 2 + size * 0.3
        let h = size * 1.25
        var out = [anchor]
        for r in rings {
            out += [
                Point2(anchor.x, anchor.y + h * r), Point2(anchor.x, anchor.y - h * r),
                Point2(anchor.x + w + h * (r - 1), anchor.y), Point2(anchor.x - w - h * (r - 1), anchor.y),
                Point2(anchor.x + w + h * (r - 1), anchor.y + h * r), Point2(anchor.x - w - h * (r - 1), anchor.y + h * r),
                Point2(anchor.x + w + h * (r - 1), anchor.y - h * r), Point2(anchor.x - w - h * (r - 1), anchor.y - h * r),
            ]
        }
        return out
    }

    private func contains(_ outer: Box, _ inner: Box) -> Bool {
        inner.minX >= outer.minX && inner.maxX <= outer.maxX && inner.minY >= outer.minY && inner.maxY <= outer.maxY
    }

    private func cells(_ box: Box) -> [Cell] {
        let x0 = Int((box.minX / cellSize).rounded(.down))
        let x1 = Int((box.maxX / cellSize).rounded(.down))
        let y0 = Int((box.minY / cellSize).rounded(.down))
        let y1 = Int((box.maxY / cellSize).rounded(.down))
        guard x1 - x0 < 10_000, y1 - y0 < 10_000 else { return [] }
        return (x0...x1).flatMap { x in (y0...y1).map { Cell(x: x, y: $0) } }
    }

    private func isFree(_ box: Box) -> Bool {
        for cell in cells(box) {
            for i in grid[cell] ?? [] {
                let o = placed[i]
                if box.minX < o.maxX && o.minX < box.maxX && box.minY < o.maxY && o.minY < box.maxY { return false }
            }
        }
        return true
    }

    private mutating func insert(_ box: Box) {
        placed.append(box)
        for cell in cells(box) { grid[cell, default: []].append(placed.count - 1) }
    }

    /// Where a leader leaves the label: the middle of the box side facing the anchor.
    private func edge(of box: Box, towards p: Point2) -> Point2 {
        let c = box.center
        let dx = p.x - c.x
        let dy = p.y - c.y
        if abs(dx) * (box.maxY - box.minY) > abs(dy) * (box.maxX - box.minX) {
            return Point2(dx > 0 ? box.maxX : box.minX, c.y)
        }
        return Point2(c.x, dy > 0 ? box.maxY : box.minY)
    }
}
