/// The input folder as a commit's tree holds it (`--as-of`): the listing
/// `InputLoader.scan` gives of a checkout, with every file's bytes read
/// from git's objects in one process, so the working tree is never touched
/// and nothing is checked out. Part of Load.
enum CommitInput {
    /// Files larger than this are listed but not read (a document that large is an error anyway).
    static let maxBlob = 64 << 20

    static func listing(_ repository: GitRepository, commit: String, input: String) throws(PlanfolioError) -> InputListing {
        let tree: [GitObjects.TreeEntry]
        let blobs: [String: [UInt8]]
        do {
            tree = try GitObjects.tree(repository, commit: commit)
            blobs = try GitObjects.blobs(repository, ids: tree.filter { $0.isFile && isListed($0.path) }.map(\.blob), limit: maxBlob)
        } catch {
            throw PlanfolioError("cannot read the input folder at commit \(commit.prefix(12)): \(error.message)")
        }
        var listing = InputListing()
        for entry in tree where entry.isFile && isListed(entry.path) {
            let name = PathText.lastComponent(entry.path)
            let role: InputListing.Role = !InputLoader.isMarkdown(name) ? .asset : name.lowercased() == "readme.md" ? .note : .document
            listing.entries.append(InputListing.Entry(path: entry.path, absolute: "", role: role, stamp: "git:" + entry.blob,
                                                      contents: blobs[entry.blob]))
        }
        listing.entries.sort { $0.path < $1.path }
        return listing
    }

    /// A path `InputLoader.scan` would list: no part of it hidden.
    static func isListed(_ path: String) -> Bool {
        !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0.hasPrefix(".") }
    }
}
