import ArgumentParser
import PlanfolioKit

/// The `planfolio` command: a thin shell over `PlanfolioKit.Build`.
public struct PlanfolioCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "planfolio",
        abstract: "Builds a browsable site from a portfolio of AI-fairness remediation plans.",
        subcommands: [BuildCommand.self, CheckCommand.self, ThemeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    public init() {}
}
