// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Sightline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sightline", targets: ["sightline"]),
        .library(name: "SightlineEngine", targets: ["SightlineEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"]), .brew(["geos"])]
        ),
        .target(name: "PlanarGeometry"),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),
        // GDAL's headers as Debian's libgdal-dev installs them (<gdal/gdal.h>);
        // libgdal itself is opened on first use, not linked (Sources/CGDAL).
        .target(name: "CGDAL", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "OGR", dependencies: ["CGDAL", "PlanarGeometry"]),
        .target(
            name: "SightlineImport",
            dependencies: [
                "OGR", "GEOS", "PlanarGeometry", "SightlinePlan", "SightlineIO", "SightlineJSON", "SightlineEngine",
                .product(name: "Yams", package: "Yams"),
            ]),
        .target(name: "GEOS", dependencies: ["CGEOS", "PlanarGeometry"]),
        // Files, processes, hashes and terminal text: no model, no JSON.
        .target(name: "SightlineIO", dependencies: ["CCrypto"]),
        // A JSON parser, writer and value tree, and decimal text, for plans of any size.
        .target(name: "SightlineJSON", dependencies: ["SightlineIO"]),
        // Languages, the phrase catalogue (en, zh), article references: every word a report or page shows.
        .target(name: "SightlineText", dependencies: ["SightlineJSON"]),
        .target(name: "SightlinePlan", dependencies: ["PlanarGeometry", "SightlineIO", "SightlineJSON"]),
        .target(name: "SightlineEngine", dependencies: ["SightlinePlan", "SightlineIO", "SightlineJSON", "SightlineText", "GEOS"]),
        .target(
            name: "SightlineRules",
            dependencies: ["PlanarGeometry", "SightlinePlan", "SightlineIO", "SightlineJSON", "SightlineText", "SightlineEngine"]),
        .target(
            name: "SightlineReport",
            dependencies: ["SightlinePlan", "SightlineIO", "SightlineJSON", "SightlineText", "SightlineEngine", "SightlineRules", "OGR"]),
        .target(name: "SightlineSynth", dependencies: ["SightlinePlan", "SightlineIO", "SightlineJSON"]),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(
            name: "SightlineCheck",
            dependencies: [
                "SightlinePlan", "SightlineIO", "SightlineJSON", "SightlineEngine", "SightlineRules", "SightlineReport", "SightlineImport",
            ]
        ),
        .target(
            name: "SightlineFix",
            dependencies: [
                "PlanarGeometry", "SightlinePlan", "SightlineIO", "SightlineJSON", "SightlineEngine", "SightlineRules", "SightlineReport",
                "SightlineCheck",
            ]
        ),
        .target(
            name: "SightlineServe",
            dependencies: [
                "PlanarGeometry", "SightlineCheck", "SightlineEngine", "SightlineFix", "SightlineImport", "SightlinePlan", "SightlineIO",
                "SightlineJSON",
                "SightlineReport",
                "SightlineRules", .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .target(
            name: "SightlineBatch",
            dependencies: [
                "CSQLite", "SightlinePlan", "SightlineIO", "SightlineJSON", "SightlineEngine", "SightlineRules", "SightlineReport",
                "SightlineCheck", "SightlineImport",
                "OGR",
            ]
        ),
        .executableTarget(
            name: "sightline",
            dependencies: [
                "SightlinePlan", "SightlineIO", "SightlineJSON", "SightlineText", "SightlineEngine", "SightlineRules", "SightlineReport",
                "SightlineSynth",
                "SightlineCheck",
                "SightlineBatch", "SightlineFix",
                "SightlineImport", "SightlineServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            // Release builds link the Swift runtime and Foundation in, as the
            // Containerfile ships it: the binary runs without a Swift
            // toolchain, and starts in 6 ms instead of 12 (the dynamic
            // loader's symbol lookups were 30 M instructions, a seventh of a
            // check of the mall). Not debug builds: the test bundle links
            // this target's settings, and XCTest has no static library.
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-static-stdlib", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections",
                        "-lFoundationEssentials", "-lFoundationInternationalization",
                    ], .when(platforms: [.linux], configuration: .release))
            ]
        ),
        .executableTarget(
            name: "sightline-bench",
            dependencies: [
                "PlanarGeometry", "SightlinePlan", "SightlineIO", "SightlineJSON", "SightlineEngine", "SightlineRules", "SightlineReport",
                "SightlineSynth",
                "SightlineCheck",
                "SightlineBatch", "SightlineFix", "SightlineImport", "SightlineServe",
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["SightlinePlan", "SightlineIO", "SightlineJSON", "SightlineText", "SightlineEngine", "SightlineRules"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "PlanarGeometryTests", dependencies: ["PlanarGeometry"]),
        .testTarget(name: "SightlineIOTests", dependencies: ["SightlineIO", "TestSupport"]),
        .testTarget(name: "SightlineTextTests", dependencies: ["SightlineText"]),
        .testTarget(name: "SightlineJSONTests", dependencies: ["SightlineJSON", "SightlineIO"]),
        .testTarget(
            name: "SightlinePlanTests",
            dependencies: ["SightlinePlan", "SightlineIO", "SightlineJSON", "SightlineText", "SightlineSynth", "TestSupport"]),
        .testTarget(
            name: "SightlineServeTests",
            dependencies: [
                "SightlineServe", "SightlineImport", "SightlinePlan", "SightlineIO", "SightlineJSON", "SightlineText", "SightlineReport",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "SightlineEngineTests",
            dependencies: [
                "SightlineEngine", "SightlineRules", "SightlineReport", "SightlineSynth", "TestSupport", "GEOS", "PlanarGeometry",
            ]
        ),
        .testTarget(
            name: "SightlineRulesTests",
            dependencies: [
                "SightlineRules", "SightlineEngine", "SightlinePlan", "SightlineIO", "SightlineJSON", "SightlineText", "TestSupport",
            ]
        ),
        .testTarget(
            name: "SightlineBatchTests",
            dependencies: ["SightlineBatch", "SightlineSynth", "TestSupport"]
        ),
        .testTarget(
            name: "SightlineImportTests",
            dependencies: [
                "SightlineImport", "SightlinePlan", "SightlineIO", "SightlineJSON", "SightlineText", "PlanarGeometry", "SightlineEngine",
                "SightlineRules",
                "TestSupport", "OGR",
            ]),
        .testTarget(
            name: "SightlineCLITests",
            dependencies: [
                "sightline", "TestSupport", "SightlinePlan", "SightlineIO", "SightlineJSON", "SightlineText", "PlanarGeometry",
                "SightlineSynth",
                "SightlineFix", "SightlineCheck",
                "SightlineReport", "SightlineImport", "OGR",
            ],
            exclude: ["Golden"]
        ),
    ]
)
