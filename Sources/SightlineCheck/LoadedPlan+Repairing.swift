import SightlineEngine
import SightlineIO
import SightlinePlan
import SightlineRules

/// A plan opened for repair (`serve`): what can be analysed of it, and
/// every problem it has, so the planner opens a plan `check` refuses and
/// lists its problems where the user can repair them.
public struct RepairablePlan: Sendable {
    /// The plan without the features that have problems (its document whole).
    public var loaded: LoadedPlan
    /// Every error: the decoder's, then the engine's, one a feature at most.
    public var problems: [PlanProblem]
    /// The features left out of ``loaded``, by id.
    public var excluded: Set<String>

    /// Reads `bytes` as ``LoadedPlan/load(bytes:file:profileOption:cache:sha256:keepDocument:keepSource:)``
    /// does, but where that refuses, keeps what the decoder salvaged and
    /// leaves out the features the engine cannot use (an opening on no wall),
    /// each named in ``problems``.
    ///
    /// - Parameter lookForGeometryProblems: analyse the plan (without
    ///   cameras) for the engine's problems even when it decodes: when it is
    ///   known to have some. A plan that decodes is otherwise returned as it
    ///   is, at no cost; its scenes, once built, say whether it has any.
    /// - Throws: ``PlanError`` when nothing can be salvaged (not JSON, not a
    ///   FeatureCollection, a broken profile).
    /// - Complexity: one decode; when the plan has problems, one analysis
    ///   without cameras, and one more each pass that finds more (at most 4).
    public static func load(
        bytes: [UInt8], file: String, profileOption: String?, cache: ProfileCache, sha256 known: String? = nil,
        lookForGeometryProblems: Bool = false
    ) throws(PlanError) -> RepairablePlan {
        var problems: [PlanProblem] = []
        var loaded: LoadedPlan
        do {
            loaded = try LoadedPlan.load(bytes: bytes, file: file, profileOption: profileOption, cache: cache, sha256: known)
        } catch {
            guard let salvaged = error.salvaged else { throw error }
            // The decoder's problems, and the engine's on what it salvaged
            // (``PlanError/includingGeometryProblems()`` added them).
            problems = error.problems.filter { $0.severity == .error }
            var name = profileOption ?? ""
            if profileOption == nil { name = try LoadedPlan.declaredProfile(salvaged.metadata.profile, planFile: file) }
            let profile = try cache.profile(name)
            loaded = LoadedPlan(plan: salvaged, profile: profile, sha256: known ?? SHA256.hex(bytes))
        }
        var excluded = Set(problems.compactMap(\.feature))
        guard !problems.isEmpty || lookForGeometryProblems else { return RepairablePlan(loaded: loaded, problems: [], excluded: []) }
        // Each pass leaves out what the last found, which may let the
        // engine reach further (at most 4 passes).
        for _ in 0..<4 {
            let found = Engine.geometryProblems(of: loaded.plan, excluding: excluded)
            guard !found.isEmpty else { break }
            problems += found
            excluded.formUnion(found.compactMap(\.feature))
        }
        loaded.plan = loaded.plan.removing(excluded)
        return RepairablePlan(loaded: loaded, problems: problems, excluded: excluded)
    }
}
