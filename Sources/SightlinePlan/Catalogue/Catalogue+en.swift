extension Catalogue {
    /// English: the reports' own words, and the translation of the law's.
    static let en: [Phrase: String] = [
        .verdictFail: "FAIL", .verdictPass: "PASS",
        .severityError: "error", .severityWarning: "warning", .severityInfo: "info",
        .camerasOne: "{0} camera", .camerasMany: "{0} cameras", .errorsOne: "{0} error", .errorsMany: "{0} errors",
        .warningsOne: "{0} warning", .warningsMany: "{0} warnings", .findingsOne: "{0} finding", .findingsMany: "{0} findings",

        .textSummary: "{0}: {1}{2}: {3}, {4}, {5} (profile {6})",
        .textInput: "input sha256 {0} · sightline {1} · as of {2}",
        .textCamera: "camera {0} (level {1}, heading {2}°, view {3} m²)",
        .textZone: "zone {0}",
        .textDistance: "at {0} m",
        .textSiteAndZones: "site and zones",
        .textNotApplied: "not applied or not evaluated",
        .textNotes: "notes (Sightline's reading, not law text)",
        .textInputWarnings: "input warnings",
        .notEvaluated: "{0}: not evaluated, {1}",

        .fieldSite: "Site", .fieldAddress: "Address", .fieldOperator: "Operator", .fieldPlace: "Place", .fieldProfile: "Profile",
        .fieldCheckedAsOf: "Checked as of", .fieldPlanFile: "Plan file", .fieldSHA256: "SHA-256 of the plan", .fieldTool: "Tool",
        .unnamedSite: "Unnamed site", .noFindings: "No findings.", .messages: "Messages", .notApplied: "not applied",
        .notesHeading: "Notes (Sightline's reading, not law text):",

        .markdownSummary: "**{0}**, **{1}**, {2}; profile {3} ({4}), as of {5}.",

        .htmlTitle: "Sightline report",
        .htmlLede: "{0} — {1}, {2}, {3} checked against {4}.",
        .htmlPlans: "Plans", .htmlFindings: "Findings",
        .htmlLegend: "Hover or click a camera to highlight its view.",
        .htmlLevelSummary: "{0} — {1}, {2}",
        .htmlFooter: "Made by sightline {0} from {1} (SHA-256 {2}).",
        .columnSeverity: "Severity", .columnRule: "Rule", .columnCamera: "Camera", .columnZone: "Zone", .columnLevel: "Level",
        .columnArea: "Area m²", .columnDetail: "Detail", .columnArticle: "Article", .columnConsequence: "Consequence",

        .messageCameraInside: "camera {0} is installed inside {1}, where {2} forbids any camera",
        .messageCameraSees: "camera {0} sees {1} m² inside {2}",
        .messageMasked: "privacy masks hide the {0} m² camera {1} would see inside {2}; a mask can be switched off",
        .messageMicrophone: "camera {0}'s microphone is {1} m from {2}, within its {3} m range (walls are not modelled for sound)",
        .messageInstalledInside: "camera {0} is installed inside {1}",
        .messageOccupiedInside: ", which others occupy",
        .zoneDescription: "{0} {1}",
        .zoneDescriptionNamed: "{0} {1} ({2})",
        .messageThroughVoid: " on level {0} below, through a void",
        .messageDetail: " (nearest {0} m, {1} px/m: {2})",
        .messageMaskNote: " (masks hide another {0} m²)",
        .doriBelowMonitor: "below monitor level",
        .doriMonitor: "monitor: crowd movement only",
        .doriDetect: "detect: a person can be detected",
        .doriObserve: "observe: a person's clothing and actions can be observed",
        .doriRecognize: "recognize: a known person can be recognised",
        .doriIdentify: "identify: faces are identifiable",
    ]
}
