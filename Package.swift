// swift-tools-version:6.1
// Swift 6 language mode is the default for tools version 6.x.
import PackageDescription

let package = Package(
  name: "scrum",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "scrum", targets: ["scrum"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    // The C view of ncursesw: a module map and a shim for what Swift cannot import.
    .systemLibrary(
      name: "CNcurses", path: "CNcurses", providers: [.apt(["libncurses-dev"])]),

    // Pure domain: value types and mutations; no I/O, no terminal.
    .target(name: "ScrumCore"),

    // SQLite through GRDB: schema, migrations, the board repository, export.
    .target(
      name: "ScrumStore",
      dependencies: [
        "ScrumCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),

    // Terminal-agnostic UI toolkit: cells, grid, keys, text width, the Terminal protocol.
    .target(name: "TermUI"),

    // The application: state, commands, keymap, reducer, panes and the runtime loop.
    .target(name: "BoardApp", dependencies: ["ScrumCore", "ScrumStore", "TermUI"]),

    // The user's config.toml: key bindings, theme, defaults for new boards, the team.
    .target(
      name: "ScrumConfig",
      dependencies: ["BoardApp", "ScrumCore", "TermUI", .product(name: "TOMLKit", package: "TOMLKit")]),

    // Restores the terminal from a fatal-signal handler (async-signal-safe C, no ncurses).
    .target(name: "CCrashGuard"),

    // The only module that talks to ncurses.
    .target(name: "NcursesTerminal", dependencies: ["CNcurses", "CCrashGuard", "TermUI"]),

    .executableTarget(
      name: "scrum",
      dependencies: [
        "BoardApp", "NcursesTerminal", "ScrumStore", "ScrumCore", "TermUI", "ScrumConfig",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Storage figures as a board grows (run with -c release); not part of the product.
    .executableTarget(name: "scrum-bench", dependencies: ["ScrumCore", "ScrumStore", "BoardApp", "TermUI"]),

    // Test helpers: grid snapshots, a fake terminal, scripted sessions, tmux driving.
    .target(
      name: "TestSupport", dependencies: ["BoardApp", "ScrumStore", "ScrumCore", "TermUI"]),

    .testTarget(name: "ScrumCoreTests", dependencies: ["ScrumCore", "TestSupport"]),
    .testTarget(
      name: "ScrumStoreTests", dependencies: ["ScrumStore", "ScrumCore", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "TermUITests", dependencies: ["TermUI"]),
    .testTarget(name: "ScrumConfigTests", dependencies: ["ScrumConfig", "BoardApp", "TermUI", "ScrumCore"]),
    .testTarget(
      name: "BoardAppTests", dependencies: ["BoardApp", "TestSupport", "ScrumCore", "TermUI"],
      exclude: ["__Snapshots__"]),
    .testTarget(name: "FuzzTests", dependencies: ["BoardApp", "TestSupport", "ScrumCore", "ScrumStore", "TermUI"]),
    // Depends on the executable so that `swift test` builds `scrum` before running it in tmux.
    .testTarget(
      name: "EndToEndTests", dependencies: ["TestSupport", "ScrumStore", "ScrumCore", "scrum"]),
  ]
)
