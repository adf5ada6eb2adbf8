import SightlinePlan

extension PlanError {
    /// This error with the problems the engine would find next, in what the
    /// decoder salvaged of the plan (``PlanError/salvaged``): an opening on
    /// no wall, a wall it cannot use. A user then repairs a drawing once,
    /// not problem by problem as each stage gets further. Problems about a
    /// feature the decoder already refused are not repeated.
    ///
    /// - Complexity: one analysis of the salvaged plan without cameras (its
    ///   scenes are built, no view is computed); nothing when there is none.
    public func includingGeometryProblems() -> PlanError {
        guard var plan = salvaged else { return self }
        plan.cameras = []
        let refused = Set(problems.compactMap(\.feature))
        var out = self
        do {
            _ = try Engine(prohibited: []).analyze(plan)
        } catch let later as PlanError {
            out.problems += later.problems.filter { problem in problem.feature.map { !refused.contains($0) } ?? false }
        } catch {
            // A GEOS failure on a half-read plan says nothing about the file.
        }
        return out
    }
}
