import Foundation
import Testing
@testable import PlanfolioMarkdown

/// On Linux the pool must really hold private copies of cmark-gfm: with the
/// linked copy alone, parses take turns and a build parses on one core.
@Suite struct CmarkLibraryPoolTests {
    @Test func privateCopiesLoadOnLinux() {
        #if os(Linux)
        #expect(CmarkLibrary.privateCopy() != nil)
        let pool = CmarkLibraryPool(size: 2)
        #expect(pool.count == 2 && pool.shortfall == nil)
        #endif
    }

    /// The reason a build would print when the copies cannot be had names what failed.
    @Test func theShortfallSaysWhy() {
        let reason = CmarkLibrary.whyNoPrivateCopy()
        #expect(reason.contains("dlmopen") || reason.contains("cmark-gfm"))
    }
}
