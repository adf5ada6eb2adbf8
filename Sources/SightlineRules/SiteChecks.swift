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
