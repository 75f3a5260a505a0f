import Foundation
import Testing
@testable import PlanfolioKit

@Suite struct ConfigLoaderTests {
    @Test func readsEveryKey() {
        let (config, diagnostics) = ConfigLoader.decode("""
            title: Harbourline fairness plans
            baseURL: https://intranet.example/plans
            requiredRoles: [Plan Owner, Compliance Officer]
            dueSoonDays: 21
            """, file: "planfolio.yml")
        #expect(diagnostics.isEmpty)
        #expect(config.title == "Harbourline fairness plans")
        #expect(config.baseURL == "https://intranet.example/plans/")
        #expect(config.requiredRoles == ["Plan Owner", "Compliance Officer"])
        #expect(config.requiredRolesConfigured)
        #expect(config.dueSoonDays == 21)
    }

    @Test func rolesAndTitlesArePaidOncePerPageSoTheyAreBounded() {
        let roles = (1...ConfigLoader.maximumRoles).map { "Role \($0)" }
        let (atLimit, fine) = ConfigLoader.decode("requiredRoles: [\(roles.joined(separator: ", "))]\n", file: "planfolio.yml")
        #expect(fine.isEmpty)
        #expect(atLimit.requiredRoles == roles)
        let (tooMany, listed) = ConfigLoader.decode("requiredRoles: [\((roles + ["One more"]).joined(separator: ", "))]\n", file: "planfolio.yml")
        #expect(listed.map(\.code) == [.configError])
        #expect(!tooMany.requiredRolesConfigured)
        let long = String(repeating: "r", count: ConfigLoader.maximumTextLength + 1)
        #expect(ConfigLoader.decode("requiredRoles:\n  - Plan Owner\n  - \(long)\n", file: "planfolio.yml").1.first?.line == 3)
        let (titled, titleProblems) = ConfigLoader.decode("title: \(long)\n", file: "planfolio.yml")
        #expect(titleProblems.map(\.code) == [.configError])
        #expect(titled.title == SiteConfig().title)
    }

    @Test func emptyFileGivesDefaults() {
        let (config, diagnostics) = ConfigLoader.decode("", file: "planfolio.yml")
        #expect(diagnostics.isEmpty)
        #expect(config == SiteConfig())
    }

    @Test func unknownKeyIsAnErrorAtItsLine() {
        let (_, diagnostics) = ConfigLoader.decode("title: X\nbaseUrl: https://x.example/\n", file: "site/planfolio.yml")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .configError)
        #expect(diagnostics.first?.file == "site/planfolio.yml")
        #expect(diagnostics.first?.line == 2)
        #expect(diagnostics.first?.message.contains("baseUrl") == true)
    }

    @Test(arguments: [
        ("dueSoonDays: soon\n", 1),
        ("title: X\ndueSoonDays: [1]\n", 2),
        ("title: X\n\nrequiredRoles: Plan Owner\n", 3),
        ("baseURL: intranet/plans\n", 1),
        ("title:\n  a: b\n", 2),
        ("requiredRoles:\n  - Plan Owner\n  - [x]\n", 3),
    ])
    func wrongTypeIsAnErrorAtItsLine(text: String, line: Int) {
        let (_, diagnostics) = ConfigLoader.decode(text, file: "planfolio.yml")
        #expect(diagnostics.map(\.line) == [line])
        #expect(diagnostics.allSatisfy { $0.code == .configError && $0.severity == .error })
    }

    @Test(arguments: [("changesSince: 2026-10-01\n", "2026-10-01"), ("changesSince: audit-2026-q3\n", "audit-2026-q3"),
                      ("changesSince: \"v1.2\"\n", "v1.2")])
    func changesSinceIsADateOrARevision(text: String, since: String) {
        let (config, diagnostics) = ConfigLoader.decode(text, file: "planfolio.yml")
        #expect(diagnostics.isEmpty)
        #expect(config.changesSince == since)
    }

    @Test(arguments: ["changesSince: 2026-02-30\n", "changesSince: --all\n", "changesSince: [a]\n", "changesSince: \"a b\"\n"])
    func changesSinceThatNamesNothingIsAnError(text: String) {
        let (config, diagnostics) = ConfigLoader.decode(text, file: "planfolio.yml")
        #expect(diagnostics.map(\.code) == [.configError])
        #expect(config.changesSince == nil)
    }

    @Test func notYAMLIsAnError() {
        let (_, diagnostics) = ConfigLoader.decode("title: [unclosed\n", file: "planfolio.yml")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .configError)
    }

    @Test func defaultPathIsBesideTheInputFolder() {
        #expect(ConfigLoader.defaultPath(input: "Plans") == "planfolio.yml")
        #expect(ConfigLoader.defaultPath(input: "site/Plans") == "site/planfolio.yml")
        #expect(ConfigLoader.defaultPath(input: "/srv/site/Plans") == "/srv/site/planfolio.yml")
    }

    @Test func explicitMissingConfigIsAnIOError() {
        #expect(throws: PlanfolioError.self) {
            _ = try ConfigLoader.load(path: "/nonexistent/planfolio.yml", input: "Plans")
        }
    }

    @Test func anchorsAndAliasesAreRefusedBeforeYamsExpandsThem() {
        var yaml = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { yaml += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "title: *l9\n"
        let (config, diagnostics) = ConfigLoader.decode(yaml, file: "planfolio.yml")
        #expect(config == SiteConfig())
        #expect(diagnostics.map(\.code) == [.configError])
        #expect(diagnostics.first?.line == 1)
        #expect(diagnostics.first?.message.contains("anchors or aliases") == true)
    }

    @Test func controlCharactersInAValueAreAnError() {
        let (config, diagnostics) = ConfigLoader.decode("title: \"Plans \\x1b[31m\"\n", file: "planfolio.yml")
        #expect(config.title == SiteConfig().title)
        #expect(diagnostics.map(\.code) == [.configError])
        #expect(diagnostics.first?.message.contains("U+001B") == true)
    }

    @Test func aConfigThatIsNoRegularFileIsRefusedNotWaitedOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planfolio-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("planfolio.yml").path
        try #require(mkfifo(fifo, 0o644) == 0)
        #expect(throws: PlanfolioError.self) { try ConfigLoader.load(path: fifo, input: folder.path) }
    }

    @Test func aConfigOverTheSizeLimitIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planfolio-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("planfolio.yml").path
        try Data(repeating: UInt8(ascii: "#"), count: ConfigLoader.maxFileSize + 1).write(to: URL(fileURLWithPath: path))
        let (_, diagnostics) = try ConfigLoader.load(path: path, input: folder.path)
        #expect(diagnostics.map(\.code) == [.configError])
    }
}
