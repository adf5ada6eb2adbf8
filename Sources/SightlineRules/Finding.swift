import PlanarGeometry
import SightlinePlan
import SightlineText

/// How bad a finding is: an error fails the check (exit 1).
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case error, warning, info
    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The provisions a finding rests on, each quoted verbatim in both languages.
public struct Citation: Sendable, Equatable {
    public struct Provision: Sendable, Equatable {
        /// e.g. `Art. 8 ¶1 (iii)`.
        public var reference: String
        public var zh: String
        public var en: String
        public init(reference: String, zh: String, en: String) {
            self.reference = reference
            self.zh = zh
            self.en = en
        }
    }
    public var provisions: [Provision]

    public init(provisions: [Provision]) { self.provisions = provisions }

    /// Each provision as Chinese law cites it, followed by its text:
    /// `第八条第一款第（四）项：禁止……`, one after another.
    public var zhCited: String {
        provisions.map { "\(ArticleReference.zh($0.reference))：\($0.zh)" }.joined(separator: "　")
    }

    /// Each reference followed by its English text, for English reports:
    /// `Art. 8 ¶1 (iv) (translation): …; Art. 13 (translation): …`. The
    /// English is a translation (the profile's, mostly Sightline's own),
    /// never the statute, so it is said to be one and not set in quotes.
    public var enCited: String {
        provisions.map { "\($0.reference) (translation): \($0.en)" }.joined(separator: "; ")
    }

    /// All references in `language`: `Art. 8 ¶1 (iv); Art. 13` or `第八条第一款第（四）项；第十三条`.
    public func reference(in language: Language) -> String { language == .zh ? ArticleReference.zh(reference) : reference }

    /// All references, e.g. `Art. 8 ¶1 (iv); Art. 13`.
    public var reference: String { provisions.map(\.reference).joined(separator: "; ") }
    /// The Chinese quotation; with several provisions each is labelled
    /// with its reference, so no two read as one sentence.
    public var zh: String { joined { $0.zh } }
    public var en: String { joined { $0.en } }

    /// A closure, not a key path: applying a key path cost thousands of
    /// instructions, twice a finding in every report.
    private func joined(_ text: (Provision) -> String) -> String {
        provisions.count == 1
            ? text(provisions[0])
            : provisions.map { "[\($0.reference)] \(text($0))" }.joined(separator: " ")
    }
}

/// A fine range in yuan for one kind of party; a bound the law does not
/// set (or a translation does not make legible) is `nil`, with a note.
public struct Fine: Sendable, Equatable {
    /// `individual`, `unit`, or `directly responsible persons`.
    public var party: String
    public var minYuan: Int?
    public var maxYuan: Int?
    public var note: String?
    /// The note in Chinese, where the profile gives it.
    public var noteZh: String? = nil
    /// Who pays, by name, when the plan names the party the article fines
    /// and it is not the site's operator: the camera's installer (`owner`,
    /// Art. 26, Art. 27 ¶1) or the zone's manager (`managedBy`, Art. 27 ¶2).
    public var payer: String? = nil

    public init(party: String, minYuan: Int?, maxYuan: Int?, note: String?, noteZh: String? = nil) {
        self.party = party
        self.minYuan = minYuan
        self.maxYuan = maxYuan
        self.note = note
        self.noteZh = noteZh
    }
}

/// What the law sets for a violation.
public struct Consequence: Sendable, Equatable {
    /// e.g. `Art. 27 ¶1`.
    public var article: String
    /// Measures other than fines (confiscation, order to rectify, …).
    public var measures: [String]
    /// The fine for the operator's kind, then for responsible persons.
    public var fines: [Fine]
    /// When the fine applies, e.g. "only after refusing to correct".
    public var condition: String?
    /// e.g. "no fine in this regulation".
    public var note: String?
    /// The condition and the note in Chinese, where the profile gives them.
    public var conditionZh: String? = nil
    public var noteZh: String? = nil

    public init(article: String, measures: [String], fines: [Fine], condition: String?, note: String?) {
        self.article = article
        self.measures = measures
        self.fines = fines
        self.condition = condition
        self.note = note
    }
}

/// One rule broken (or at risk) by the plan.
///
/// A finding holds the camera and the place it is about by value, so a
/// renderer reads a camera's position or a zone's name from the finding
/// itself instead of joining on id strings again; the ids are derived.
public struct Finding: Sendable {
    public var rule: String
    public var severity: Severity
    /// The camera the finding is about, if any.
    public var camera: Camera?
    /// The zone the finding is about, if any.
    public var zone: Zone?
    /// The restricted area (Art. 10) a consent finding is about.
    public var restrictedArea: RestrictedArea? = nil
    public var level: String?
    /// Area in m² for geometric rules.
    public var area: Double?
    /// The evidence polygon in local metres (e.g. the intruding part).
    public var geometry: [PolygonRings]?
    /// Horizontal distance, metres (microphone to zone, camera to the
    /// nearest intruding point).
    public var distance: Double? = nil
    /// The highest pixel density inside the intruding polygon, px/m.
    public var pixelDensity: Double? = nil
    /// The IEC 62676-4 level that density reaches (`identify` … `monitor`).
    public var dori: String? = nil
    public var citation: Citation
    public var consequence: Consequence
    /// Consequences of further duties the same facts engage (Art. 27 ¶2).
    public var furtherConsequences: [Consequence] = []
    public var message: String
    /// The message in Chinese, where the rule writes one; `nil` falls back
    /// to ``message``.
    public var messageZh: String? = nil

    /// The camera's id.
    public var cameraID: String? { camera?.id }
    /// The id of the zone or restricted area the finding is about.
    public var zoneID: String? { zone?.id ?? restrictedArea?.id }
    public var zoneName: String? { zone?.name }
    /// The category of the zone or restricted area, as the plan spells it.
    public var zoneCategory: String? { zone?.category.rawValue ?? restrictedArea?.category.rawValue }

    /// The message in `language`.
    public func message(in language: Language) -> String { language == .zh ? (messageZh ?? message) : message }

    /// Every consequence, the primary one first.
    public var consequences: [Consequence] { [consequence] + furtherConsequences }
}
