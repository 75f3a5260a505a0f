/// The names of the folders a build keeps while it works: the work folder
/// `.Output.planfolio-cache` beside the output (planfolio's own: the build
/// cache's manifest lives there too), and in it
/// `.Output.planfolio-staging-PID` (the new site being written) and
/// `.Output.planfolio-old-PID` (the old site while it is swapped out, only
/// where an atomic exchange is not available). Builds before the work folder
/// kept the last two beside the output; they are cleaned up there too.
///
/// The process id in the name lets a later build tell folders of a build
/// that died (and may be removed) from those of one still running.
struct StagingName: Sendable {
    var outputName: String

    var workFolder: String { ".\(outputName).planfolio-cache" }
    func staging(pid: Int32) -> String { ".\(outputName).planfolio-staging-\(pid)" }
    func old(pid: Int32) -> String { ".\(outputName).planfolio-old-\(pid)" }
    /// The site before the current one, kept for the next rebuild to start from (`SiteStaging`).
    var spare: String { ".\(outputName).planfolio-spare" }
    /// What is known of the spare: its stamp and the files it differs in.
    var spareRecord: String { "spare.json" }

    enum Role: Equatable { case staging, old }

    /// The role and process id a folder name stands for, or nil when it is not one of ours.
    func parse(_ name: String) -> (role: Role, pid: Int32)? {
        for (role, prefix) in [(Role.staging, ".\(outputName).planfolio-staging-"), (Role.old, ".\(outputName).planfolio-old-")]
        where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let pid = Int32(digits), pid > 0 else { return nil }
            return (role, pid)
        }
        return nil
    }
}
