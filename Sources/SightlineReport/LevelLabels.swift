import PlanarGeometry
import SightlinePlan

/// The labels of one level's drawing, placed together by ``LabelPlacer``
/// so none collides with another, covers a camera or leaves the drawing.
/// The HTML and PDF drawings (``PlanDrawing``) and the planner
/// (`/api/views?labels=1`) both place their labels here, so a plan reads the
/// same on paper and on screen.
///
/// Order is priority: intrusion areas first (the evidence), then camera
/// ids beside their glyphs, then zone names inside their zones, shortened
/// when they do not fit.
///
/// - Complexity: O(n · k) grid lookups for n labels of k candidates each
///   (``LabelPlacer``).
public struct LevelLabels<Key: Hashable> {
    /// A placed label: its text (perhaps shortened), centre and font size in
    /// plan units, and a leader line when it sits away from what it names.
    public struct Label {
        public var text: String
        public var centre: Point2
        public var size: Double
        public var leader: (from: Point2, to: Point2)?
    }

    public private(set) var areas: [Key: Label] = [:]
    public private(set) var cameras: [Key: Label] = [:]
    public private(set) var zones: [Key: Label] = [:]

    /// Places `areas` (text at the centre of the evidence's box), `cameras`
    /// (ids at their positions) and `zones` (names inside their boxes) in
    /// `bounds`, at font size `font` (zone names at 0.9 of it).
    public init(
        areas: [(key: Key, text: String, anchor: Point2)], cameras: [(key: Key, id: String, position: Point2)],
        zones: [(key: Key, name: String, box: Box)], bounds: Box, font: Double
    ) {
        var placer = LabelPlacer(bounds: bounds, cellSize: font * 4)
        for camera in cameras { placer.reserve(Box(around: camera.position, radius: font * 0.8)) }
        func label(_ placed: LabelPlacer.Placed?, _ size: Double) -> Label? {
            placed.map { Label(text: $0.text, centre: $0.centre, size: size, leader: $0.leader) }
        }
        for area in areas {
            self.areas[area.key] = label(
                placer.place(
                    area.text, size: font, anchor: area.anchor, candidates: LabelPlacer.around(area.anchor, text: area.text, size: font),
                    shortenTo: .max), font)
        }
        for camera in cameras {
            let candidates = LabelPlacer.around(camera.position, text: camera.id, size: font, rings: [1.2, 2, 3.5]).dropFirst()
            self.cameras[camera.key] = label(
                placer.place(camera.id, size: font, anchor: camera.position, candidates: Array(candidates), shortenTo: 8), font)
        }
        let size = font * 0.9
        for zone in zones {
            let centre = zone.box.center
            self.zones[zone.key] = label(
                placer.place(
                    zone.name, size: size, anchor: centre,
                    candidates: LabelPlacer.around(centre, text: zone.name, size: size, rings: [0.5, 1, 1.5]),
                    within: zone.box, shortenTo: 4), size)
        }
    }
}
