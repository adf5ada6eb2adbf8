/// The keys of the catalogues. Grouped by where they are shown; a phrase
/// with slots says what fills them.
public enum Phrase: String, CaseIterable, Sendable {
    // Verdicts, severities, counts.
    case verdictFail, verdictPass
    case severityError, severityWarning, severityInfo
    case camerasOne, camerasMany, errorsOne, errorsMany, warningsOne, warningsMany, findingsOne, findingsMany

    // Text report.
    /// {0} verdict, {1} plan file, {2} " — site" or "", {3} cameras, {4} errors, {5} warnings, {6} profile id.
    case textSummary
    /// {0} SHA-256, {1} tool version, {2} date.
    case textInput
    /// {0} camera, {1} level, {2} heading, {3} view area.
    case textCamera
    /// {0} zone.
    case textZone
    /// {0} distance.
    case textDistance
    case textSiteAndZones, textNotApplied, textNotes, textInputWarnings
    /// {0} rule, {1} reason.
    case notEvaluated

    // Field labels (summaries, Markdown, HTML).
    case fieldSite, fieldAddress, fieldOperator, fieldPlace, fieldProfile, fieldCheckedAsOf, fieldPlanFile, fieldSHA256, fieldTool
    case unnamedSite, noFindings, messages, notApplied
    case notesHeading

    // Markdown.
    /// {0} errors, {1} warnings, {2} cameras, {3} profile id, {4} law, {5} date.
    case markdownSummary

    // HTML report.
    case htmlTitle
    /// {0} site, {1} errors, {2} warnings, {3} cameras, {4} law.
    case htmlLede
    case htmlPlans, htmlFindings, htmlLegend
    /// {0} level, {1} cameras, {2} findings.
    case htmlLevelSummary
    /// {0} tool version, {1} plan file, {2} SHA-256.
    case htmlFooter
    case columnSeverity, columnRule, columnCamera, columnZone, columnLevel, columnArea, columnDetail, columnArticle, columnConsequence

    // Finding messages.
    /// {0} camera, {1} zone description, {2} provision.
    case messageCameraInside
    /// {0} camera, {1} area, {2} zone description.
    case messageCameraSees
    /// {0} area, {1} camera, {2} zone description.
    case messageMasked
    /// {0} camera, {1} distance, {2} zone description, {3} range.
    case messageMicrophone
    /// {0} camera, {1} zone description.
    case messageInstalledInside
    /// Appended to a view or installation in a room others use.
    case messageOccupiedInside
    /// {0} category, {1} id.
    case zoneDescription
    /// {0} category, {1} id, {2} name.
    case zoneDescriptionNamed
    /// {0} level it is seen on.
    case messageThroughVoid
    /// {0} nearest distance, {1} pixel density, {2} detail level.
    case messageDetail
    /// {0} area.
    case messageMaskNote
    /// {0} camera, {1} why, {2} area category, {3} area id, {4} consent distance.
    case messageConsent
    /// {0} area.
    case messageConsentSees
    /// {0} distance.
    case messageConsentNear
    /// {0} area seen, {1} zone description, {2} sign distance.
    case messageSignage
    /// {0} camera, {1} area.
    case messageBeyondSite
    /// {0} camera, {1} area.
    case messageBeyondProperty
    /// {0} camera, {1} owner, {2} zone description, {3} share, {4} holder.
    case messageInstaller
    /// {0} area.
    case messageInstallerShare
    case messageInstallerStands
    case messageSiteOperator
    /// {0} camera, {1} seen, {2} open, {3} percent blocked, {4} limit percent.
    case messageObstructed
    /// {0} camera.
    case messagePTZ
    /// {0} area seen, {1} zone description, {2} threshold, {3} article.
    case messageMandatory
    case messageRestrictedSeenFromHome
    case messageInspectionUnrecorded
    case messageAcceptanceUnrecorded
    case messageMonitoringRoomUnrecorded
    case messageMonitoringRoomOpen
    /// {0} monitoring room, {1} public zone, {2} element, {3} provision.
    case messageMonitoringScreensExposed
    case seeThroughWindow
    case seeThroughPassage
    case seeThroughOpenDoor
    case seeThroughGlassWall
    case messagePublicCameraGone
    case messagePublicCameraChanged
    case changeLevel
    case changeMoved
    /// {0} zone description, {1} level, {2} covered, {3} zone area, {4} percent, {5} required percent, {6} note.
    case messageCoverage
    /// {0} camera ids.
    case messageCoverageUncounted
    /// {0} article, {1} reason, {2} status, {3} contradiction.
    case messageOverdue
    /// {0} cut-off date, {1} due date.
    case messageDuePreexisting
    /// {0} date put into use, {1} days, {2} due date.
    case messageDueCommissioned
    /// {0} date filed, {1} days late.
    case messageFiledLate
    /// {0} days past due, {1} date.
    case messageNotFiled
    /// {0} article, {1} missing data.
    case messageFilingIncomplete
    case dataOperatorName
    case dataAddress
    case dataRetention
    case dataCameras
    case dataDesign
    case dataTest
    case listSeparator
    /// {0} when, {1} differences, {2} article.
    case messageChangeUnfiled
    /// {0} date.
    case messageFiledOn
    /// {0} planned, {1} type, {2} filed.
    case messageCameraDifference
    case messageRetentionDifference
    case messageAddressDifference
    /// {0} days, {1} article, {2} minimum.
    case messageRetentionShort
    /// {0} days, {1} limit, {2} minimum.
    case messageRetentionExcessive
    case messagePrivacyNotEvaluated
    case messageRetentionBasisNotLaw
    // The PDF drawing set.
    case sheetTitle
    case sheetHeading
    case sheetRulebook
    case sheetEvidence
    case sheetNotes
    case sheetIndex
    case sheetCover
    case sheetLevelPlan
    case sheetScheduleAndFindings
    case sheetAppendix
    case sheetSignature
    case sheetDate
    case sheetStamp
    case sheetLegend
    case legendProhibited
    case legendOtherZone
    case legendView
    case legendMasked
    case legendIntrusionError
    case legendIntrusionWarning
    case legendWall
    case legendLowWall
    case legendGlass
    case legendOpenDoor
    case legendClosedDoor
    case legendSign
    case legendCamera
    case legendCameraError
    case sheetScaleNote
    case sheetLevelTitle
    case blockSite
    case blockDrawing
    case blockScale
    case blockSheet
    case blockVerdict
    case blockDrawn
    case blockChecked
    case scheduleHeading
    case scheduleId
    case scheduleType
    case scheduleLens
    case scheduleMount
    case scheduleHeadingDeg
    case scheduleTilt
    case scheduleHFOV
    case scheduleRange
    case scheduleDensity
    case scheduleNoResolution
    case findingsByCamera
    case findingsCamera
    case findingsSiteWide
    case findingsNumber
    case findingsRule
    case findingsConsequence
    case none
    case appendixNote
    case appendixConsequences
    case appendixTitle
    case scheduleTitle
    // The filing record.
    /// {0}.
    case filingTitle
    case filingUnit
    case filingAddress
    case filingLocation
    /// {0} levels.
    case filingLevels
    case filingCameras
    /// {0} count.
    case filingMicrophones
    case filingStorage
    /// {0} days.
    case filingDays
    case filingPutIntoUse
    case filingDue
    case filingFiled
    case filingMissing
    case filingMissingValue
    case filingUnknown
    case filingNotYet
    /// {0} code.
    case filingCreditCode
    /// {0} article, {1} place category.
    case filingNotRequired
    case statusFiledOnTime
    case statusFiledLate
    case statusOverdue
    case statusDue
    case statusFiled
    case statusNotRequired
    // Camera types and operator kinds.
    case typeFixed
    case typePtz
    case typeFisheye
    case kindUnit
    case kindIndividual
    // fix advice.
    case fixNothing
    /// {0} camera, {1} type, {2} heading, {3} tilt, {4} findings.
    case fixCamera
    /// {0} x, {1} y.
    case fixSpot
    case fixNoSpot
    /// {0} spot.
    case fixMove
    case fixFisheye
    case fixNoHeading
    case fixNoPan
    case fixAny
    /// {0} intervals.
    case fixHeadings
    /// {0} intervals.
    case fixPans
    /// {0} heading, {1} why, {2} kept, {3} allowed, {4} percent.
    case fixProposed
    case fixKeepsMost
    case fixNearest
    /// {0} min, {1} max.
    case fixProposedPan
    /// {0} from, {1} to, {2} elevation, {3} cost.
    case fixMask
    /// {0} from, {1} to.
    case fixElevation
    case fixBottom
    case fixTop
    case fixWholeHeight
    /// {0} tilt, {1} now, {2} kept.
    case fixTilt
    /// {0} area.
    case fixTiltKept
    case fixNoTilt
    /// {0} margin.
    case fixMargin
    /// {0} heading, {1} margin.
    case fixHeadingNoMargin
    /// {0} edge tilt, {1} margin.
    case fixTiltNoMargin
    /// {0} tilt, {1} heading, {2} kept.
    case fixBoth
    /// {0} option, {1} applied.
    case fixBest
    /// {0} what.
    case fixApplied
    case fixBestNone
    /// {0} zone, {1} name, {2} x, {3} y, {4} opening.
    case fixSign
    /// {0} opening.
    case fixSignOpening
    /// {0} file.
    case fixWroteClean
    /// {0} file, {1} errors.
    case fixWroteRemaining
    case optionHeading
    case optionTilt
    case optionTiltAndHeading
    case optionMask
    // Why a rule was not evaluated.
    case reasonNoBoundary
    case reasonNotArticle7Place
    case reasonNoFiling
    case reasonNoRetention
    case reasonNoCommissioned
    /// {0} date.
    case reasonNoDeadline
    case reasonEntryIntoForce
    // Notes the rules add (Sightline's readings).
    /// {0} cut-off date, {1} date put into use.
    case noteSystemContradiction
    /// {0} contradiction.
    case noteRecordContradicts
    /// {0} article, {1} due date, {2} holiday source (``noteHolidaySource``) or "".
    case messageRestDayReadings
    case consequenceFilingMade
    /// {0} where the holidays come from.
    case noteHolidaySource
    /// {0} camera, {1} owner, {2} zone it manages.
    case noteTenantPremises
    case noteWatchesAnothersZone
    /// {0} zone description, {1} provision.
    case messageNonPublicGuestRooms
    // Consequences.
    case partyUnit, partyIndividual, partyResponsible
    /// {0} party, {1} range, {2} note (``aside``) or "".
    case consequenceFine
    case consequenceStatedOnce
    /// {0} article, {1} measures and fines.
    case consequenceHead
    /// {0} condition.
    case consequenceCondition
    /// {0} lowest, {1} highest amount.
    case fineBetween
    /// {0} amount.
    case fineUpTo
    /// {0} amount.
    case fineFrom
    case fineUnclear
    // Punctuation that differs by language.
    /// {0} what is said in passing: " (…)" / "（…）".
    case aside
    case clauseSeparator, commaSeparator, colon
    // Other words of reports and commands.
    /// {0} type, {1} count.
    case filingCameraCount
    case filingArticleUnknown
    case fixInsideReason
    case markdownNotesHeading
    /// CSS `content` for the page numbers of a printed sheet.
    case cssPageCounter
    /// {0} tool version.
    case blockTool
    /// {0} the hash's first characters.
    case blockHash
    /// {0} article, {1} its title, {2} why it is not applied.
    case notAppliedArticle
    /// {0} verdict, {1} errors, {2} other findings, {3} file.
    case verdictLine
    /// {0} count.
    case otherFindingsOne, otherFindingsMany
    // The planner page (`sightline serve`), sent to it as one table.
    case plannerTitle
    case plannerLevel
    case plannerUndo
    case plannerUndoTitle
    case plannerRedo
    case plannerRedoTitle
    case plannerAddCamera
    case plannerAddCameraTitle
    case plannerTools
    case plannerSave
    case plannerSaveTitle
    case plannerReport
    case plannerPlan
    case plannerCamera
    case plannerSelectCamera
    case plannerSelectedFeature
    case plannerSelectFeature
    case plannerTrace
    case plannerPicture
    case plannerPdfPage
    case plannerOpacity
    case plannerFindings
    case plannerFindingsCount
    case plannerProblemsCount
    case plannerToolSelect
    case plannerToolWall
    case plannerToolOpening
    case plannerToolZone
    case plannerToolScale
    case plannerHintSelect
    case plannerHintWall
    case plannerHintOpening
    case plannerHintZone
    case plannerHintScale
    case plannerHeading
    case plannerTilt
    case plannerMountHeight
    case plannerHFOV
    case plannerVFOV
    case plannerRange
    case plannerType
    case plannerLens
    case plannerResolution
    case plannerMasks
    case plannerNotJSON
    case plannerDuplicate
    case plannerDelete
    case plannerDeleteKey
    case plannerFix
    case plannerCompliantHeadings
    case plannerAny
    case plannerApply
    case plannerCameraTooltip
    case plannerChecking
    case plannerRechecked
    case plannerAdded
    case plannerDeleted
    case plannerSaved
    case plannerChangedOnDisk
    case plannerReloadedKeeping
    case plannerReady
    case plannerPictureMissing
    case plannerUploading
    case plannerPicturePlaced
    case plannerMaterial
    case plannerHeight
    case plannerFloorToCeiling
    case plannerDoorState
    case plannerOpen
    case plannerClosed
    case plannerCategory
    case plannerArt8Item
    case plannerName
    case plannerNameExample
    case plannerDistance
    case plannerBetweenPoints
    case plannerSetScale
    case plannerScaleNeedsPoints
    case plannerScaleSet
    case plannerWallNeedsPoints
    case plannerZoneNeedsCorners
    case plannerKindZone
    case plannerKindWall
    case plannerKindOpening
    case plannerFixMove
    /// {0}, {1}: the spot's plan coordinates.
    case plannerFixRelocate
    case optionMove
    case optionRemove
    case plannerFixPan
    case plannerFixTurn
    case plannerFixTilt
    case plannerFixTiltAndTurn
    case plannerFixMasks
    // The HTML report's zoom controls.
    case htmlZoomIn, htmlZoomOut, htmlZoomReset, htmlZoomHint
    /// {0} level.
    case drawingLabel
    /// {0} camera, {1} heading, {2} view area.
    case drawingCameraTooltip
    case doriBelowMonitor, doriMonitor, doriDetect, doriObserve, doriRecognize, doriIdentify
}

extension Phrase {
    /// The phrase for an IEC 62676-4 level by its id (`observe`…), or
    /// ``doriBelowMonitor`` for none.
    public static func dori(_ level: String?) -> Phrase {
        switch level {
        case "monitor": .doriMonitor
        case "detect": .doriDetect
        case "observe": .doriObserve
        case "recognize": .doriRecognize
        case "identify": .doriIdentify
        default: .doriBelowMonitor
        }
    }

    /// The word for a severity (`error`, `warning`, `info`).
    public static func severity(_ raw: String) -> Phrase {
        switch raw {
        case "error": .severityError
        case "warning": .severityWarning
        default: .severityInfo
        }
    }
}

extension Phrase {
    /// A fined party's words (`unit`, `individual`, `directly responsible persons`).
    public static func party(_ raw: String) -> Phrase? {
        ["unit": .partyUnit, "individual": .partyIndividual, "directly responsible persons": .partyResponsible][raw]
    }
}

extension Phrase {
    /// A camera type's word (`fixed`, `ptz`, `fisheye`).
    public static func cameraType(_ raw: String) -> Phrase? {
        ["fixed": .typeFixed, "ptz": .typePtz, "fisheye": .typeFisheye][raw]
    }

    /// An operator kind's word (`unit`, `individual`).
    public static func operatorKind(_ raw: String) -> Phrase? { ["unit": .kindUnit, "individual": .kindIndividual][raw] }
}
