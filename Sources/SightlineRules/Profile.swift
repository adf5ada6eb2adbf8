import SightlinePlan

/// A rulebook: which zone categories are private, thresholds, and texts.
///
/// Only `cn-2025`'s Art. 8 rules exist in this version; the rulebook as data
/// (profile files, `--profile FILE`) is issue #5's.
public struct Profile: Sendable {
    public var id: String
    public var title: String
    public var prohibited: Set<ZoneCategory>
    /// Smallest intrusion area that is a finding, m² (the spec: 0.01).
    public var minIntrusionArea: Double

    /// State Council Order No. 799 (2025).
    public static let cn2025 = Profile(
        id: "cn-2025",
        title: "Regulations on the Management of Public Security Video Image Information Systems (State Council Order No. 799, in force 2025-04-01)",
        prohibited: [.guestRoom, .privateDiningRoom, .dormitoryRoom, .staffQuarters, .bathhouse, .toilet,
                     .changingRoom, .nursingRoom, .fittingRoom, .privateOther],
        minIntrusionArea: 0.01)

    public static let builtIn: [Profile] = [.cn2025]

    public static func named(_ id: String) -> Profile? { builtIn.first { $0.id == id } }
}
