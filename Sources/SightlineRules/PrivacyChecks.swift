import PlanarGeometry
import SightlineEngine
import SightlineJSON
import SightlinePlan
import SightlineText

/// Checks about private places: cameras inside them, views and microphones
/// reaching into them (Order 799 Art. 8; Chongqing Art. 9).
extension RuleContext {
    /// Whether the privacy rules apply to `zone`: its category is
    /// prohibited and, on a "non-public" homestay, one that makes it public.
    private func isProhibited(_ zone: Zone) -> Bool {
        profile.prohibited[zone.category] != nil && (privateScope?.contains(zone.category) ?? true)
    }

    func cameraInside(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        // A mask never excuses a camera inside a private room: it can be lifted.
        for c in analysis.cameras {
            for zone in c.insideZones where isProhibited(zone) {
                let item = profile.prohibited[zone.category] ?? ""
                // The ban is the first provision (Art. 8 ¶1 and its item);
                // ¶2, quoted after it, sets the manager's duty, not the ban.
                let ban = rule.citation.provisions.first?.reference ?? rule.citation.reference
                let provision = ban.replacingOccurrences(of: "{item}", with: item)
                out.findings.append(
                    finding(rule, camera: c.camera, zone: zone) { l in
                        l.t(.messageCameraInside, c.camera.id, describe(zone, l), l == .zh ? ArticleReference.zh(provision) : provision)
                    })
            }
        }
        return out
    }

    /// Views into prohibited zones the camera does not itself stand in: one
    /// installation is one Art. 8 violation, and a camera inside a zone has
    /// `camera-inside` for it.
    func viewIntrusion(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        for c in analysis.cameras {
            let standingIn = Set(c.insideZones.map(\.id))
            for intrusion in c.intrusions
            where intrusion.area >= parameters.minIntrusionArea && isProhibited(intrusion.zone) && !standingIn.contains(intrusion.zone.id) {
                let masked = c.maskedIntrusions.first { $0.zone.id == intrusion.zone.id }?.area ?? 0
                out.findings.append(
                    evidence(rule, camera: c.camera, intrusion) { l in
                        l.t(.messageCameraSees, c.camera.id, DecimalText.fixed2(intrusion.area), describe(intrusion.zone, l))
                            + through(intrusion.zone, from: c.camera.info.level, l) + detail(intrusion, l)
                            + (masked > 0 ? l.t(.messageMaskNote, DecimalText.fixed2(masked)) : "")
                    })
            }
        }
        return out
    }

    func viewMasked(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        for c in analysis.cameras {
            let reported = Set(c.intrusions.filter { $0.area >= parameters.minIntrusionArea }.map(\.zone.id) + c.insideZones.map(\.id))
            for hidden in c.maskedIntrusions
            where hidden.area >= parameters.minIntrusionArea && !reported.contains(hidden.zone.id) && isProhibited(hidden.zone) {
                out.findings.append(
                    evidence(rule, camera: c.camera, hidden) { l in
                        l.t(.messageMasked, DecimalText.fixed2(hidden.area), c.camera.id, describe(hidden.zone, l))
                    })
            }
        }
        return out
    }

    func audioIntrusion(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        for c in analysis.cameras {
            for (zone, distance) in c.audioZones where isProhibited(zone) {
                var f = finding(rule, camera: c.camera, zone: zone) { l in
                    l.t(
                        .messageMicrophone, c.camera.id, DecimalText.fixed2(distance), describe(zone, l),
                        DecimalText.fixed2(c.camera.audioRange ?? 0))
                }
                f.distance = distance
                out.findings.append(f)
            }
        }
        return out
    }

    /// A level with cameras and no zones at all: no camera on it can be shown
    /// to stay out of a toilet or a guest room, so the plan must not pass
    /// for it (a drawing whose room layers were not recognised used to
    /// check as PASS, and a portfolio read that as compliant). One finding
    /// a level, naming how many cameras it holds.
    func privacyNotEvaluated(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        var zoned = Set<String>()
        for zone in analysis.plan.zones { zoned.insert(zone.info.level) }
        var cameras: [String: Int] = [:]
        var order: [String] = []
        for c in analysis.cameras where !zoned.contains(c.camera.info.level) {
            if cameras[c.camera.info.level] == nil { order.append(c.camera.info.level) }
            cameras[c.camera.info.level, default: 0] += 1
        }
        for level in order {
            let count = cameras[level] ?? 0
            out.findings.append(
                finding(rule, level: level) { l in
                    l.t(.messagePrivacyNotEvaluated, level, l.count(count, .camerasOne, .camerasMany))
                })
        }
        return out
    }

    /// A "non-public" plan holding guest rooms or private dining rooms: a
    /// homestay receiving guests is 经营接待食宿场所, a public place for those
    /// rooms, so the privacy rules run on them.
    func placeContradiction(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        guard let scope = privateScope else { return out }
        for zone in plan.zones where scope.contains(zone.category) {
            let provision = rule.citation.reference.replacingOccurrences(of: "{item}", with: profile.prohibited[zone.category] ?? "")
            out.findings.append(
                finding(rule, zone: zone) { l in
                    l.t(.messageNonPublicGuestRooms, describe(zone, l), l == .zh ? ArticleReference.zh(provision) : provision)
                })
        }
        return out
    }

    /// Views into rooms of a home that others use (a lodger's bedroom, a
    /// shared bathroom): Art. 33 forbids infringing others' rights.
    func viewIntoOccupied(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        guard plan.metadata.site.placeCategory == .nonPublic else { return out }
        for c in analysis.cameras {
            for zone in c.insideZones where zone.occupiedByOthers && !isProhibited(zone) {
                out.findings.append(
                    finding(rule, camera: c.camera, zone: zone) { l in
                        l.t(.messageInstalledInside, c.camera.id, describe(zone, l)) + l.t(.messageOccupiedInside)
                    })
            }
            let inside = Set(c.insideZones.map(\.id))
            for intrusion in c.intrusions
            where intrusion.zone.occupiedByOthers && intrusion.area >= parameters.minIntrusionArea && !inside.contains(intrusion.zone.id) {
                out.findings.append(
                    evidence(rule, camera: c.camera, intrusion) { l in
                        l.t(.messageCameraSees, c.camera.id, DecimalText.fixed2(intrusion.area), describe(intrusion.zone, l))
                            + l.t(.messageOccupiedInside)
                    })
            }
        }
        return out
    }

    /// Microphones of a home camera within reach of rooms others occupy (a
    /// lodger's bedroom, a neighbour's flat drawn as a zone): Art. 33's
    /// "侵犯他人的合法权益" read for sound as Art. 8 ¶1 (iv) reads 窃听 for
    /// public places. Walls are not modelled for sound.
    func audioIntoOccupied(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        guard plan.metadata.site.placeCategory == .nonPublic else { return out }
        for c in analysis.cameras {
            for (zone, distance) in c.audioZones where zone.occupiedByOthers && !isProhibited(zone) {
                var f = finding(rule, camera: c.camera, zone: zone) { l in
                    l.t(
                        .messageMicrophone, c.camera.id, DecimalText.fixed2(distance), describe(zone, l),
                        DecimalText.fixed2(c.camera.audioRange ?? 0)) + l.t(.messageOccupiedInside)
                }
                f.distance = distance
                out.findings.append(f)
            }
        }
        return out
    }

    /// Home cameras whose view covers a military or confidential unit's
    /// area: Art. 10 governs installations under the Regulations (public
    /// places), so in a non-public place the plan is judged by Art. 33's
    /// "不得危害公共安全"; that filming such an area endangers public
    /// security is Sightline's reading, and the message says so.
    func viewIntoRestricted(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        guard plan.metadata.site.placeCategory == .nonPublic else { return out }
        for c in analysis.cameras {
            for r in c.restricted where r.overlap >= parameters.minConsentViewArea {
                var f = finding(rule, camera: c.camera, level: c.camera.info.level, area: r.overlap) { l in
                    l.t(
                        .messageRestrictedSeenFromHome, c.camera.id, DecimalText.fixed2(r.overlap),
                        ZoneCategoryNames.name(r.area.category.rawValue, l), r.area.id)
                }
                f.restrictedArea = r.area
                f.distance = r.distance
                out.findings.append(f)
            }
        }
        return out
    }

    /// A finding about an overlap, carrying its polygon, area, distance and
    /// pixel density as evidence.
    private func evidence(_ rule: RuleDefinition, camera: Camera, _ intrusion: Intrusion, say: (Language) -> String) -> Finding {
        var f = finding(rule, camera: camera, zone: intrusion.zone, area: intrusion.area, geometry: intrusion.polygons, say: say)
        f.distance = intrusion.nearestDistance
        f.pixelDensity = intrusion.maxDensity
        f.dori = intrusion.dori?.rawValue
        return f
    }

    /// " on level 1F below, through a void" for a zone on another level.
    private func through(_ zone: Zone, from level: String, _ l: Language) -> String {
        zone.info.level == level ? "" : l.t(.messageThroughVoid, zone.info.level)
    }

    /// " (nearest 8.00 m, 120 px/m: observe: a person's clothing and actions can be observed)".
    private func detail(_ intrusion: Intrusion, _ l: Language) -> String {
        guard let density = intrusion.maxDensity else { return "" }
        let level = Phrase.dori(intrusion.dori?.rawValue)
        return l.t(.messageDetail, DecimalText.fixed2(intrusion.nearestDistance), String(Int(density.rounded())), l.t(level))
    }
}
