import ArgumentParser
import Foundation
import PlanfolioKit

/// `planfolio theme`: work with the built-in theme.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the built-in default theme.",
        subcommands: [ThemeExportCommand.self]
    )
}

/// `planfolio theme export DIR`: writes the built-in theme out to be changed.
struct ThemeExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the built-in theme (templates and assets) to DIR, which must be new or empty."
    )

    @Argument(help: "The folder to write the theme to.")
    var directory: String

    func run() throws {
        do {
            try ThemeExporter.export(ThemeFiles.builtIn, to: directory)
        } catch {
            FileHandle.standardError.write(Data("planfolio: error: \(PrintableText.escaped(error.message))\n".utf8))
            throw ExitCode(ExitStatus.usageOrIO)
        }
        print("wrote the built-in theme to \(directory); use it with --theme \(directory), or keep only the files you change there")
    }
}
