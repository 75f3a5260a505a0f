import Foundation
import Testing
@testable import PlanfolioServe

@Suite struct SitePathTests {
    @Test(arguments: [
        ("/", "index.html"),
        ("/index.html", "index.html"),
        ("/plans/RP-2026-009.html", "plans/RP-2026-009.html"),
        ("/plans/", "plans/index.html"),
        ("/files/evidence%20one.png", "files/evidence one.png"),
        ("//plans//RP-1.html", "plans/RP-1.html"),
        ("/%252e%252e/x", "%2e%2e/x"),
    ])
    func requestPathsNameSitePaths(raw: String, expected: String) {
        #expect(SitePath.sitePath(ofRequestPath: raw) == expected)
    }

    @Test(arguments: [
        "/../etc/passwd", "/plans/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd",
        "/plans/..%2f..%2fetc/passwd", "/./index.html", "/.planfolio", "/assets/.hidden.css",
        "/index.html%00.png", "/..\\etc\\passwd", "/plans%5c..%5c..%5cetc", "/%zz", "index.html", "",
    ])
    func pathsThatLeaveTheSiteOrAreMalformedAreRefused(raw: String) {
        #expect(SitePath.sitePath(ofRequestPath: raw) == nil)
    }

    @Test func filesFoldersAndLinksResolveInsideTheSiteOnly() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/index.html", "<p>home</p>")
        try folder.write("site/plans/RP-1.html", "<p>plan</p>")
        try folder.write("site/plans/index.html", "<p>plans</p>")
        try folder.write("secret.txt", "secret")
        try FileManager.default.createSymbolicLink(atPath: folder.path("site/leak.txt"), withDestinationPath: folder.path("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder.path("site/up"), withDestinationPath: folder.path("."))
        try FileManager.default.createSymbolicLink(atPath: folder.path("site/alias.html"), withDestinationPath: "plans/RP-1.html")
        let root = folder.path("site")
        let real = try #require(SitePath.realPath(root))

        #expect(SitePath.resolve("/", root: root) == .file(path: real + "/index.html", sitePath: "index.html"))
        #expect(SitePath.resolve("/plans", root: root) == .file(path: real + "/plans/index.html", sitePath: "plans/index.html"))
        #expect(SitePath.resolve("/plans/RP-1.html", root: root) == .file(path: real + "/plans/RP-1.html", sitePath: "plans/RP-1.html"))
        #expect(SitePath.resolve("/alias.html", root: root) == .file(path: real + "/plans/RP-1.html", sitePath: "alias.html"))
        #expect(SitePath.resolve("/leak.txt", root: root) == .missing(sitePath: "leak.txt"))
        #expect(SitePath.resolve("/up/secret.txt", root: root) == .missing(sitePath: "up/secret.txt"))
        #expect(SitePath.resolve("/nothing.html", root: root) == .missing(sitePath: "nothing.html"))
        #expect(SitePath.resolve("/%2e%2e/secret.txt", root: root) == .malformed)
    }
}
