import Foundation
import Testing
@testable import PlanfolioMarkdown

/// On Linux the pool must really hold private copies of cmark-gfm: with the
/// linked copy alone, parses take turns and a build parses on one core.
@Suite struct CmarkLibraryPoolTests {
    @Test func privateCopiesLoadOnLinux() {
        #if os(Linux)
        #expect(CmarkLibrary.privateCopy() != nil)
        #expect(CmarkLibraryPool(size: 2).count == 2)
        #endif
    }
}
