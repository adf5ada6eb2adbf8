import ArgumentParser
import Foundation
import PlanarGeometry
import SightlineCheck
import SightlineEngine
import SightlineFix
import SightlineIO
import SightlineJSON
import SightlinePlan
import SightlineReport
import SightlineRules
import SightlineText

extension PlanRewriter.Choice: ExpressibleByArgument {}

/// `sightline fix`: how to make each offending camera compliant.
struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Say how to make each camera with an Art. 8 error compliant (re-aim, mask, tilt, move), and apply it.",
        discussion: """
            Heading intervals are exact: the complement of the bearings at which the camera would see a \
            prohibited place, widened by half its field, refined at each end to the 0.01 m² threshold. \
            --apply writes a new plan with the chosen fix on each offending camera (and the signs Art. 13 \
            needs), re-checked first; nothing else in the plan changes.
            """)

    @Argument(help: "The plan file.") var plan: String
    @Flag(help: "Propose the compliant heading that keeps most of the current non-prohibited view (else the nearest).")
    var keepCoverage = false
    @Option(
        help:
            "Apply a fix: heading, tilt, mask, or best (of re-aim, tilt and both, the one keeping most view; else mask: a mask can be lifted)."
    ) var apply: PlanRewriter.Choice?
    @Option(name: .shortAndLong, help: "With --apply: where to write the fixed plan.") var output: String?
    @Option(
        help:
            "Installation tolerance, degrees: every proposed heading and tilt still clears when set this much either way (re-checked); 0 gives the edges."
    ) var margin: Double = 2
    @Option(name: .shortAndLong, help: "text or json.") var format: SimpleFormat = .text
    @OptionGroup var rulebook: RulebookOptions
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if apply != nil, output == nil { throw ValidationError("--apply needs -o FIXED.json") }
        if apply == nil, output != nil { throw ValidationError("-o is for --apply") }
        if !(0...20).contains(margin) { throw ValidationError("--margin: expected degrees from 0 to 20") }
    }

    func run() throws {
        let loaded: LoadedPlan
        do { loaded = try LoadedPlan.load(plan, profileOption: rulebook.profile) } catch {
            printProblems(error.problems)
            throw ExitCode(2)
        }
        let checker = PlanChecker(toolVersion: Sightline.version, profileOption: rulebook.profile, asOf: rulebook.checkDate, parallelism: 1)
        let report: CheckReport
        let session: PlanSession
        do { (report, session) = try checker.checkKeepingScenes(loaded) } catch {
            printProblems(error.problems)
            throw ExitCode(2)
        }
        let fixPlan: FixPlan
        do { fixPlan = try FixPlanner(keepCoverage: keepCoverage, margin: margin).plan(loaded, report: report, session: session) } catch {
            printProblems([PlanProblem(file: plan, message: "\(error)")])
            throw ExitCode(2)
        }

        var remaining: [Finding] = []
        var applied: [String: String] = [:]
        if let apply, let output {
            let result: FixApplication
            do throws(FixApplication.Failure) {
                result = try FixApplication.run(
                    loaded, first: fixPlan, choice: apply, checker: checker,
                    planner: FixPlanner(keepCoverage: keepCoverage, margin: margin), file: output)
            } catch {
                switch error {
                case .plan(let problems): printProblems(problems.problems)
                case .other(let message): printProblems([PlanProblem(file: plan, message: message)])
                }
                throw ExitCode(2)
            }
            applied = result.applied
            remaining = result.remaining
            try emit(Data(result.bytes), to: output)
        }
        let frame = loaded.plan.frame
        switch format {
        case .text: try emit(text(fixPlan, applied: applied, remaining: remaining, frame: frame, language.language(for: loaded)), to: nil)
        case .json: try emit(json(fixPlan, applied: applied, remaining: remaining, frame: frame), to: nil)
        }
        if apply != nil ? !remaining.isEmpty : report.errorCount > 0 { throw ExitCode(1) }
    }

    private func deg(_ x: Double) -> String { DecimalText.fixed1(x) + "°" }

    private func text(_ p: FixPlan, applied: [String: String], remaining: [Finding], frame: CoordinateFrame, _ l: Language) -> String {
        var lines: [String] = []
        if p.cameras.isEmpty && p.signs.isEmpty { lines.append(l.t(.fixNothing)) }
        let spare = "±" + deg(margin)
        if !p.cameras.isEmpty, margin > 0 { lines += [l.t(.fixMargin, spare), ""] }
        for fix in p.cameras {
            let c = fix.camera
            let what = fix.findings.map { f in
                "\(f.rule.split(separator: "/").last ?? "") \(f.zoneID ?? "")\(f.area.map { " \(DecimalText.fixed2($0)) m²" } ?? "")"
            }
            let type = l == .zh ? (Phrase.cameraType(c.type.rawValue).map { l.t($0) } ?? c.type.rawValue) : c.type.rawValue
            lines.append(l.t(.fixCamera, c.id, type, deg(c.heading), deg(c.tilt), what.joined(separator: l.t(.clauseSeparator))))
            if fix.study.isInside {
                let spot =
                    fix.study.relocation.map { p in
                        let q = frame.toPlan(p)
                        return l.t(.fixSpot, DecimalText.fixed2(q.x), DecimalText.fixed2(q.y))
                    }
                    ?? l.t(.fixNoSpot)
                lines.append(l.t(.fixMove, spot))
                if let best = fix.best {
                    let option: Phrase = best == .remove ? .optionRemove : .optionMove
                    lines.append(l.t(.fixBest, l == .en ? best.rawValue : l.t(option), applied[c.id].map { l.t(.fixApplied, $0) } ?? ""))
                }
                lines.append("")
                continue
            }
            if let h = fix.headingWithoutMargin { lines.append(l.t(.fixHeadingNoMargin, deg(h), spare)) }
            if c.type == .fisheye {
                lines.append(l.t(.fixFisheye))
            } else if fix.headings.isEmpty {
                lines.append(l.t(c.type == .ptz ? .fixNoPan : .fixNoHeading))
            } else {
                let intervals = fix.headings.map {
                    $0.isFullCircle ? l.t(.fixAny) : "\(deg($0.from))–\(deg(normalizedBearing($0.from + $0.sweep)))"
                }
                lines.append(l.t(c.type == .ptz ? .fixPans : .fixHeadings, intervals.joined(separator: ", ")))
                if let h = fix.proposedHeading, let kept = fix.keptArea {
                    let pct = fix.study.allowedArea > 0 ? kept / fix.study.allowedArea * 100 : 100
                    lines.append(
                        l.t(
                            .fixProposed, deg(h), l.t(keepCoverage ? .fixKeepsMost : .fixNearest), DecimalText.fixed2(kept),
                            DecimalText.fixed2(fix.study.allowedArea), DecimalText.fixed1(pct)))
                }
                if let pan = fix.proposedPan { lines.append(l.t(.fixProposedPan, deg(pan.min), deg(pan.max))) }
            }
            for (mask, cost) in fix.study.masks {
                let elevation =
                    (mask.elevationFrom != nil || mask.elevationTo != nil)
                    ? l.t(.fixElevation, mask.elevationFrom.map(deg) ?? l.t(.fixBottom), mask.elevationTo.map(deg) ?? l.t(.fixTop))
                    : l.t(.fixWholeHeight)
                lines.append(l.t(.fixMask, deg(mask.azimuthFrom), deg(mask.azimuthTo), elevation, DecimalText.fixed2(cost)))
            }
            if let t = fix.study.clearingTilt {
                let kept = fix.study.clearingTiltKeptArea.map { l.t(.fixTiltKept, DecimalText.fixed2($0)) } ?? ""
                lines.append(l.t(.fixTilt, deg(t), deg(c.tilt), kept))
            } else if let edge = fix.study.clearingTiltEdge {
                lines.append(l.t(.fixTiltNoMargin, deg(edge), spare))
            } else if c.type == .fixed {
                lines.append(l.t(.fixNoTilt))
            }
            if let both = fix.study.tiltAndHeading {
                lines.append(l.t(.fixBoth, deg(both.tilt), deg(both.heading), DecimalText.fixed2(both.keptArea)))
            }
            if let best = fix.best {
                let option: Phrase =
                    switch best {
                    case .heading: .optionHeading
                    case .tilt: .optionTilt
                    case .tiltAndHeading: .optionTiltAndHeading
                    case .mask: .optionMask
                    case .move: .optionMove
                    case .remove: .optionRemove
                    }
                lines.append(l.t(.fixBest, l == .en ? best.rawValue : l.t(option), applied[c.id].map { l.t(.fixApplied, $0) } ?? ""))
            } else {
                lines.append(l.t(.fixBestNone))
            }
            lines.append("")
        }
        for sign in p.signs {
            let q = frame.toPlan(sign.position)
            let name = sign.zone.name.map { l.t(.aside, $0) } ?? ""
            lines.append(
                l.t(
                    .fixSign, sign.zone.id, name, DecimalText.fixed2(q.x), DecimalText.fixed2(q.y),
                    sign.opening.map { l.t(.fixSignOpening, $0) } ?? ""))
        }
        if apply != nil, let output {
            lines.append("")
            if remaining.isEmpty {
                lines.append(l.t(.fixWroteClean, output))
            } else {
                lines.append(l.t(.fixWroteRemaining, output, l.count(remaining.count, .errorsOne, .errorsMany)))
                for f in remaining { lines.append("  \(f.rule): \(f.message(in: l))") }
            }
        }
        return TerminalText.lines(lines)
    }

    private func json(_ p: FixPlan, applied: [String: String], remaining: [Finding], frame: CoordinateFrame) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("margin", margin, decimals: 1)
        w.key("cameras")
        w.beginArray()
        for fix in p.cameras {
            w.beginObject()
            w.field("camera", fix.camera.id)
            w.field("type", fix.camera.type.rawValue)
            w.field("heading", fix.camera.heading, decimals: 1)
            w.field("tilt", fix.camera.tilt, decimals: 1)
            w.key("fixes")
            w.beginArray()
            for f in fix.findings {
                w.beginObject()
                w.field("rule", f.rule)
                w.field("zone", f.zoneID)
                w.key("area")
                if let a = f.area { w.number(a, decimals: 4) } else { w.null() }
                w.endObject()
            }
            w.endArray()
            w.key("options")
            w.beginObject()
            if fix.study.isInside {
                w.key("move")
                w.beginObject()
                w.field("reason", Language.en.t(.fixInsideReason))
                if let r = fix.study.relocation {
                    w.key("nearestAllowed")
                    w.inlinePair(frame.toPlan(r).x, frame.toPlan(r).y, decimals: frame.outputDecimals)
                }
                w.endObject()
            } else {
                w.key("heading")
                w.beginObject()
                w.key("compliant")
                w.beginArray()
                for i in fix.headings {
                    w.beginObject()
                    w.field("from", i.from, decimals: 1)
                    w.field("to", normalizedBearing(i.from + i.sweep), decimals: 1)
                    w.field("sweep", i.sweep, decimals: 1)
                    w.endObject()
                }
                w.endArray()
                w.key("proposed")
                if let h = fix.proposedHeading { w.number(h, decimals: 1) } else { w.null() }
                w.key("keptArea")
                if let k = fix.keptArea { w.number(k, decimals: 2) } else { w.null() }
                w.field("allowedArea", fix.study.allowedArea, decimals: 2)
                if let pan = fix.proposedPan {
                    w.key("pan")
                    w.beginObject()
                    w.field("panMin", pan.min, decimals: 1)
                    w.field("panMax", pan.max, decimals: 1)
                    w.endObject()
                }
                w.endObject()
                w.key("mask")
                w.beginArray()
                for (mask, cost) in fix.study.masks {
                    w.beginObject()
                    w.field("azimuthFrom", mask.azimuthFrom, decimals: 1)
                    w.field("azimuthTo", mask.azimuthTo, decimals: 1)
                    if let e = mask.elevationFrom { w.field("elevationFrom", e, decimals: 1) }
                    if let e = mask.elevationTo { w.field("elevationTo", e, decimals: 1) }
                    w.field("cost", cost, decimals: 2)
                    w.endObject()
                }
                w.endArray()
                w.key("tilt")
                if let t = fix.study.clearingTilt { w.number(t, decimals: 1) } else { w.null() }
                w.key("tiltEdge")
                if let t = fix.study.clearingTiltEdge { w.number(t, decimals: 1) } else { w.null() }
                w.key("headingWithoutMargin")
                if let h = fix.headingWithoutMargin { w.number(h, decimals: 1) } else { w.null() }
                w.key("tiltKeptArea")
                if let k = fix.study.clearingTiltKeptArea { w.number(k, decimals: 2) } else { w.null() }
                w.key("tiltAndHeading")
                if let both = fix.study.tiltAndHeading {
                    w.beginObject()
                    w.field("tilt", both.tilt, decimals: 1)
                    w.field("heading", both.heading, decimals: 1)
                    w.field("keptArea", both.keptArea, decimals: 2)
                    w.endObject()
                } else {
                    w.null()
                }
            }
            w.endObject()
            w.field("best", fix.best?.rawValue)
            w.field("applied", applied[fix.camera.id])
            w.endObject()
        }
        w.endArray()
        w.key("signs")
        w.beginArray()
        for sign in p.signs {
            let q = frame.toPlan(sign.position)
            w.beginObject()
            w.field("zone", sign.zone.id)
            w.key("position")
            w.inlinePair(q.x, q.y, decimals: frame.outputDecimals)
            w.field("opening", sign.opening)
            w.endObject()
        }
        w.endArray()
        if apply != nil {
            w.key("remainingErrors")
            w.beginArray()
            for f in remaining {
                w.beginObject()
                w.field("rule", f.rule)
                w.field("camera", f.cameraID)
                w.field("zone", f.zoneID)
                w.field("message", f.message)
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        return w.string + "\n"
    }
}
