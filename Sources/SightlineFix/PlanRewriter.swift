import PlanarGeometry
import SightlinePlan

/// Applies fixes to the plan's own JSON tree, changing nothing else: the
/// same features, ids, order and properties, with only the camera
/// properties a fix sets and the signs it adds.
public struct PlanRewriter {
    public enum Choice: String, CaseIterable, Sendable { case heading, tilt, mask, best }

    private var root: JSONObject
    private let frame: CoordinateFrame

    public init(plan: Plan) throws {
        guard let object = plan.document.objectValue else { throw RewriteError("the plan is not a JSON object") }
        root = object
        frame = plan.frame
    }

    /// What was applied, per camera id.
    public private(set) var applied: [String: String] = [:]

    public mutating func apply(_ plan: FixPlan, choice: Choice) {
        for fix in plan.cameras {
            let option: CameraFix.Option?
            switch choice {
            case .heading: option = fix.proposedHeading != nil || fix.proposedPan != nil ? .heading : nil
            case .tilt: option = fix.study.clearingTilt == nil ? nil : .tilt
            case .mask: option = fix.study.masks.isEmpty ? nil : .mask
            case .best: option = fix.best
            }
            guard let option, !fix.study.isInside else { continue }
            switch option {
            case .heading:
                if let pan = fix.proposedPan {
                    updateCamera(fix.camera.id) { props in
                        var ptz = props["ptz"]?.objectValue ?? JSONObject()
                        ptz["panMin"] = .number(pan.min)
                        ptz["panMax"] = .number(pan.max)
                        props["ptz"] = .object(ptz)
                    }
                    applied[fix.camera.id] = "pan \(pan.min)…\(pan.max)"
                } else if let heading = fix.proposedHeading {
                    updateCamera(fix.camera.id) { $0["heading"] = .number(heading) }
                    applied[fix.camera.id] = "heading \(heading)"
                }
            case .tilt:
                if let tilt = fix.study.clearingTilt {
                    updateCamera(fix.camera.id) { $0["tilt"] = .number(tilt) }
                    applied[fix.camera.id] = "tilt \(tilt)"
                }
            case .tiltAndHeading:
                if let both = fix.study.tiltAndHeading {
                    updateCamera(fix.camera.id) { props in
                        props["tilt"] = .number(both.tilt)
                        props["heading"] = .number(both.heading)
                    }
                    applied[fix.camera.id] = "tilt \(both.tilt), heading \(both.heading)"
                }
            case .mask:
                updateCamera(fix.camera.id) { props in
                    var masks = props["masks"]?.arrayValue ?? []
                    for (mask, _) in fix.study.masks {
                        var m = JSONObject()
                        m["azimuthFrom"] = .number(mask.azimuthFrom)
                        m["azimuthTo"] = .number(mask.sweep >= 360 ? mask.azimuthFrom + 360 : mask.azimuthTo)
                        if let e = mask.elevationFrom { m["elevationFrom"] = .number(e) }
                        if let e = mask.elevationTo { m["elevationTo"] = .number(e) }
                        masks.append(.object(m))
                    }
                    props["masks"] = .array(masks)
                }
                applied[fix.camera.id] = "\(fix.study.masks.count) mask\(fix.study.masks.count == 1 ? "" : "s")"
            }
        }
        var features = root["features"]?.arrayValue ?? []
        var ids = Set(features.compactMap { f in f.objectValue.flatMap { PlanDecoder.idString($0["id"]) ?? PlanDecoder.idString($0["properties"]?.objectValue?["id"]) } })
        for sign in plan.signs {
            var id = "sign-\(sign.zone.id)"
            var n = 2
            while ids.contains(id) { id = "sign-\(sign.zone.id)-\(n)"; n += 1 }
            ids.insert(id)
            let p = frame.toPlan(sign.position)
            let decimals = frame.outputDecimals
            let scale = (0..<decimals).reduce(1.0) { acc, _ in acc * 10 }
            var props = JSONObject()
            props["kind"] = .string("sign")
            props["level"] = .string(sign.zone.info.level)
            props["text"] = .string("视频监控区域 CCTV in operation")
            var geometry = JSONObject()
            geometry["type"] = .string("Point")
            geometry["coordinates"] = .numbers([(p.x * scale).rounded() / scale, (p.y * scale).rounded() / scale])
            var feature = JSONObject()
            feature["type"] = .string("Feature")
            feature["id"] = .string(id)
            feature["properties"] = .object(props)
            feature["geometry"] = .object(geometry)
            features.append(.object(feature))
            applied[id] = "sign added in \(sign.zone.id)"
        }
        root["features"] = .array(features)
    }

    private mutating func updateCamera(_ id: String, _ change: (inout JSONObject) -> Void) {
        guard var features = root["features"]?.arrayValue else { return }
        for i in features.indices {
            guard var f = features[i].objectValue else { continue }
            var props = f["properties"]?.objectValue ?? JSONObject()
            let fid = PlanDecoder.idString(f["id"]) ?? PlanDecoder.idString(props["id"])
            guard fid == id else { continue }
            change(&props)
            f["properties"] = .object(props)
            features[i] = .object(f)
        }
        root["features"] = .array(features)
    }

    public var bytes: [UInt8] {
        var w = JSONWriter()
        w.value(.object(root))
        return Array((w.string + "\n").utf8)
    }
}

public struct RewriteError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ d: String) { description = d }
}
