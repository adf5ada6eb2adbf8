import PlanarGeometry
import SightlineEngine
import SightlinePlan

/// Checks about the site: consent near restricted areas (Art. 10), warning
/// signs (Art. 13), views beyond the boundary (Art. 13, Art. 33).
extension RuleContext {
    func consentMissing(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        for c in analysis.cameras where c.camera.consentRef == nil {
            for r in c.restricted where r.area.consentRef == nil {
                let near = r.distance <= parameters.consentDistance
                let sees = r.overlap >= parameters.minConsentViewArea
                guard near || sees else { continue }
                let why = sees ? "its view covers \(DecimalText.fixed2(r.overlap)) m² of" : "it is \(DecimalText.fixed2(r.distance)) m from"
                var f = finding(rule, camera: c.camera.id, level: c.camera.info.level, area: sees ? r.overlap : nil, message:
                    "camera \(c.camera.id) has no consent reference, but \(why) the \(r.area.category.rawValue.replacingOccurrences(of: "_", with: " ")) area \(r.area.id) (within \(DecimalText.fixed2(parameters.consentDistance)) m needs prior consent)")
                f.zone = r.area.id
                f.zoneCategory = r.area.category.rawValue
                f.distance = r.distance
                out.findings.append(f)
            }
        }
        return out
    }

    /// How near an opening must be to a zone's edge to count as on its
    /// boundary: walls drawn at their centre lines put the opening up to half
    /// a wall's thickness from the zone's edge.
    static let openingOnBoundaryTolerance = 0.25

    func signageMissing(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        for zone in plan.zones where profile.prohibited[zone.category] == nil && zone.category != .void {
            let seen = analysis.zoneViewAreas[zone.id] ?? 0
            guard seen >= parameters.minSignageViewArea else { continue }
            let signs = plan.signs.filter { $0.info.level == zone.info.level }
            if signs.contains(where: { sign in zone.polygons.contains { $0.covers(sign.position) } }) { continue }
            let doors = openings(onBoundaryOf: zone)
            let nearDoor = signs.contains { sign in
                doors.contains { $0.contains { $0.distance(to: sign.position) <= parameters.signDistance } }
            }
            if nearDoor { continue }
            out.findings.append(finding(rule, zone: zone, area: seen, message:
                "the cameras see at least \(DecimalText.fixed2(seen)) m² of \(describe(zone)) but no sign stands inside it or within \(DecimalText.fixed2(parameters.signDistance)) m of an opening on its boundary"))
        }
        return out
    }

    /// The openings of a zone's level that lie on its boundary, as segments.
    func openings(onBoundaryOf zone: Zone) -> [[Segment]] {
        let edges = zone.polygons.flatMap(\.edges)
        return plan.openings.filter { $0.info.level == zone.info.level }.compactMap { opening -> [Segment]? in
            let pieces: [Segment]
            switch opening.shape {
            case .line(let points): pieces = zip(points, points.dropFirst()).map { Segment($0, $1) }
            case .point(let p, _): pieces = [Segment(p, p)]
            }
            let onEdge = pieces.contains { piece in edges.contains { $0.distance(to: piece) <= Self.openingOnBoundaryTolerance } }
            return onEdge ? pieces : nil
        }
    }

    func viewBeyondBoundary(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        let isPropertyRule = rule.check == .viewBeyondProperty
        // Art. 33 concerns private premises; the Art. 13 rule the public ones.
        if isPropertyRule != (plan.metadata.site.placeCategory == .nonPublic) { return out }
        guard !plan.boundaries.isEmpty else {
            out.notEvaluated = "the plan has no site boundary"
            return out
        }
        for c in analysis.cameras {
            guard let off = c.offSite, off.area >= parameters.minOffSiteArea else { continue }
            let whose = isPropertyRule ? "the property" : "the site"
            out.findings.append(finding(rule, camera: c.camera.id, level: c.camera.info.level, area: off.area, geometry: off.polygons,
                                        message: "camera \(c.camera.id) sees \(DecimalText.fixed2(off.area)) m² outside \(whose) boundary"))
        }
        return out
    }
}
