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
}
