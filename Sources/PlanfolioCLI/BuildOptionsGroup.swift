import ArgumentParser
import Foundation
import PlanfolioKit

/// The options `build` and `check` share.
struct BuildOptionsGroup: ParsableArguments {
    @Option(help: "Folder of Markdown documents.")
    var input: String = "Plans"

    @Option(help: "Folder the site is written to.")
    var output: String = "Output"

    @Option(help: "Theme folder, laid over the built-in theme file by file: it need hold only what it changes (default: Theme when it exists).")
    var theme: String?

    @Option(help: "The build date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else the clock).")
    var today: String?

    @Option(help: "Site configuration file (default: planfolio.yml beside the input folder, when it exists).")
    var config: String?

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is published at (overrides baseURL in the config); enables feed.xml and sitemap.xml.")
    var baseURL: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "How to print problems: text, json (JSON lines), github (Actions annotations) or sarif (SARIF 2.1.0).")
    var diagnostics: DiagnosticFormat = .text

    @Flag(help: "Build everything from scratch: neither use nor record the build cache.")
    var noCache = false

    @Option(help: "Where changes.html starts: a date (YYYY-MM-DD) or a git revision (default: changesSince in the config, else 30 days before today).")
    var since: String?

    @Option(name: .customLong("as-of"), help: "Build the portfolio as it stood at a date (YYYY-MM-DD) or git revision, read from git's objects; today defaults to that commit's day.")
    var asOf: String?

    @Flag(help: "Read no git history: no revisions or changes.html, and signatures are judged by each plan's updated date.")
    var noHistory = false

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
        options.todayFromClock = today == nil && ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] == nil
        options.history.enabled = !noHistory
        for (name, value) in [("--since", since), ("--as-of", asOf)] {
            if let value, let problem = ConfigLoader.sinceProblem(value) { throw PlanfolioError("\(name) \(problem)") }
        }
        options.history.since = since
        options.history.asOf = asOf
        return options
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site from the documents.")
    @OptionGroup var options: BuildOptionsGroup
    func run() throws { try BuildRunner.run(options, write: true) }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check the documents and report problems; write nothing.")
    @OptionGroup var options: BuildOptionsGroup
    func run() throws { try BuildRunner.run(options, write: false) }
}
