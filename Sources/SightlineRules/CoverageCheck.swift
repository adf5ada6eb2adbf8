import SightlineEngine
import SightlinePlan

/// `coverage/required-uncovered`: a design requirement, not law.
extension RuleContext {
    func coverageUncovered(_ rule: RuleDefinition) -> RuleResult {
        var out = RuleResult()
        for measure in analysis.coverage where measure.fraction < measure.zone.coverageFraction {
            let zone = measure.zone
            let pct = { (x: Double) in DecimalText.fixed2(x * 100) }
            var note = ""
            if !measure.camerasWithoutResolution.isEmpty {
                note = "; cameras without a resolution cannot be counted: " + measure.camerasWithoutResolution.joined(separator: ", ")
            }
            out.findings.append(finding(rule, zone: zone, area: measure.coveredArea, message:
                "\(describe(zone)) is covered at \(measure.level.rawValue) level over \(DecimalText.fixed2(measure.coveredArea)) of \(DecimalText.fixed2(measure.zoneArea)) m² (\(pct(measure.fraction)) %), below the required \(pct(zone.coverageFraction)) %\(note)"))
        }
        return out
    }
}
