import SightlineEngine
import SightlineJSON
import SightlinePlan

/// `coverage/required-uncovered`: a design requirement, not law.
extension RuleContext {
    func coverageUncovered(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        for measure in analysis.coverage where measure.fraction < measure.zone.coverageFraction {
            let zone = measure.zone
            let pct = { (x: Double) in DecimalText.fixed2(x * 100) }
            out.findings.append(
                finding(rule, zone: zone, area: measure.coveredArea) { l in
                    let note =
                        measure.camerasWithoutResolution.isEmpty
                        ? ""
                        : l.t(.messageCoverageUncounted, measure.camerasWithoutResolution.joined(separator: l.t(.listSeparator)))
                    return l.t(
                        .messageCoverage, describe(zone, l), measure.level.rawValue, DecimalText.fixed2(measure.coveredArea),
                        DecimalText.fixed2(measure.zoneArea), pct(measure.fraction), pct(zone.coverageFraction), note)
                })
        }
        return out
    }
}
