import PlanarGeometry
import SightlineEngine
import SightlineJSON
import SightlinePlan
import SightlineText

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
                var f = finding(rule, camera: c.camera, level: c.camera.info.level, area: sees ? r.overlap : nil) { l in
                    let why =
                        sees
                        ? l.t(.messageConsentSees, DecimalText.fixed2(r.overlap)) : l.t(.messageConsentNear, DecimalText.fixed2(r.distance))
                    return l.t(
                        .messageConsent, c.camera.id, why, ZoneCategoryNames.name(r.area.category.rawValue, l), r.area.id,
                        DecimalText.fixed2(parameters.consentDistance))
                }
                f.restrictedArea = r.area
                f.distance = r.distance
                // Near but not seeing it: only Sightline's distance says it
                // is 周边, so the finding is a warning.
                if !sees { f.severity = max(f.severity, .warning) }
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
        var indexes: [String: SignageIndex] = [:]
        for zone in plan.zones where profile.prohibited[zone.category] == nil && zone.category != .void {
            let seen = analysis.zoneViewAreas[zone.id] ?? 0
            guard seen >= parameters.minSignageViewArea else { continue }
            let level = zone.info.level
            let index = indexes[level] ?? SignageIndex(contents[level] ?? LevelContents())
            indexes[level] = index
            if index.hasSign(inside: zone) { continue }
            let doors = index.openings(onBoundaryOf: zone, tolerance: Self.openingOnBoundaryTolerance)
            if index.hasSign(within: parameters.signDistance, of: doors) { continue }
            out.findings.append(
                finding(rule, zone: zone, area: seen) { l in
                    l.t(.messageSignage, DecimalText.fixed2(seen), describe(zone, l), DecimalText.fixed2(parameters.signDistance))
                })
        }
        return out
    }

    func viewBeyondBoundary(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        let isPropertyRule = rule.check == .viewBeyondProperty
        // Art. 33 concerns private premises; the Art. 13 rule the public ones.
        if isPropertyRule != (plan.metadata.site.placeCategory == .nonPublic) { return out }
        guard !plan.boundaries.isEmpty else {
            out.notEvaluated = { $0.t(.reasonNoBoundary) }
            return out
        }
        for c in analysis.cameras {
            guard let off = c.offSite, off.area >= parameters.minOffSiteArea else { continue }
            out.findings.append(
                finding(rule, camera: c.camera, level: c.camera.info.level, area: off.area, geometry: off.polygons) { l in
                    l.t(isPropertyRule ? .messageBeyondProperty : .messageBeyondSite, c.camera.id, DecimalText.fixed2(off.area))
                })
        }
        return out
    }
}

/// Checks about who installs and runs cameras: the installer's standing
/// (Order 799 Art. 7 ¶3, Art. 9 ¶1), public-security cameras obstructed
/// (Art. 23 (2)), and the Chongqing measures' fixed positions (Art. 10) and
/// mandatory places (Art. 8).
extension RuleContext {
    /// Whether `owner` runs `zone` (a zone without `managedBy` is the operator's).
    private func manages(_ owner: String, _ zone: Zone) -> Bool {
        (zone.managedBy ?? plan.metadata.site.operatorName) == owner
    }

    /// A camera installed where its owner has no duty for the place.
    ///
    /// Art. 7 ¶3 and Art. 9 ¶1 govern who may install in a place: the unit
    /// with operating and management responsibility (经营管理责任, Art. 7) or
    /// the unit or person with the security duty (安全防范义务, Art. 9). The
    /// place is where the camera is installed — the zone it stands in; only
    /// a camera standing in no zone is judged by the zone its view covers
    /// most. A camera in its owner's own premises that mostly watches
    /// someone else's zone is not an unauthorized installation; a note says
    /// so, and that its angle and range are Art. 13's question.
    func installerUnauthorized(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        let operatorName = plan.metadata.site.operatorName
        for c in analysis.cameras {
            guard let owner = c.camera.owner, owner != operatorName, let ownership = c.ownership else { continue }
            let ownPremises = ownership.standingIn.filter { manages(owner, $0) }
            if let zone = ownPremises.first, plan.metadata.site.placeCategory == .art7Venue {
                out.notes.append((c.camera.info.index, Text(.noteTenantPremises) { _ in [c.camera.id, owner, zone.id] }))
            }
            if let own = ownPremises.first {
                if let seen = ownership.mostSeen, !manages(owner, seen.zone) {
                    let holder = seen.zone.managedBy ?? operatorName
                    out.notes.append(
                        (
                            c.camera.info.index,
                            Text(.noteWatchesAnothersZone) { l in
                                [
                                    c.camera.id, describe(own, l), owner, describe(seen.zone, l), DecimalText.fixed2(seen.area),
                                    holder ?? l.t(.messageSiteOperator),
                                ]
                            }
                        ))
                }
                continue
            }
            let place = ownership.standingIn.first ?? ownership.mostSeen?.zone
            guard let place, !manages(owner, place) else { continue }
            out.findings.append(
                finding(rule, camera: c.camera, zone: place) { l in
                    let holder = place.managedBy ?? operatorName ?? l.t(.messageSiteOperator)
                    let how =
                        ownership.standingIn.isEmpty
                        ? ownership.mostSeen.map { l.t(.messageInstallerShare, DecimalText.fixed2($0.area)) } ?? ""
                        : l.t(.messageInstallerStands)
                    return l.t(.messageInstaller, c.camera.id, owner, describe(place, l), how, holder)
                })
        }
        return out
    }

    /// A public-security camera whose field walls in the plan cut by more
    /// than `obstructionShare` (Sightline's share; the message says so, and
    /// that a wall is an act of 遮挡 only if put up after the camera).
    ///
    /// Art. 23 (2) protects equipment 依据本条例第七条规定安装: on a site that
    /// is not an Art. 7 place the rule is not applied, and the report says
    /// why.
    func publicCameraObstructed(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        guard let limit = parameters.obstructionShare else { return out }
        switch plan.metadata.site.placeCategory {
        case .art7Venue, .art7Infrastructure: break
        default:
            if analysis.cameras.contains(where: { $0.unobstructedArea != nil }) { out.notEvaluated = { $0.t(.reasonNotArticle7Place) } }
            return out
        }
        for c in analysis.cameras {
            guard let open = c.unobstructedArea, open > 0 else { continue }
            let cut = max(0, 1 - (c.viewArea + c.maskedArea) / open)
            guard cut > limit else { continue }
            out.findings.append(
                finding(rule, camera: c.camera, level: c.camera.info.level, area: open - c.viewArea - c.maskedArea) { l in
                    l.t(
                        .messageObstructed, c.camera.id, DecimalText.fixed2(c.viewArea + c.maskedArea), DecimalText.fixed2(open),
                        String(Int((cut * 100).rounded())), String(Int((limit * 100).rounded())))
                })
        }
        return out
    }

    /// How far a public-security camera may be from where the baseline plan
    /// has it, and how much its aim may differ, before it counts as moved
    /// or altered: Sightline's tolerances, for drawing noise, said in the
    /// message.
    static let baselinePositionTolerance = 0.10
    static let baselineAngleTolerance = 1.0

    /// Public-security cameras of the baseline plan (`check --baseline`)
    /// moved, altered or gone from their level in this plan: Art. 23 (2)'s
    /// 擅自改动、迁移、拆除, on Art. 7 sites. Whether it was authorised the
    /// plan cannot show, so each is a warning that says so.
    func publicCameraChanged(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        guard !baseline.isEmpty else { return out }
        switch plan.metadata.site.placeCategory {
        case .art7Venue, .art7Infrastructure: break
        default:
            out.notEvaluated = { $0.t(.reasonNotArticle7Place) }
            return out
        }
        let current = Dictionary(analysis.cameras.map { ($0.camera.id, $0.camera) }, uniquingKeysWith: { first, _ in first })
        let tolerances = (DecimalText.fixed2(Self.baselinePositionTolerance), DecimalText.fixed1(Self.baselineAngleTolerance))
        for before in baseline where contents[before.info.level] != nil || current[before.id] != nil {
            guard let now = current[before.id], now.publicSecurity else {
                // On a level this part covers, and not in it: gone from there.
                guard current[before.id] == nil, contents[before.info.level] != nil else { continue }
                out.findings.append(
                    finding(rule, level: before.info.level) { l in
                        l.t(.messagePublicCameraGone, before.id, before.info.level)
                    })
                continue
            }
            var changes: [(Language) -> String] = []
            let moved = now.position.distance(to: before.position)
            if now.info.level != before.info.level {
                changes.append { l in l.t(.changeLevel, before.info.level, now.info.level) }
            } else if moved > Self.baselinePositionTolerance {
                changes.append { l in l.t(.changeMoved, DecimalText.fixed2(moved)) }
            }
            let angles: [(String, Double, Double)] = [
                ("heading", before.heading, now.heading), ("tilt", before.tilt, now.tilt), ("hfov", before.hfov ?? 0, now.hfov ?? 0),
            ]
            for (name, a, b) in angles {
                // Headings compare round the circle: 359° and 1° are 2° apart.
                let raw = abs(b - a).truncatingRemainder(dividingBy: 360)
                let difference = name == "heading" ? min(raw, 360 - raw) : abs(b - a)
                if difference > Self.baselineAngleTolerance {
                    changes.append { _ in "\(name) \(DecimalText.fixed1(a))° → \(DecimalText.fixed1(b))°" }
                }
            }
            if now.type != before.type { changes.append { _ in "type \(before.type.rawValue) → \(now.type.rawValue)" } }
            guard !changes.isEmpty else { continue }
            out.findings.append(
                finding(rule, camera: now, level: now.info.level) { l in
                    l.t(
                        .messagePublicCameraChanged, now.id, changes.map { $0(l) }.joined(separator: l.t(.listSeparator)), tolerances.0,
                        tolerances.1)
                })
        }
        return out
    }

    /// Chongqing: marks must state a fixed position, angle and lens range; a
    /// PTZ camera changes all three.
    func ptzNotFixed(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        for c in analysis.cameras where c.camera.type == .ptz {
            out.findings.append(finding(rule, camera: c.camera, level: c.camera.info.level) { l in l.t(.messagePTZ, c.camera.id) })
        }
        return out
    }

    /// Places a profile requires cameras in (Chongqing Art. 8): zones of the
    /// rule's `categories` on a plan that holds one of its `ifPlanHas`
    /// categories, seen by less than `minSignageViewArea`.
    func mandatoryPlaceUncovered(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        let present = facts.zoneCategories
        guard rule.ifPlanHas.isEmpty || !present.isDisjoint(with: rule.ifPlanHas) else { return out }
        for zone in plan.zones where rule.categories.contains(zone.category) {
            let seen = analysis.zoneViewAreas[zone.id] ?? 0
            guard seen < parameters.minSignageViewArea else { continue }
            out.findings.append(
                finding(rule, zone: zone, area: seen) { l in
                    l.t(
                        .messageMandatory, DecimalText.fixed2(seen), describe(zone, l), DecimalText.fixed2(parameters.minSignageViewArea),
                        reference(rule.article, l))
                })
        }
        return out
    }
}
