import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Swaps a finished staging folder with the output folder.
///
/// On Linux, `renameat2(RENAME_EXCHANGE)` swaps both names in one atomic
/// step, so there is no moment without an output folder. Where that call is
/// missing or the file system refuses it, two renames are used instead
/// (output -> parking, staging -> output); a build killed between them is
/// repaired by the next build (`LeftoverCleaner` puts the parked site back).
enum FolderSwap {
    /// After it returns, `staging` holds the old site (atomic path) or is gone and `oldParking` holds it (fallback).
    static func exchange(_ staging: String, _ output: String, oldParking: String) throws(PlanfolioError) {
        if atomicExchange(staging, output) { return }
        guard rename(output, oldParking) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: staging)
            throw PlanfolioError("cannot move the old site out of '\(output)': \(reason)")
        }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(oldParking, output)
            try? FileManager.default.removeItem(atPath: staging)
            throw PlanfolioError("cannot move the new site into '\(output)': \(reason)")
        }
    }

    /// True when the two paths were exchanged atomically.
    static func atomicExchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        guard let renameat2 = renameat2Function else { return false }
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #elseif canImport(Darwin)
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }

    #if os(Linux)
    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc has had `renameat2` since 2.28, but Swift's Glibc module does not export it; look it up once.
    private static let renameat2Function: Renameat2? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Renameat2.self)
    }()
    #endif
}
