import Foundation
import SightlineEngine
import SightlineIO
import SightlineImport
import SightlinePlan
import SightlineReport
import SightlineRules

/// Loads profiles by name or path once and hands out the parsed profile:
/// a portfolio run of thousands of plans shares a handful of profiles.
public final class ProfileCache: @unchecked Sendable {
    private var profiles: [String: Result<Profile, PlanError>] = [:]
    private let lock = NSLock()

    public init() {}

    public func profile(_ nameOrPath: String) throws(PlanError) -> Profile {
        lock.lock()
        if let cached = profiles[nameOrPath] {
            lock.unlock()
            return try cached.get()
        }
        lock.unlock()
        // A plan whose rulebook is broken cannot be checked: the profile's
        // problems become the plan's (they name the profile file).
        let result = Result { () throws(PlanError) -> Profile in
            do throws(ProfileError) { return try ProfileLoader.load(nameOrPath) } catch { throw PlanError(error.problems) }
        }
        lock.lock()
        profiles[nameOrPath] = result
        lock.unlock()
        return try result.get()
    }
}

/// A plan read with the profile it is checked against.
public struct LoadedPlan: Sendable {
    public var plan: Plan
    public var profile: Profile
    /// SHA-256 of the file's bytes, for the report's evidence.
    public var sha256: String

    /// Reads and decodes `path`. The profile (`profileOption`, else the plan's
    /// own `profile`, else cn-2025) is resolved before decoding, so categories
    /// the profile adds are accepted.
    ///
    /// A drawing (`.dxf`, `.osm`, an IMDF folder or zip) is imported in
    /// memory first, so one command checks it; the report's SHA-256 is then
    /// the drawing file's (for an IMDF folder, which is no one file, the
    /// imported plan's).
    ///
    /// `keepDocument`: keep the parsed tree for rewriting (``Plan/document``);
    /// a check lets it go feature by feature as it decodes. `keepSource`:
    /// keep the file's bytes for SARIF's line numbers (``Plan/featureLines``).
    /// `drawing`: how a drawing is read (`--units`, `--map`).
    public static func load(
        _ path: String, profileOption: String?, cache: ProfileCache = ProfileCache(), keepDocument: Bool = true,
        keepSource: Bool = true, drawing: DrawingOptions = DrawingOptions()
    ) throws(PlanError) -> LoadedPlan {
        if path == "-" {
            // `-`: the plan on standard input (a JSON plan; drawings need a file).
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            return try load(
                bytes: bytes, file: "<stdin>", profileOption: profileOption, cache: cache, keepDocument: keepDocument,
                keepSource: keepSource)
        }
        if path.lowercased().hasSuffix(".ifc") || path.lowercased().hasSuffix(".ifczip") {
            throw PlanError([
                PlanProblem(
                    file: path,
                    message:
                        "an IFC building model: Sightline does not read IFC; export its storeys' plan views to DXF and check that, or convert it with `sightline import dxf`"
                )
            ])
        }
        if let importer = DrawingImport.importer(for: path, options: drawing) {
            let imported: ImportResult
            do { imported = try importer(path) } catch { throw PlanError([error.problem]) }
            let source = try? PlanDecoder.readFile(path)
            // No source lines: the generated document's are not the drawing's.
            return try load(
                bytes: Array(imported.json.utf8), file: path, profileOption: profileOption, cache: cache,
                sha256: source.map(SHA256.hex), keepDocument: keepDocument, keepSource: false)
        }
        return try load(
            bytes: PlanDecoder.readFile(path), file: path, profileOption: profileOption, cache: cache, keepDocument: keepDocument,
            keepSource: keepSource)
    }

    /// - Parameter sha256: the digest of `bytes`, when the caller has it already.
    public static func load(
        bytes: [UInt8], file: String, profileOption: String?,
        cache: ProfileCache = ProfileCache(), sha256 known: String? = nil, keepDocument: Bool = true, keepSource: Bool = true
    ) throws(PlanError) -> LoadedPlan {
        let choice = ProfileChoice(option: profileOption, cache: cache, planFile: file)
        let plan: Plan
        do {
            plan = try PlanDecoder.decode(
                bytes: bytes, file: file, extraCategories: choice.categories, crsResolver: PlanCoordinateSystems.resolver,
                keepDocument: keepDocument, keepSource: keepSource)
        } catch {
            // A broken profile explains the plan's errors better than they do.
            if case .failure(let profileError)? = choice.result { throw profileError }
            throw error.includingGeometryProblems()
        }
        return LoadedPlan(plan: plan, profile: try choice.profile(), sha256: known ?? SHA256.hex(bytes))
    }
}

/// The profile a plan is checked against, settled while the plan's `plan`
/// member is read: `--profile`, else the profile the plan names, else
/// cn-2025. The decoder asks for the zone categories it adds
/// (``categories(declared:)``) before it reads the features.
final class ProfileChoice {
    let option: String?
    let cache: ProfileCache
    let planFile: String
    /// Set once the decoder has asked.
    private(set) var result: Result<Profile, PlanError>?

    init(option: String?, cache: ProfileCache, planFile: String) {
        self.option = option
        self.cache = cache
        self.planFile = planFile
    }

    /// The categories the profile adds, given the profile the plan declares.
    func categories(declared: String?) -> [ZoneCategory] {
        result = Result { () throws(PlanError) -> Profile in
            if let option { return try cache.profile(option) }
            return try cache.profile(try LoadedPlan.declaredProfile(declared ?? "cn-2025", planFile: planFile))
        }
        return (try? result?.get()).map { Array($0.extraCategories.keys) } ?? []
    }

    /// The profile settled, or cn-2025 (or `--profile`) when the decoder
    /// never asked.
    func profile() throws(PlanError) -> Profile {
        switch result {
        case .success(let profile)?: return profile
        case .failure(let error)?: throw error
        case nil: return try cache.profile(option ?? "cn-2025")
        }
    }
}

extension LoadedPlan {
    /// The profile a plan names, as a name or path to load. A plan (which
    /// may come from anyone) may name a built-in profile or a profile file
    /// in its own folder or below it; any other path would let a plan make
    /// the tool read, and echo the structure of, any local file. Other files
    /// are given on the command line (`--profile`).
    static func declaredProfile(_ declared: String, planFile: String) throws(PlanError) -> String {
        // A name (no path, no .json): built in, or the loader says which exist.
        if BuiltInProfiles.files[declared] != nil || (!declared.contains("/") && !declared.hasSuffix(".json")) { return declared }
        let parts = declared.split(separator: "/", omittingEmptySubsequences: false)
        guard declared.hasSuffix(".json"), !declared.hasPrefix("/"), !declared.hasPrefix("~"), !parts.contains("..") else {
            throw PlanError([
                PlanProblem(
                    file: planFile, property: "plan.profile",
                    message:
                        "`\(declared)`: a plan may name a built-in profile (\(BuiltInProfiles.names.joined(separator: ", "))) or a .json file in its own folder; give any other profile with --profile"
                )
            ])
        }
        let folder = (planFile as NSString).deletingLastPathComponent
        return folder.isEmpty ? declared : (folder as NSString).appendingPathComponent(declared)
    }
}

/// The whole check of one plan, as `sightline check` and `sightline batch` run it.
public struct PlanChecker: Sendable {
    public var toolVersion: String
    public var profileOption: String?
    public var asOf: CalendarDate
    /// Levels analysed at once within the plan.
    public var parallelism: Int
    /// The public-security cameras of an earlier plan (`--baseline`), to
    /// find those moved, altered or removed (Art. 23 (2)).
    public var baseline: [Camera] = []

    public init(toolVersion: String, profileOption: String?, asOf: CalendarDate, parallelism: Int) {
        self.toolVersion = toolVersion
        self.profileOption = profileOption
        self.asOf = asOf
        self.parallelism = parallelism
    }

    /// Analyses a loaded plan and applies its profile.
    ///
    /// - Throws: ``PlanError`` for geometry the engine cannot use (an opening
    ///   on no wall), and for a GEOS failure too, as a problem naming the
    ///   plan's file: every caller reports both the same way (exit 2, or an
    ///   invalid building in a batch).
    public func check(_ loaded: LoadedPlan) throws(PlanError) -> CheckReport {
        let engine = engine(for: loaded)
        // Grouped once for the engine and the rules, and let go with them.
        let contents = loaded.plan.contentsByLevel()
        let analysis = try Self.mappingErrors(loaded) { try engine.analyze(loaded.plan, contents: contents) }
        return report(loaded, analysis: analysis, contents: contents)
    }

    /// The check, with the scenes it built kept in a ``PlanSession`` (its
    /// levels one after another): `fix` studies the offending cameras
    /// against them, and the analyses of them the check made, instead of
    /// building and analysing them again.
    public func checkKeepingScenes(_ loaded: LoadedPlan) throws(PlanError) -> (report: CheckReport, session: PlanSession) {
        let engine = engine(for: loaded)
        let session = try Self.mappingErrors(loaded) { try PlanSession(plan: loaded.plan, engine: engine) }
        return (report(loaded, analysis: session.analysis()), session)
    }

    private func engine(for loaded: LoadedPlan) -> Engine { engine(for: loaded.profile) }

    func engine(for profile: Profile) -> Engine {
        Engine(prohibited: profile.prohibitedCategories, parallelism: parallelism, zoneViewThreshold: profile.zoneViewThreshold)
    }

    private func report(_ loaded: LoadedPlan, analysis: PlanAnalysis, contents: [String: LevelContents]? = nil) -> CheckReport {
        var rules = RuleEngine(profile: loaded.profile, asOf: asOf)
        rules.baseline = baseline
        let outcome = rules.evaluate(analysis, contents: contents)
        return CheckReport(
            toolVersion: toolVersion, profile: loaded.profile, analysis: analysis, outcome: outcome,
            asOf: asOf, inputSHA256: loaded.sha256)
    }

    /// Runs the engine, turning a GEOS failure into a problem naming the plan's file.
    private static func mappingErrors<T>(_ loaded: LoadedPlan, _ body: () throws -> T) throws(PlanError) -> T {
        do {
            return try body()
        } catch let error as PlanError {
            throw error
        } catch {
            throw PlanError([PlanProblem(file: loaded.plan.file, message: "\(error)")])
        }
    }
}
