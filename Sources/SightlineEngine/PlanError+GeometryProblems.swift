import SightlinePlan

extension PlanError {
    /// This error with the problems the engine would find next, in what the
    /// decoder salvaged of the plan (``PlanError/salvaged``): an opening on
    /// no wall, a wall it cannot use. A user then repairs a drawing once,
    /// not problem by problem as each stage gets further. Problems about a
    /// feature the decoder already refused are not repeated.
    ///
    /// - Complexity: one ``Engine/geometryProblems(of:excluding:)``; nothing
    ///   when nothing was salvaged.
    public func includingGeometryProblems() -> PlanError {
        guard let plan = salvaged else { return self }
        var out = self
        out.problems += Engine.geometryProblems(of: plan, excluding: Set(problems.compactMap(\.feature)))
        return out
    }
}

extension Engine {
    /// The engine's problems with `plan`'s features, those in `excluded`
    /// left out of it: what building its scenes finds (an opening on no
    /// wall). Only problems naming a feature: a GEOS failure on a half-read
    /// plan says nothing about the file.
    ///
    /// - Complexity: one analysis without cameras (scenes built, no view).
    public static func geometryProblems(of plan: Plan, excluding excluded: Set<String>) -> [PlanProblem] {
        var analysed = plan.removing(excluded)
        analysed.cameras = []
        do {
            _ = try Engine(prohibited: []).analyze(analysed)
        } catch let problems as PlanError {
            return problems.problems.filter { $0.feature.map { !excluded.contains($0) } ?? false }
        } catch {}
        return []
    }
}
