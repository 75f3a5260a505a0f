import ArgumentParser
import Foundation
import PlanfolioKit

/// The `planfolio` command: a thin shell over `PlanfolioKit.Build`.
public struct PlanfolioCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "planfolio",
        abstract: "Builds a browsable site from a portfolio of AI-fairness remediation plans.",
        version: ToolInfo.version,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, ThemeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    public init() {}

    /// Parses the arguments, runs the command and exits with the spec's codes:
    /// help and version exit 0, a usage error exits 2 (argument-parser's own
    /// default would be 64), and a command's `ExitCode` passes through.
    public static func runAndExit(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            FileHandle.standardError.write(Data(("planfolio: error: " + message.replacingOccurrences(of: "Error: ", with: "", options: .anchored) + "\n").utf8))
            Foundation.exit(ExitStatus.usageOrIO)
        }
    }
}
