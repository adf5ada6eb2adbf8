import GEOS
import PlanarGeometry
import SightlinePlan

/// The last stage of a camera's analysis: the measures site-wide rules
/// read — restricted areas near it (Art. 10), its view beyond the site
/// boundary (Art. 13, 33), who it watches for its owner (Art. 9 ¶1), and how
/// much a public-security camera's walls cost it (Art. 23 (2)).
struct CameraMeasures {
    let analyzer: CameraAnalyzer
    /// What the camera records on its level and, through voids, below.
    let view: ViewRegion
    /// Both views as one region, for the site-wide overlays: the view itself
    /// when nothing is seen below (so its geometry is not built twice).
    private let whole: ViewRegion

    init(analyzer: CameraAnalyzer, view: ViewRegion, viewBelow: ViewRegion?) {
        self.analyzer = analyzer
        self.view = view
        if let viewBelow, !viewBelow.isEmpty {
            whole = ViewRegion(view.polygons + viewBelow.polygons, context: view.context)
        } else {
            whole = view
        }
    }

    /// Each restricted area: its distance from the camera and how much of it
    /// the view covers.
    func restricted() throws -> [RestrictedMeasure] {
        let camera = analyzer.camera
        var out: [RestrictedMeasure] = []
        let box = Box(covering: whole.polygons)
        for r in analyzer.scene.site.restricted {
            var overlap = 0.0
            if let box, box.intersects(r.box), try whole.geometry().intersects(r.geometry) {
                overlap = try whole.geometry().intersection(r.geometry).area
            }
            out.append(
                RestrictedMeasure(
                    area: r.area, distance: PolygonRings.distance(from: camera.position, to: r.area.polygons), overlap: overlap))
        }
        return out
    }

    /// The view beyond the site boundary; `nil` when the plan has none.
    func offSite() throws -> OffSiteMeasure? {
        guard let boundary = analyzer.scene.site.boundary else { return nil }
        if try whole.isEmpty || boundary.containsProperly(whole.geometry()) { return OffSiteMeasure(area: 0, polygons: []) }
        let outside = try whole.geometry().difference(boundary.base)
        return OffSiteMeasure(area: try outside.area, polygons: try outside.polygons())
    }

    /// The zones a camera with an owner stands in, and the one its view
    /// covers most. Only such cameras pay for it: one overlay per zone the
    /// view's box meets.
    func ownership() throws -> OwnershipMeasure {
        let camera = analyzer.camera
        let scene = analyzer.scene
        var standing: [Zone] = []
        for index in scene.zoneIndex.query(Box(around: camera.position, radius: 0)).sorted()
        where scene.zones[index].zone.polygons.contains(where: { $0.covers(camera.position) }) {
            standing.append(scene.zones[index].zone)
        }
        var best: (zone: Zone, area: Double)?
        if let box = Box(covering: view.polygons) {
            let geometry = try view.geometry()
            for index in scene.zoneIndex.query(box).sorted() {
                let z = scene.zones[index]
                guard z.zone.category != .void, try z.prepared().intersects(geometry) else { continue }
                let area = try z.geometry().intersection(geometry).area
                if area > (best?.area ?? 0) { best = (z.zone, area) }
            }
        }
        return OwnershipMeasure(standingIn: standing, mostSeen: best)
    }

    /// The area the camera's field and band would cover with no wall at all
    /// (closed-form pieces from the sweep).
    func unobstructedArea(eye: Point2, optics: CameraOptics) -> Double {
        analyzer.sweepRegion(
            eye: eye, optics: optics, near: optics.nearLimit, far: optics.farLimit, segments: [],
            heading: Point2.unit(bearingDegrees: analyzer.camera.heading)
        ).reduce(0) { $0 + $1.area }
    }
}
