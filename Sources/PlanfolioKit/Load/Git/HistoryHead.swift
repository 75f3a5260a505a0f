import Foundation

/// How a build uses git history: `--no-history`, `--since`, `--as-of`.
public struct HistoryOptions: Sendable, Equatable {
    /// False for `--no-history`: no history is read, signatures are judged by `updated`, and no warning says so.
    public var enabled = true
    /// `--since DATE|REV`: where `changes.html` starts (overrides `changesSince`).
    public var since: String?
    /// `--as-of DATE|REV`: build the portfolio as it stood at that commit.
    public var asOf: String?

    public init() {}
}

/// Where the history stands for one build, found before anything else is
/// read: the repository holding the input folder, the commit `HEAD` names
/// (from git's files, no process), whether the history is usable, and the
/// `--as-of` commit. `key` hashes it all with the history options, so a
/// build whose key, listing and settings are the last build's is a build
/// with nothing changed. Part of Load.
struct HistoryHead: Sendable {
    var key: Digest
    /// False for `--no-history`, and for builds that read no input folder.
    var wanted: Bool
    var repository: GitRepository?
    /// The commit the history ends at: `HEAD`, or the `--as-of` commit.
    var tip: String?
    /// Why the history cannot be used (not a repository, a shallow clone, no git): a warning may say so.
    var unusable: String?
    var asOf: AsOfPoint?
    var options: HistoryOptions

    static let notWanted = HistoryHead(key: .none, wanted: false, options: HistoryOptions())

    init(key: Digest, wanted: Bool, repository: GitRepository? = nil, tip: String? = nil, unusable: String? = nil,
         asOf: AsOfPoint? = nil, options: HistoryOptions) {
        self.key = key
        self.wanted = wanted
        self.repository = repository
        self.tip = tip
        self.unusable = unusable
        self.asOf = asOf
        self.options = options
    }

    /// The head for `input`. Throws only for an `--as-of` that names no
    /// commit (a usage error, exit 2); every other problem makes the
    /// history unusable, which a warning says.
    static func find(input: String, options: HistoryOptions) throws(PlanfolioError) -> HistoryHead {
        guard options.enabled else {
            if options.asOf != nil { throw PlanfolioError("--as-of needs the git history: leave out --no-history") }
            return HistoryHead(key: key(["no history"]), wanted: false, options: options)
        }
        var head = HistoryHead(key: .none, wanted: true, options: options)
        head = try located(head, input: input)
        head.key = key(head)
        return head
    }

    private static func located(_ found: HistoryHead, input: String) throws(PlanfolioError) -> HistoryHead {
        var head = found
        let options = head.options
        guard let repository = GitRepository.locate(input: input) else {
            head.unusable = "the input folder is not in a git repository"
            if options.asOf != nil { throw PlanfolioError("--as-of needs the git history, and \(head.unusable ?? "")") }
            return head
        }
        head.repository = repository
        if repository.isShallow {
            head.unusable = "the repository is a shallow clone, so its history is cut short (fetch all of it: git fetch --unshallow, or fetch-depth: 0 in CI)"
        } else if GitCommand.executable == nil {
            head.unusable = "git is not installed (not on the PATH)"
        } else if let tip = repository.headFromFiles() ?? (try? GitObjects.commit(repository, named: "HEAD")) {
            head.tip = tip
        } else {
            head.unusable = "the repository has no commit yet"
        }
        if let asOf = options.asOf {
            if let reason = head.unusable { throw PlanfolioError("--as-of needs the git history, and \(reason)") }
            guard let repository = head.repository, let tip = head.tip else { return head }
            do throws(GitCommand.Failure) {
                let point = try resolve(asOf, repository: repository, tip: tip, firstParents: nil)
                guard let commit = point.commit else { throw GitCommand.Failure(message: "no commit of HEAD's first-parent line is dated on or before \(asOf)") }
                head.asOf = AsOfPoint(commit: commit, day: point.day, label: asOf)
                head.tip = commit
            } catch {
                throw PlanfolioError("--as-of \(asOf): \(error.message)")
            }
        }
        return head
    }

    /// The commit `point` (a date, or a revision) means: for a date, the
    /// newest commit of `tip`'s first-parent line committed on or before
    /// that day (nil when there is none), and the day itself; for a
    /// revision, its commit and its committer's day.
    static func resolve(_ point: String, repository: GitRepository, tip: String,
                        firstParents: HistorySession.FirstParents?) throws(GitCommand.Failure) -> (commit: String?, day: Day, firstParents: HistorySession.FirstParents) {
        let line: HistorySession.FirstParents
        if let known = firstParents, known.tip == tip {
            line = known
        } else {
            line = HistorySession.FirstParents(tip: tip, commits: try GitObjects.firstParents(repository, tip: tip))
        }
        if let day = Day(point), point.count == 10 {
            return (line.commits.first { $0.day <= day }?.id, day, line)
        }
        let commit = try GitObjects.commit(repository, named: point)
        if let known = line.commits.first(where: { $0.id == commit }) { return (commit, known.day, line) }
        let dated = try GitObjects.firstParents(repository, tip: commit)
        return (commit, dated.first?.day ?? Day(year: 1970, month: 1, day: 1)!, line)
    }

    private static func key(_ head: HistoryHead) -> Digest {
        key(["history", head.repository?.top ?? "", head.repository?.prefix ?? "", head.repository?.gitDir ?? "", head.tip ?? "",
             head.unusable ?? "", head.options.since ?? "", head.options.asOf ?? "", head.asOf?.commit ?? ""])
    }

    private static func key(_ parts: [String]) -> Digest {
        var hasher = StableHasher()
        hasher.combine(parts.count)
        for part in parts { hasher.combine(part) }
        return hasher.digest()
    }
}

/// The files of the repository holding an input folder whose change means
/// `HEAD` moved (a commit, a checkout, a reset): `planfolio serve` watches
/// them beside the input, so a commit rebuilds what it reaches.
public enum HistoryWatch {
    /// `HEAD` and `packed-refs` (files), `refs` (a folder); empty when the input is in no repository.
    public static func paths(input: String) -> (files: [String], folders: [String]) {
        guard let repository = GitRepository.locate(input: input) else { return ([], []) }
        return repository.headFiles
    }
}
