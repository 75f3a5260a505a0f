import Foundation

/// The Write stage: puts a finished site in place without ever leaving a broken one.
///
/// The site is written to a staging folder beside the output and swapped in
/// only when complete, so a failed or killed build leaves the last good site
/// as it was. An existing output folder without planfolio's marker file was
/// not written by planfolio and is never deleted.
public enum SiteWriter {
    public static let markerName = ".planfolio"

    public static func write(_ files: [OutputFile], to output: String) throws(PlanfolioError) {
        let fileManager = FileManager.default
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent()
        let name = outputURL.lastPathComponent
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: outputURL.path, isDirectory: &isDirectory)
        if exists {
            let marker = outputURL.appendingPathComponent(markerName).path
            guard isDirectory.boolValue, fileManager.fileExists(atPath: marker) else {
                throw PlanfolioError("output folder '\(output)' exists but was not written by planfolio (no \(markerName) marker inside); refusing to replace it")
            }
        }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw PlanfolioError("cannot create '\(parent.path)': \(error.localizedDescription)")
        }
        let token = "\(ProcessInfo.processInfo.processIdentifier)"
        let staging = parent.appendingPathComponent(".\(name).planfolio-staging-\(token)")
        let old = parent.appendingPathComponent(".\(name).planfolio-old-\(token)")
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            var madeFolders: Set<String> = [""]
            for file in files {
                guard isSafeRelativePath(file.path) else {
                    throw PlanfolioError("refusing to write '\(file.path)': it would land outside the output folder")
                }
                let folder = (file.path as NSString).deletingLastPathComponent
                if madeFolders.insert(folder).inserted {
                    try fileManager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
                }
                if let source = file.copyFrom {
                    try fileManager.copyItem(atPath: source, toPath: staging.appendingPathComponent(file.path).path)
                } else {
                    try FileBytes.write(file.contents, to: staging.appendingPathComponent(file.path).path)
                }
            }
            try Data("This folder was written by planfolio; it replaces it on every build.\n".utf8)
                .write(to: staging.appendingPathComponent(markerName))
        } catch let error as PlanfolioError {
            try? fileManager.removeItem(at: staging)
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            throw PlanfolioError("cannot write the site: \(error.localizedDescription)")
        }
        do {
            if exists { try fileManager.moveItem(at: outputURL, to: old) }
            try fileManager.moveItem(at: staging, to: outputURL)
            if exists { try? fileManager.removeItem(at: old) }
        } catch {
            if exists && !fileManager.fileExists(atPath: outputURL.path) {
                try? fileManager.moveItem(at: old, to: outputURL)
            }
            try? fileManager.removeItem(at: staging)
            throw PlanfolioError("cannot move the new site into '\(output)': \(error.localizedDescription)")
        }
    }

    /// A relative path with no `..`, no empty or absolute parts.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." }
    }
}
