import SightlinePlan

/// A later law that governs the same plans from `from` on (Order 799 over
/// the Chongqing measures), and what it sets for the acts this profile's
/// rules find.
///
/// Where both set a consequence for one act, a finding made on or after
/// `from` lists the later law's first (noted ``prevails``) and this
/// profile's after it (noted ``yields``); where the later law sets none, the
/// profile's own stands (noted ``noneLater``). Which law prevails is
/// Sightline's reading, and every one of those notes says so.
public struct LaterLaw: Sendable, Equatable {
    public var from: CalendarDate
    /// What this profile alone would miss, and how the report treats the two.
    public var note: Text
    /// The later law's consequences for the act each rule finds, by this
    /// profile's rule id, their articles prefixed with ``cites`` (`Order 799
    /// Art. 27 ¶1`); an empty list: the later law sets none for that act.
    /// Rules not listed (a design requirement, a rule not evaluated) keep
    /// their own consequences unremarked.
    public var sameAct: [String: [ConsequenceSpec]] = [:]
    public var prevails: Text? = nil
    public var yields: Text? = nil
    public var noneLater: Text? = nil

    public init(from: CalendarDate, note: Text) {
        self.from = from
        self.note = note
    }

    /// The consequences of a finding of `rule`, given its own (`own`,
    /// resolved) and a way to resolve one of the later law's specs for the
    /// same party; `own` unchanged where the later law says nothing of the rule.
    func consequences(of rule: String, own: [Consequence], resolve: (ConsequenceSpec) -> Consequence) -> [Consequence] {
        guard let later = sameAct[rule] else { return own }
        guard !later.isEmpty else { return own.map { Self.noted($0, noneLater) } }
        return later.map { Self.noted(resolve($0), prevails) } + own.map { Self.noted($0, yields) }
    }

    /// `consequence` with `remark` after its own note, in both languages.
    static func noted(_ consequence: Consequence, _ remark: Text?) -> Consequence {
        guard let remark else { return consequence }
        var out = consequence
        out.note = [consequence.note, remark.en].compactMap { $0 }.joined(separator: "; ")
        out.noteZh = [consequence.noteZh ?? consequence.note, remark.zh].compactMap { $0 }.joined(separator: "；")
        return out
    }
}
