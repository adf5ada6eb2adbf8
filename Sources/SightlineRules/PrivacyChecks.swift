import PlanarGeometry
import SightlineEngine
import SightlinePlan

/// Checks about private places: cameras inside them, views and microphones
/// reaching into them (Order 799 Art. 8; Chongqing Art. 9).
extension RuleContext {
    private func isProhibited(_ zone: Zone) -> Bool { profile.prohibited[zone.category] != nil }

    func cameraInside(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        // A mask never excuses a camera inside a private room: it can be lifted.
        for c in analysis.cameras {
            for zone in c.insideZones where isProhibited(zone) {
                let item = profile.prohibited[zone.category] ?? ""
                out.findings.append(finding(rule, camera: c.camera.id, zone: zone, message:
                    "camera \(c.camera.id) is installed inside \(describe(zone)), where \(rule.citation.reference.replacingOccurrences(of: "{item}", with: item)) forbids any camera"))
            }
        }
        return out
    }

    func viewIntrusion(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        for c in analysis.cameras {
            for intrusion in c.intrusions where intrusion.area >= parameters.minIntrusionArea && isProhibited(intrusion.zone) {
                let masked = c.maskedIntrusions.first { $0.zone.id == intrusion.zone.id }?.area ?? 0
                let maskNote = masked > 0 ? " (masks hide another \(DecimalText.fixed2(masked)) m²)" : ""
                out.findings.append(evidence(rule, camera: c.camera.id, intrusion, message:
                    "camera \(c.camera.id) sees \(DecimalText.fixed2(intrusion.area)) m² inside \(describe(intrusion.zone))"
                        + through(intrusion.zone, from: c.camera.info.level) + detail(intrusion) + maskNote))
            }
        }
        return out
    }

    func viewMasked(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        for c in analysis.cameras {
            let reported = Set(c.intrusions.filter { $0.area >= parameters.minIntrusionArea }.map(\.zone.id))
            for hidden in c.maskedIntrusions
            where hidden.area >= parameters.minIntrusionArea && !reported.contains(hidden.zone.id) && isProhibited(hidden.zone) {
                out.findings.append(evidence(rule, camera: c.camera.id, hidden, message:
                    "privacy masks hide the \(DecimalText.fixed2(hidden.area)) m² camera \(c.camera.id) would see inside \(describe(hidden.zone)); a mask can be switched off"))
            }
        }
        return out
    }

    func audioIntrusion(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        for c in analysis.cameras {
            for (zone, distance) in c.audioZones where isProhibited(zone) {
                var f = finding(rule, camera: c.camera.id, zone: zone, message:
                    "camera \(c.camera.id)'s microphone is \(DecimalText.fixed2(distance)) m from \(describe(zone)), within its \(DecimalText.fixed2(c.camera.audioRange ?? 0)) m range (walls are not modelled for sound)")
                f.distance = distance
                out.findings.append(f)
            }
        }
        return out
    }

    /// A finding about an overlap, carrying its polygon, area, distance and
    /// pixel density as evidence.
    private func evidence(_ rule: RuleDefinition, camera: String, _ intrusion: Intrusion, message: String) -> Finding {
        var f = finding(rule, camera: camera, zone: intrusion.zone, area: intrusion.area, geometry: intrusion.polygons, message: message)
        f.distance = intrusion.nearestDistance
        f.pixelDensity = intrusion.maxDensity
        f.dori = intrusion.dori?.rawValue
        return f
    }

    /// " on level 1F below, through a void" for a zone on another level.
    private func through(_ zone: Zone, from level: String) -> String {
        zone.info.level == level ? "" : " on level \(zone.info.level) below, through a void"
    }

    /// " (nearest 8.00 m, 120 px/m: observe: a person's clothing and actions can be observed)".
    private func detail(_ intrusion: Intrusion) -> String {
        guard let density = intrusion.maxDensity else { return "" }
        let level = intrusion.dori.map { "\($0.rawValue): \($0.meaning)" } ?? "below monitor level"
        return " (nearest \(DecimalText.fixed2(intrusion.nearestDistance)) m, \(Int(density.rounded())) px/m: \(level))"
    }
}
