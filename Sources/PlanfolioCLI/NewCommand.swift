import ArgumentParser
import Foundation
import PlanfolioKit

/// `planfolio new plan|investigation|assessment ID`: writes a new document
/// from the template, with its front matter filled from the options.
///
/// Refuses (exit 2) an invalid id, an id the portfolio already uses, and a
/// file that already exists; it never overwrites anything.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new plan, investigation or assessment from the template.",
        discussion: "The file is Plans/plans/ID.md, Plans/investigations/ID.md or Plans/assessments/ID.md (under --input)."
    )

    @Argument(help: "plan, investigation or assessment.")
    var kind: DocumentKind

    @Argument(help: "The new document's id, e.g. RP-2026-012.")
    var id: String

    @Option(help: "The AI system the document is about.")
    var system: String?

    @Option(help: "Id of the related assessment (plans and investigations).")
    var assessment: String?

    @Option(help: "Id of the related drift investigation (plans).")
    var investigation: String?

    @Option(help: "Display title.")
    var title: String?

    @Option(help: "Owner, as 'Name (Role)'.")
    var owner: String?

    @Option(help: "Folder of Markdown documents.")
    var input: String = "Plans"

    @Option(help: "The document's date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else the clock).")
    var today: String?

    func run() throws {
        do {
            try create()
        } catch {
            FileHandle.standardError.write(Data("planfolio: error: \(PrintableText.escaped(error.message))\n".utf8))
            throw ExitCode(ExitStatus.usageOrIO)
        }
    }

    private func create() throws(PlanfolioError) {
        let date = try Today.resolve(option: today, environment: ProcessInfo.processInfo.environment)
        let request = NewDocumentRequest(kind: kind, id: id, date: date, title: title, system: system,
                                         owner: owner, assessment: assessment, investigation: investigation)
        if let problem = NewDocument.problems(with: request).first {
            throw PlanfolioError(problem)
        }
        let relative = NewDocument.relativePath(for: request)
        let path = InputLoader.displayPath(input: input, path: relative)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw PlanfolioError("input '\(input)' is not a folder") }
            let loaded = try InputLoader.load(input: input)
            let existing = NewDocument.existingIDs(in: loaded)
            if existing.contains(id) {
                throw PlanfolioError("id '\(id)' is already used in '\(input)'; ids are never reused, pick another")
            }
            for (option, value) in [("assessment", assessment), ("investigation", investigation)] {
                if let value, !existing.contains(value) {
                    FileHandle.standardError.write(Data("planfolio: warning: \(option) '\(value)' is not in '\(input)' yet; check and build report it until it is\n".utf8))
                }
            }
        }
        if FileManager.default.fileExists(atPath: path) {
            throw PlanfolioError("'\(path)' already exists; planfolio new never overwrites a file")
        }
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw PlanfolioError("cannot create the folder for '\(path)': \(error.localizedDescription)")
        }
        let bytes = Array(NewDocument.text(for: request).utf8)
        // O_EXCL: even a file created since the check above is never overwritten.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw PlanfolioError(errno == EEXIST ? "'\(path)' already exists; planfolio new never overwrites a file"
                                                 : "cannot create '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw PlanfolioError("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        print("planfolio: wrote \(path)")
    }
}
