import Foundation
import PlanfolioKit

/// Path arithmetic for the watcher, on plain strings (no file system calls).
enum WatchPath {
    /// `path` made absolute against the working folder, with `.` and `..` parts resolved (links are not followed).
    static func absolute(_ path: String) -> String {
        // One definition, so that the paths the watcher reports are the ones a rebuild restamps.
        InputChanges.absolute(path)
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder == "/" ? "/" + name : folder + "/" + name
    }

    /// Whether `path` is `folder` or inside it.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }
}
