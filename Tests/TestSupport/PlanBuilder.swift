import Foundation
import SightlineEngine
import SightlinePlan
import SightlineRules

/// Builds small plans in code, so each test states its geometry in a few
/// lines and the expected numbers can be derived by hand next to it.
public struct PlanBuilder {
    /// Complete metadata by default, so that only the geometry under test
    /// can produce findings (filing and retention rules are satisfied).
    public var plan: [String: Any] = [
        "format": "sightline-plan/1",
        "levels": [["id": "L1", "height": 3.0]],
        "site": ["name": "Test site", "address": "1 Test Road", "operator": ["name": "Test Co", "kind": "unit"]],
        "system": [
            "commissionedOn": "2025-06-01", "filedOn": "2025-06-10", "retentionDays": 30,
            "inspection": ["frequency": "daily", "lastOn": "2025-12-30"], "acceptance": ["date": "2025-05-20", "archive": "AC-1"],
        ],
    ]
    public var features: [[String: Any]] = []

    public init() {}

    public mutating func add(_ id: String, _ kind: String, _ geometry: [String: Any], _ properties: [String: Any] = [:]) {
        var props = properties
        props["kind"] = kind
        features.append(["type": "Feature", "id": id, "properties": props, "geometry": geometry])
    }

    public mutating func wall(_ id: String, _ points: [[Double]], _ properties: [String: Any] = [:]) {
        add(id, "wall", ["type": "LineString", "coordinates": points], properties)
    }

    public mutating func zone(_ id: String, _ category: String, _ ring: [[Double]], _ properties: [String: Any] = [:]) {
        var props = properties
        props["category"] = category
        add(id, "zone", ["type": "Polygon", "coordinates": [ring + [ring[0]]]], props)
    }

    public mutating func opening(_ id: String, _ type: String, _ points: [[Double]], _ properties: [String: Any] = [:]) {
        var props = properties
        props["openingType"] = type
        add(id, "opening", ["type": "LineString", "coordinates": points], props)
    }

    public mutating func camera(_ id: String, at p: [Double], _ properties: [String: Any] = [:]) {
        add(id, "camera", ["type": "Point", "coordinates": p], properties)
    }

    /// The plan as JSON bytes.
    public func json() -> [UInt8] {
        let root: [String: Any] = ["type": "FeatureCollection", "plan": plan, "features": features]
        guard let data = try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys]) else { return [] }
        return [UInt8](data)
    }

    public func decode(file: String = "test.json") throws -> Plan {
        try PlanDecoder.decode(bytes: json(), file: file)
    }

    /// The built-in `cn-2025` profile.
    public static let cn2025: Profile = {
        do { return try ProfileLoader.load("cn-2025") } catch { fatalError("built-in profile cn-2025 does not load: \(error)") }
    }()

    /// A fixed check date, so filing rules do not depend on the day tests run.
    public static let asOf = CalendarDate(year: 2026, month: 1, day: 15)

    /// Decodes, analyses and applies a profile's rules (cn-2025 by default).
    public func check(profile: Profile = PlanBuilder.cn2025, asOf: CalendarDate = PlanBuilder.asOf) throws -> (PlanAnalysis, [Finding]) {
        let (analysis, outcome) = try evaluate(profile: profile, asOf: asOf)
        return (analysis, outcome.findings)
    }

    /// Decodes, analyses and evaluates, keeping the whole outcome; with
    /// `baseline`, its public-security cameras are compared (`--baseline`).
    public func evaluate(
        profile: Profile = PlanBuilder.cn2025, asOf: CalendarDate = PlanBuilder.asOf, baseline: PlanBuilder? = nil
    ) throws -> (PlanAnalysis, RuleOutcome) {
        let plan = try PlanDecoder.decode(bytes: json(), file: "test.json") { _ in Array(profile.extraCategories.keys) }
        let analysis = try Engine(prohibited: profile.prohibitedCategories, zoneViewThreshold: profile.zoneViewThreshold).analyze(plan)
        var rules = RuleEngine(profile: profile, asOf: asOf)
        rules.baseline = try baseline?.decode().cameras.filter(\.publicSecurity) ?? []
        return (analysis, rules.evaluate(analysis))
    }

    /// The spec's worked example: a 10 m wall on x = 0 with a 1.2 m passage
    /// centred on y = 0, a 4 m-deep toilet behind it (x from 0 to 4), and a
    /// camera 8 m west of the passage looking east with a 90° field.
    public static func passageToilet(
        opening: [String: Any] = ["openingType": "passage"],
        camera: [String: Any] = [:]
    ) -> PlanBuilder {
        var b = PlanBuilder()
        b.wall("w-front", [[0, -5], [0, 5]])
        b.wall("w-back", [[4, -5], [4, 5]])
        b.wall("w-top", [[0, 5], [4, 5]])
        b.wall("w-bottom", [[0, -5], [4, -5]])
        b.add("p1", "opening", ["type": "LineString", "coordinates": [[0, -0.6], [0, 0.6]]], opening)
        b.zone("wc", "toilet", [[0, -5], [4, -5], [4, 5], [0, 5]])
        var cam: [String: Any] = ["heading": 90, "hfov": 90, "mountHeight": 2.5]
        for (k, v) in camera { cam[k] = v }
        b.camera("cam1", at: [-8, 0], cam)
        return b
    }
}

extension Array where Element == Finding {
    /// Findings of one rule.
    public func rule(_ suffix: String) -> [Finding] { filter { $0.rule.hasSuffix(suffix) } }
}
