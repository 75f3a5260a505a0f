import Foundation

/// Puts one file into the staging folder: a hard link to the previous site's
/// file when the bytes are the same, else a freshly written file.
enum FileStager {
    /// Returns true when the file was linked (unchanged), false when written.
    static func stage(_ contents: [UInt8], at target: String, reusing previous: String?) throws(PlanfolioError) -> Bool {
        if let previous, POSIXFile.hasContents(previous, equalTo: contents), link(previous, target) == 0 {
            return true
        }
        try POSIXFile.writeNew(target, contents)
        return false
    }
}
