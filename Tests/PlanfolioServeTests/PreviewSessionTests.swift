import Foundation
import PlanfolioKit
import Testing
@testable import PlanfolioServe

/// A whole preview in this process, on port 0, over a small portfolio in a
/// temporary folder: real HTTP requests, real rebuilds after real edits.
/// Every step waits for the event it causes (with a timeout), never a sleep.
@Suite(.serialized) struct PreviewSessionTests {
    static let document = "Plans/assessments/FAF-2026-01-001.md"
    static let page = "assessments/FAF-2026-01-001.html"
    static let text = """
    ---
    kind: assessment
    id: FAF-2026-01-001
    title: Clean assessment
    system: Demo System
    date: 2026-01-05
    owner: "Ada Lovelace (Lead)"
    ---

    # Clean assessment

    The first words.

    """

    final class Preview: @unchecked Sendable {
        let folder: TemporaryFolder
        let session: PreviewSession
        let port: Int

        /// `documents`: false to start with no input folder at all.
        init(documents: Bool = true) async throws {
            folder = try TemporaryFolder()
            try FileManager.default.copyItem(atPath: TestPackage.root + "/Theme", toPath: folder.path("Theme"))
            if documents {
                try folder.write(PreviewSessionTests.document, PreviewSessionTests.text)
                try folder.write("Plans/assessments/FAF-2026-02-002.md", PreviewSessionTests.text
                    .replacingOccurrences(of: "FAF-2026-01-001", with: "FAF-2026-02-002").replacingOccurrences(of: "Clean", with: "Other"))
            }
            var options = BuildOptions(today: Day("2026-11-25")!)
            options.input = folder.path("Plans")
            options.theme = folder.path("Theme")
            options.output = folder.path(".Output.planfolio-serve/site")
            session = try PreviewSession(builder: PreviewBuilder(options: options),
                                         address: try ListenAddress(host: "127.0.0.1", port: 0),
                                         targets: [.tree(folder.path("Plans")), .tree(folder.path("Theme")), .file(folder.path("planfolio.yml"))],
                                         excluded: [folder.path(".Output.planfolio-serve")], quiet: .milliseconds(30)) { _ in }
            port = try await session.start()
        }

        func get(_ path: String) async throws -> RawHTTP.Response { try await RawHTTP.request(port: port, path: path) }

        /// Waits for reloads of the page at `path` until it satisfies `condition` (an edit
        /// may take two rebuilds); the generation of the reload and the page. Throws after 20 s.
        @discardableResult
        func reloaded(_ events: RawHTTP.EventStream, _ path: String, until condition: (String) -> Bool) async throws -> (generation: Int, html: String) {
            let deadline = ContinuousClock.now + .seconds(20)
            while true {
                let generation = Int(try await events.wait(for: "reload", timeout: ContinuousClock.now.duration(to: deadline))) ?? 0
                let html = try await get(path).text
                if condition(html) { return (generation, html) }
            }
        }

        /// The events of the page at `path`, from the generation it was served at.
        func listen(_ path: String) async throws -> RawHTTP.EventStream {
            let html = try await get(path).text
            let generation = try #require(html.firstMatch(of: /data-generation="(\d+)"/)?.1)
            let stream = try RawHTTP.EventStream(port: port, path: "/__planfolio/events?page=\(path)&since=\(generation)")
            _ = try await stream.wait(for: "hello")
            return stream
        }
    }

    /// Runs `body` on a new preview and stops it, also when `body` throws.
    func withPreview(documents: Bool = true, _ body: (Preview) async throws -> Void) async throws {
        let preview = try await Preview(documents: documents)
        do {
            try await body(preview)
        } catch {
            await preview.session.stop()
            throw error
        }
        await preview.session.stop()
    }

    @Test func pagesAreServedWithTheReloadScriptAndTheSitePolicyLoosenedForEventsOnly() async throws {
        try await withPreview { preview in
            let home = try await preview.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.text.contains("<script src=\"/__planfolio/reload.js\""))
            #expect(home.text.contains("script-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; connect-src 'self'\""))
            let script = try await preview.get("/__planfolio/reload.js")
            #expect(script.status == 200)
            #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("new EventSource("))
            #expect(try await preview.get("/__planfolio/serve.css").headers["content-type"] == "text/css; charset=utf-8")
            #expect(try await preview.get("/assets/style.css").headers["content-type"] == "text/css; charset=utf-8")
            #expect(try await preview.get("/portfolio.json").headers["content-type"] == "application/json")
            let head = try await RawHTTP.request(port: preview.port, path: "/", method: "HEAD")
            #expect(head.status == 200 && head.body.isEmpty && head.headers["content-length"] == String(home.body.count))
            #expect(try await RawHTTP.request(port: preview.port, path: "/", method: "POST").status == 405)
            // The files on disk never hold what the server adds.
            let site = preview.folder.path(".Output.planfolio-serve/site")
            let files = try FileManager.default.subpathsOfDirectory(atPath: site)
            #expect(files.contains("index.html"))
            for file in files {
                let bytes = FileManager.default.contents(atPath: site + "/" + file) ?? Data()
                #expect(!String(decoding: bytes, as: UTF8.self).contains("__planfolio"), "\(file)")
            }
        }
    }

    @Test func missingPagesGetTheThemes404AndNothingLeavesTheSite() async throws {
        try await withPreview { preview in
            try preview.folder.write("secret.txt", "top secret")
            try FileManager.default.createSymbolicLink(atPath: preview.folder.path(".Output.planfolio-serve/site/leak.txt"),
                                                       withDestinationPath: preview.folder.path("secret.txt"))
            let missing = try await preview.get("/plans/RP-9999-001.html")
            #expect(missing.status == 404)
            #expect(missing.text.contains("Page not found"))
            #expect(missing.text.contains("/__planfolio/reload.js"))
            for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/assets/..%2f..%2f..%2fsecret.txt", "/.planfolio",
                         "/leak.txt", "/..%5csecret.txt"] {
                let response = try await preview.get(path)
                #expect(response.status == 400 || response.status == 404, "\(path)")
                #expect(!response.text.contains("top secret"), "\(path)")
            }
        }
    }

    @Test func anEditReloadsItsPageAnErrorShowsABannerOnTheLastGoodPageAndAFixTakesItAway() async throws {
        try await withPreview { preview in
            let events = try await preview.listen("/" + Self.page)
            let other = try await preview.listen("/assessments/FAF-2026-02-002.html")

            try preview.folder.append(Self.document, "\nFresh words in the prose.\n")
            let edited = try await preview.reloaded(events, "/" + Self.page) { $0.contains("Fresh words in the prose.") }.html
            #expect(!edited.contains("pf-serve-banner"))

            try preview.folder.write(Self.document, try preview.folder.read(Self.document).replacingOccurrences(of: "2026-01-05", with: "2026-06-31"))
            let broken = try await preview.reloaded(events, "/" + Self.page) { $0.contains("pf-serve-banner pf-serve-banner-error") }.html
            #expect(broken.contains("FAF-2026-01-001.md:6: error:"))
            #expect(broken.contains("Fresh words in the prose."))
            let dashboard = try await preview.get("/").text
            #expect(dashboard.contains("FAF-2026-01-001.md:6: error:"))
            #expect(!(try await preview.get("/assessments/FAF-2026-02-002.html").text.contains("pf-serve-banner")))

            try preview.folder.write(Self.document, try preview.folder.read(Self.document).replacingOccurrences(of: "2026-06-31", with: "2026-01-06"))
            let (fixedAt, fixed) = try await preview.reloaded(events, "/" + Self.page) { !$0.contains("pf-serve-banner") }
            #expect(fixed.contains("2026-01-06"))

            // The other document's page changed in none of this: its first reload is the one its own edit causes.
            try preview.folder.append("Plans/assessments/FAF-2026-02-002.md", "\nOther words.\n")
            #expect(try #require(Int(try await other.wait(for: "reload"))) > fixedAt)
        }
    }

    @Test func badInputNeverStopsTheServer() async throws {
        try await withPreview { preview in
            let events = try await preview.listen("/" + Self.page)
            // A template that does not parse: a theme error, the last site stays.
            try preview.folder.write("Theme/templates/document.mustache", "{{#unclosed}}")
            try await preview.reloaded(events, "/" + Self.page) { $0.contains("pf-serve-banner-error") }
            #expect(try await preview.get("/" + Self.page).status == 200)
            try FileManager.default.removeItem(atPath: preview.folder.path("Theme"))
            try FileManager.default.copyItem(atPath: TestPackage.root + "/Theme", toPath: preview.folder.path("Theme"))
            try await preview.reloaded(events, "/" + Self.page) { !$0.contains("pf-serve-banner") }

            // A config that does not parse.
            try preview.folder.write("planfolio.yml", "title: [unclosed\n")
            try await preview.reloaded(events, "/" + Self.page) { $0.contains("planfolio.yml") }
            try preview.folder.remove("planfolio.yml")
            try await preview.reloaded(events, "/" + Self.page) { !$0.contains("pf-serve-banner") }

            // The input folder deleted: a failure on every page; then back.
            try preview.folder.remove("Plans")
            let gone = try await preview.reloaded(events, "/" + Self.page) { $0.contains("The build failed:") }.html
            #expect(gone.contains("Clean assessment"))
            try preview.folder.write(Self.document, Self.text)
            try await preview.reloaded(events, "/" + Self.page) { !$0.contains("The build failed:") }
        }
    }

    @Test func withoutAnInputFolderItServesAPageSayingSoUntilTheFolderComes() async throws {
        try await withPreview(documents: false) { preview in
            let waiting = try await preview.get("/" + Self.page)
            #expect(waiting.status == 404)
            #expect(waiting.text.contains("No site yet"))
            #expect(waiting.text.contains("The build failed: input folder"))
            let events = try await preview.listen("/" + Self.page)
            try preview.folder.write(Self.document, Self.text)
            let built = try await preview.reloaded(events, "/" + Self.page) { $0.contains("The first words.") }.html
            #expect(!built.contains("pf-serve-banner"))
        }
    }

    @Test func stoppingEndsTheEventStreams() async throws {
        let preview = try await Preview()
        let events = try await preview.listen("/")
        await preview.session.stop()
        #expect(try await events.next(timeout: .seconds(20)) == nil)
    }
}

/// The package's root, for the theme the tests copy.
enum TestPackage {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
