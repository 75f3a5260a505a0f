import Foundation

/// Small portfolios written into a temporary folder, with a copy of the theme.
enum Portfolios {
    static let today = "2026-11-25"

    /// One clean assessment whose body has raw HTML: a single warning (PF026), no error.
    static func warningOnly(in folder: TemporaryFolder) throws {
        try copyTheme(into: folder)
        try folder.write("Plans/assessments/FAF-2026-01-001.md", """
        ---
        kind: assessment
        id: FAF-2026-01-001
        title: Clean assessment
        system: Demo System
        date: 2026-01-05
        owner: "Ada Lovelace (Lead)"
        ---

        # Clean assessment

        <div>raw html</div>
        """)
    }

    /// The warning above, plus two errors: an impossible date (PF011, line 6) and an invalid id (PF009, line 3).
    static func withErrors(in folder: TemporaryFolder) throws {
        try warningOnly(in: folder)
        try folder.write("Plans/assessments/FAF-2026-02-002.md", """
        ---
        kind: assessment
        id: FAF-2026-02-002
        title: Bad date
        system: Demo System
        date: 2026-06-31
        ---

        # Bad date
        """)
        try folder.write("Plans/assessments/bad.md", """
        ---
        kind: assessment
        id: "bad id"
        ---

        # Bad id
        """)
    }

    /// A portfolio of `plans` plans (and half as many investigations and assessments)
    /// from the project's generator `bench/gencorpus.py`, consistent with `today`.
    static func generated(plans: Int, into folder: URL) throws {
        let process = Process()
        process.executableURL = try Tools.python3()
        process.arguments = [BuiltBinary.packageRoot.appendingPathComponent("bench/gencorpus.py").path, folder.path,
                             "--plans", "\(plans)", "--today", today]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Tools.Failure(description: "bench/gencorpus.py exited with \(process.terminationStatus)") }
    }

    static func copyTheme(into folder: TemporaryFolder) throws {
        try FileManager.default.copyItem(at: BuiltBinary.packageRoot.appendingPathComponent("Theme"), to: folder.path("Theme"))
    }
}
