import PlanarGeometry
import SightlineJSON
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

    /// Sets each offending camera's chosen fix (`choice`) and adds the signs
    /// the plan lacks.
    ///
    /// The cameras' changes are gathered first and made in one pass over the
    /// features: a pass for each camera was O(cameras × features), 18 of
    /// the 20 s `fix --apply best` took on a 160-floor hotel.
    public mutating func apply(_ plan: FixPlan, choice: Choice) {
        var changes: [String: (inout JSONObject) -> Void] = [:]
        var removals: Set<String> = []
        func updateCamera(_ id: String, _ change: @escaping (inout JSONObject) -> Void) {
            let earlier = changes[id]
            changes[id] = { feature in
                earlier?(&feature)
                Self.changeProperties(of: &feature, change)
            }
        }
        for fix in plan.cameras {
            let option: CameraFix.Option?
            switch choice {
            case .heading: option = fix.proposedHeading != nil || fix.proposedPan != nil ? .heading : nil
            case .tilt: option = fix.study.clearingTilt == nil ? nil : .tilt
            case .mask: option = fix.study.masks.isEmpty ? nil : .mask
            case .best: option = fix.best
            }
            guard let option else { continue }
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
                    props["masks"] = .array((props["masks"]?.arrayValue ?? []) + Self.json(fix.study.masks.map(\.mask)))
                }
                applied[fix.camera.id] = "\(fix.study.masks.count) mask\(fix.study.masks.count == 1 ? "" : "s")"
            case .move:
                // Its aim is kept: a view the move turns into a private place is the next round's to fix.
                if let spot = fix.study.relocation {
                    let position = planPosition(spot)
                    changes[fix.camera.id] = { feature in
                        var geometry = feature["geometry"]?.objectValue ?? JSONObject()
                        geometry["coordinates"] = .numbers(position)
                        feature["geometry"] = .object(geometry)
                    }
                    applied[fix.camera.id] = "moved to (\(DecimalText.fixed2(position[0])), \(DecimalText.fixed2(position[1])))"
                }
            case .remove:
                removals.insert(fix.camera.id)
                applied[fix.camera.id] = "removed: no lawful spot on its level"
            }
        }
        updateFeatures(changes)
        if !removals.isEmpty {
            changingFeatures { features in features.removeAll { $0.objectValue.flatMap(Self.id(of:)).map(removals.contains) ?? false } }
        }
        var ids = featureIDs
        var signs: [JSONValue] = []
        for sign in plan.signs {
            var id = "sign-\(sign.zone.id)"
            var n = 2
            while ids.contains(id) {
                id = "sign-\(sign.zone.id)-\(n)"
                n += 1
            }
            ids.insert(id)
            var props = JSONObject()
            props["kind"] = .string("sign")
            props["level"] = .string(sign.zone.info.level)
            props["text"] = .string("视频监控区域 CCTV in operation")
            var geometry = JSONObject()
            geometry["type"] = .string("Point")
            geometry["coordinates"] = .numbers(planPosition(sign.position))
            var feature = JSONObject()
            feature["type"] = .string("Feature")
            feature["id"] = .string(id)
            feature["properties"] = .object(props)
            feature["geometry"] = .object(geometry)
            signs.append(.object(feature))
            applied[id] = "sign added in \(sign.zone.id)"
        }
        changingFeatures { $0 += signs }
    }

    /// A point of the engine's frame as the plan writes it: its own
    /// coordinates, rounded to the plan's output decimals.
    private func planPosition(_ p: Point2) -> [Double] {
        let q = frame.toPlan(p)
        let scale = (0..<frame.outputDecimals).reduce(1.0) { acc, _ in acc * 10 }
        return [(q.x * scale).rounded() / scale, (q.y * scale).rounded() / scale]
    }

    /// Changes a feature's `properties` object in place (made when missing).
    private static func changeProperties(of feature: inout JSONObject, _ change: (inout JSONObject) -> Void) {
        var props = feature["properties"]?.objectValue ?? JSONObject()
        change(&props)
        feature["properties"] = .object(props)
    }

    /// Masks as a camera's `masks` property writes them (a full circle as
    /// `azimuthTo` = `azimuthFrom` + 360): what `fix --apply mask` and the
    /// planner's suggestion both add.
    public static func json(_ masks: [PrivacyMask]) -> [JSONValue] {
        masks.map { mask in
            var m = JSONObject([
                ("azimuthFrom", .number(mask.azimuthFrom)),
                ("azimuthTo", .number(mask.sweep >= 360 ? mask.azimuthFrom + 360 : mask.azimuthTo)),
            ])
            if let e = mask.elevationFrom { m["elevationFrom"] = .number(e) }
            if let e = mask.elevationTo { m["elevationTo"] = .number(e) }
            return .object(m)
        }
    }

    private static func id(of feature: JSONObject) -> String? {
        PlanDecoder.idString(feature["id"]) ?? PlanDecoder.idString(feature["properties"]?.objectValue?["id"])
    }

    /// Changes the feature with `id` in place; `false` when there is none.
    private mutating func updateFeature(_ id: String, _ change: @escaping (inout JSONObject) -> Void) -> Bool {
        !updateFeatures([id: change]).isEmpty
    }

    /// Changes each feature whose id `changes` holds, in one pass, and
    /// returns the ids found.
    ///
    /// The feature list is taken out of the root while it changes, so it is
    /// changed in place rather than copied.
    ///
    /// - Complexity: O(features).
    @discardableResult
    private mutating func updateFeatures(_ changes: [String: (inout JSONObject) -> Void]) -> Set<String> {
        guard !changes.isEmpty else { return [] }
        return changingFeatures { features in
            var found = Set<String>()
            for i in features.indices {
                guard case .object(var f) = features[i], let id = Self.id(of: f), let change = changes[id] else { continue }
                features[i] = .null
                change(&f)
                features[i] = .object(f)
                found.insert(id)
            }
            return found
        }
    }

    /// Runs `body` on the root's `features` list taken out of the root, so
    /// the list is changed in place rather than copied (a copy an edit was
    /// a whole plan's list), and puts it back.
    private mutating func changingFeatures<Result>(_ body: (inout [JSONValue]) -> Result) -> Result {
        var features = root["features"]?.arrayValue ?? []
        root["features"] = .null
        defer { root["features"] = .array(features) }
        return body(&features)
    }

    // MARK: Edits for the live planner

    /// The `kind` of the feature with `id`, `nil` when there is none.
    public func kind(ofFeature id: String) -> String? {
        for f in root["features"]?.arrayValue ?? [] {
            guard let o = f.objectValue, Self.id(of: o) == id else { continue }
            return o["properties"]?.objectValue?["kind"]?.stringValue
        }
        return nil
    }

    /// The properties of the feature with `id`, `nil` when there is none.
    public func properties(ofFeature id: String) -> JSONObject? {
        for f in root["features"]?.arrayValue ?? [] {
            guard let o = f.objectValue, Self.id(of: o) == id else { continue }
            return o["properties"]?.objectValue ?? JSONObject()
        }
        return nil
    }

    /// Sets (or, with `null`, removes) properties of the feature with `id`,
    /// keeping every other member where it was; `false` when there is none.
    public mutating func setProperties(ofFeature id: String, _ changes: [(key: String, value: JSONValue)]) -> Bool {
        updateFeature(id) { feature in
            var props = feature["properties"]?.objectValue ?? JSONObject()
            for (key, value) in changes { props[key] = value.isNull ? nil : value }
            feature["properties"] = .object(props)
        }
    }

    /// Moves a Point feature to `position` (plan coordinates).
    public mutating func move(feature id: String, to position: [Double]) -> Bool {
        updateFeature(id) { feature in
            var geometry = feature["geometry"]?.objectValue ?? JSONObject()
            geometry["type"] = .string("Point")
            geometry["coordinates"] = .numbers(position)
            feature["geometry"] = .object(geometry)
        }
    }

    /// Replaces the geometry of the feature with `id`; `false` when there is none.
    public mutating func setGeometry(ofFeature id: String, _ geometry: JSONObject) -> Bool {
        updateFeature(id) { $0["geometry"] = .object(geometry) }
    }

    /// Appends a feature at the end of `features`.
    public mutating func append(feature: JSONObject) {
        changingFeatures { $0.append(.object(feature)) }
    }

    /// Removes the feature with `id`; `false` when there is none.
    public mutating func remove(feature id: String) -> Bool {
        changingFeatures { features in
            let count = features.count
            features.removeAll { f in f.objectValue.map { Self.id(of: $0) == id } ?? false }
            return features.count != count
        }
    }

    /// The `plan.background` entry for `level` (an entry naming no level
    /// belongs to the plan's only level), `nil` when there is none.
    public func background(level: String, onlyLevel: Bool) -> JSONObject? {
        backgroundEntries.first { Self.backgroundLevel($0, onlyLevel: onlyLevel, level: level) }
    }

    /// Sets (or, with `nil`, removes) the `plan.background` entry for
    /// `level`, keeping the others: one object while there is one, an array
    /// when several levels have pictures.
    public mutating func setBackground(_ entry: JSONObject?, level: String, onlyLevel: Bool) {
        var entries = backgroundEntries
        let at = entries.firstIndex { Self.backgroundLevel($0, onlyLevel: onlyLevel, level: level) }
        switch (entry, at) {
        case (let entry?, let i?): entries[i] = entry
        case (let entry?, nil): entries.append(entry)
        case (nil, let i?): entries.remove(at: i)
        case (nil, nil): return
        }
        var plan = root["plan"]?.objectValue ?? JSONObject()
        switch entries.count {
        case 0: plan["background"] = nil
        case 1: plan["background"] = .object(entries[0])
        default: plan["background"] = .array(entries.map(JSONValue.object))
        }
        root["plan"] = .object(plan)
    }

    private var backgroundEntries: [JSONObject] {
        switch root["plan"]?.objectValue?["background"] {
        case .object(let one)?: return [one]
        case .array(let list)?: return list.compactMap(\.objectValue)
        default: return []
        }
    }

    private static func backgroundLevel(_ entry: JSONObject, onlyLevel: Bool, level: String) -> Bool {
        guard let named = entry["level"]?.stringValue else { return onlyLevel }
        return named == level
    }

    /// Every feature id in the plan.
    public var featureIDs: Set<String> {
        Set((root["features"]?.arrayValue ?? []).compactMap { $0.objectValue.flatMap(Self.id(of:)) })
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
