import PlanarGeometry
import SightlinePlan
import SightlineText

/// Monitoring rooms whose screens can be seen from a zone open to the
/// public: footage shown on a wall of monitors behind a clear window is
/// footage anyone in the corridor reads. Art. 16 ¶2 asks the managing unit
/// for measures against leakage, (iv) "other measures" among them; reading
/// a view into the room as such a leak is Sightline's judgement, which the
/// message says.
///
/// An element between the two is anything sight passes through on the
/// room's boundary: a transparent window, a passage or an open door
/// (``Opening/isSeeThrough``), or a glass wall. Each is probed a short step
/// to either side, across its own thickness: one side in the monitoring
/// room and the other in a zone of ``openToThePublic`` is a finding, one
/// per room and element. O(E·Z) for E elements and Z zones of a level:
/// a handful of monitoring rooms make both small in practice.
extension RuleContext {
    /// The zone categories whose occupants are the public rather than the
    /// unit's authorised staff.
    static let openToThePublic: Set<ZoneCategory> = Set(
        ["corridor", "lobby", "entrance", "retail", "dining", "parking", "stair", "elevator", "cashier", "outdoor", "public"]
            .map { ZoneCategory($0) })

    /// How far beyond an element's face its sides are probed: past the
    /// plaster, short of the next room.
    static let probeStep = 0.25

    func monitoringScreensExposed(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        for (level, content) in contents.sorted(by: { $0.key < $1.key }) {
            let rooms = content.zones.filter { $0.category == .monitoringRoom }
            guard !rooms.isEmpty else { continue }
            let publicZones = content.zones.filter { Self.openToThePublic.contains($0.category) }
            guard !publicZones.isEmpty else { continue }
            for element in Self.seeThroughElements(content) {
                for room in rooms {
                    guard let seen = element.connects(room, toOneOf: publicZones) else { continue }
                    let provision = rule.citation.reference
                    out.findings.append(
                        finding(rule, zone: room, level: level) { l in
                            l.t(
                                .messageMonitoringScreensExposed, describe(room, l), describe(seen, l),
                                l.t(element.phrase, element.id), l == .zh ? ArticleReference.zh(provision) : provision)
                        })
                }
            }
        }
        return out
    }

    /// Everything on `content` that sight passes through, as the segments
    /// it spans and how thick it is.
    static func seeThroughElements(_ content: LevelContents) -> [SeeThroughElement] {
        var elements: [SeeThroughElement] = []
        for opening in content.openings where opening.isSeeThrough {
            let phrase: Phrase =
                switch opening.type {
                case .window: .seeThroughWindow
                case .passage: .seeThroughPassage
                case .door: .seeThroughOpenDoor
                }
            switch opening.shape {
            case .line(let points) where points.count >= 2:
                elements.append(
                    SeeThroughElement(id: opening.id, phrase: phrase, segments: [(points[0], points[points.count - 1])], thickness: 0))
            case .point(let p, let width):
                elements.append(SeeThroughElement(id: opening.id, phrase: phrase, around: p, radius: width / 2))
            default: continue
            }
        }
        for wall in content.walls where wall.material == .glass {
            switch wall.shape {
            case .lines(let lines):
                let segments = lines.flatMap { line in zip(line, line.dropFirst()).map { ($0, $1) } }
                elements.append(
                    SeeThroughElement(id: wall.id, phrase: .seeThroughGlassWall, segments: segments, thickness: wall.thicknessMetres))
            case .polygons(let polygons):
                var segments: [(Point2, Point2)] = []
                for polygon in polygons { polygon.forEachEdge { segments.append(($0, $1)) } }
                elements.append(SeeThroughElement(id: wall.id, phrase: .seeThroughGlassWall, segments: segments, thickness: 0, solid: true))
            }
        }
        return elements
    }
}

/// One window, passage, open door or glass wall, reduced to where its two
/// sides are.
struct SeeThroughElement {
    let id: String
    /// How the message names it ("transparent window w1").
    let phrase: Phrase
    /// Pairs of points, one on each side, that sight joins through it.
    private var sides: [(Point2, Point2)] = []
    /// For a drawn polygon of glass: points just outside each edge, any two
    /// of which sight joins through the glass.
    private var outside: [Point2] = []

    /// An element drawn as centre lines (or, `solid`, as the outline of a
    /// glass polygon) of `thickness`.
    init(id: String, phrase: Phrase, segments: [(Point2, Point2)], thickness: Double, solid: Bool = false) {
        self.id = id
        self.phrase = phrase
        let step = thickness / 2 + RuleContext.probeStep
        for (a, b) in segments {
            let along = b - a
            let length = along.length
            guard length > 1e-9 else { continue }
            let normal = Point2(-along.y / length, along.x / length)
            let middle = a + along * 0.5
            if solid {
                outside += [middle + normal * RuleContext.probeStep, middle - normal * RuleContext.probeStep]
            } else {
                sides.append((middle + normal * step, middle - normal * step))
            }
        }
    }

    /// An opening drawn as a point of `radius`: its sides are the points
    /// around it, any two opposite ones.
    init(id: String, phrase: Phrase, around p: Point2, radius: Double) {
        self.id = id
        self.phrase = phrase
        let step = max(radius, 0.1) + RuleContext.probeStep
        for k in 0..<4 {
            let d = Point2.unit(angle: Double(k) * .pi / 4) * step
            sides.append((p + d, p - d))
        }
    }

    /// The first of `publicZones` this element lets one see `room` from.
    func connects(_ room: Zone, toOneOf publicZones: [Zone]) -> Zone? {
        func zone(at p: Point2) -> Zone? { publicZones.first { $0.polygons.contains { $0.covers(p) } } }
        let inRoom = { (p: Point2) in room.polygons.contains { $0.covers(p) } }
        for (a, b) in sides {
            if inRoom(a), let seen = zone(at: b) { return seen }
            if inRoom(b), let seen = zone(at: a) { return seen }
        }
        guard outside.contains(where: inRoom) else { return nil }
        for p in outside { if let seen = zone(at: p) { return seen } }
        return nil
    }
}
