import ArgumentParser
import Foundation
import PlanfolioKit

/// The options `build` and `check` share.
struct BuildOptionsGroup: ParsableArguments {
    @Option(help: "Folder of Markdown documents.")
    var input: String = "Plans"

    @Option(help: "Folder the site is written to.")
    var output: String = "Output"

    @Option(help: "Theme folder (default: Theme when it exists).")
    var theme: String?

    @Option(help: "The build date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else the clock).")
    var today: String?

    @Option(help: "Site configuration file (default: planfolio.yml beside the input folder, when it exists).")
    var config: String?

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is published at (overrides baseURL in the config); enables feed.xml and sitemap.xml.")
    var baseURL: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Build everything from scratch: neither use nor record the build cache.")
    var noCache = false

    @Option(help: ArgumentHelp("Threads to parse and render on (default: every core).", visibility: .hidden))
    var threads: Int?

    func buildOptions(write: Bool) throws(PlanfolioError) -> PlanfolioKit.BuildOptions {
        let day = try Today.resolve(option: today, environment: ProcessInfo.processInfo.environment)
        var options = PlanfolioKit.BuildOptions(today: day)
        options.input = input
        options.output = output
        options.theme = theme
        options.strict = strict
        options.configPath = config
        options.baseURL = baseURL
        options.write = write
        options.useCache = !noCache
        options.threads = threads
        return options
    }
}

/// Exit codes, as the spec gives them.
enum ExitStatus {
    static let documentErrors: Int32 = 1
    static let usageOrIO: Int32 = 2
}

/// Runs a build or check, prints its diagnostics and summary, and exits with the spec's code.
func runBuild(_ group: BuildOptionsGroup, write: Bool) throws {
    let report: BuildReport
    do {
        let options = try group.buildOptions(write: write)
        report = try Build.run(options)
    } catch let error as PlanfolioError {
        FileHandle.standardError.write(Data("planfolio: error: \(error.message)\n".utf8))
        throw ExitCode(ExitStatus.usageOrIO)
    }
    var text = ""
    for diagnostic in report.diagnostics { text += diagnostic.description + "\n" }
    let errors = report.diagnostics.errorCount, warnings = report.diagnostics.warningCount
    if report.wrote {
        text += "planfolio: \(report.documentsRead) documents read, \(report.pagesWritten) pages written to \(group.output), \(errors) errors, \(warnings) warnings\n"
    } else if report.hasErrors {
        text += "planfolio: \(report.documentsRead) documents read, \(errors) errors, \(warnings) warnings; nothing written\n"
    } else {
        text += "planfolio: \(report.documentsRead) documents checked, \(errors) errors, \(warnings) warnings\n"
    }
    FileHandle.standardError.write(Data(text.utf8))
    if report.hasErrors { throw ExitCode(ExitStatus.documentErrors) }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site from the documents.")
    @OptionGroup var options: BuildOptionsGroup
    func run() throws { try runBuild(options, write: true) }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check the documents and report problems; write nothing.")
    @OptionGroup var options: BuildOptionsGroup
    func run() throws { try runBuild(options, write: false) }
}
