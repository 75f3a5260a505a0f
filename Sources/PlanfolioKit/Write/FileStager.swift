import Foundation

/// Puts files into the staging folder: a hard link to the previous site's
/// file when the bytes are the same, else a freshly written file.
///
/// Used from one thread at a time on purpose: most files go into one folder
/// (`plans/`), whose directory lock serialises file creation anyway;
/// measured at 2000 plans, staging on two threads was slower than on one.
enum FileStager {
    /// The bytes to write: `contents`, or the file `copyFrom` names (evidence files from the input).
    static func contents(of file: OutputFile) throws(PlanfolioError) -> [UInt8] {
        guard let source = file.copyFrom else { return file.contents }
        guard let data = FileManager.default.contents(atPath: source) else {
            throw PlanfolioError("cannot read '\(source)' to copy it into the site")
        }
        return [UInt8](data)
    }

    /// Returns true when the file was linked (unchanged), false when written.
    static func stage(_ contents: [UInt8], at target: String, reusing previous: String?) throws(PlanfolioError) -> Bool {
        if let previous, POSIXFile.hasContents(previous, equalTo: contents), link(previous, target) == 0 {
            return true
        }
        try POSIXFile.writeNew(target, contents)
        return false
    }
}
