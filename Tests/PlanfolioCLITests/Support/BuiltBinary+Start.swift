import Foundation

/// Starting the binary without waiting, for tests that must act while it
/// runs (the SIGKILL test kills it mid-write).
extension BuiltBinary {
    struct Started {
        var process: Process
    }

    static func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Started {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        env.merge(environment) { $1 }
        process.environment = env
        // Output is discarded, not piped: nobody reads while the test polls, and a full pipe would stall the child.
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Started(process: process)
    }
}
