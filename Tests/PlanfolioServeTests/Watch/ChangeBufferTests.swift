import Foundation
import Testing
@testable import PlanfolioServe

@Suite struct ChangeBufferTests {
    @Test func changesReportedBeforeTheBurstIsOverComeOutTogether() {
        let buffer = ChangeBuffer(quiet: .milliseconds(20), longest: .seconds(5))
        buffer.add(["/p/a.md"])
        buffer.add(["/p/a.md", "/p/b.md"])
        buffer.add(["/p/c.md"])
        #expect(buffer.next(timeout: .seconds(10)) == ["/p/a.md", "/p/b.md", "/p/c.md"])
    }

    @Test func nothingReportedGivesNilAtTheTimeout() {
        let buffer = ChangeBuffer(quiet: .milliseconds(20), longest: .seconds(5))
        #expect(buffer.next(timeout: .milliseconds(30)) == nil)
    }

    @Test func anEmptyReportIsNoChange() {
        let buffer = ChangeBuffer(quiet: .milliseconds(20), longest: .seconds(5))
        buffer.add([String]())
        #expect(buffer.next(timeout: .milliseconds(30)) == nil)
    }

    @Test func stopWakesAWaiter() async {
        let buffer = ChangeBuffer(quiet: .milliseconds(20), longest: .seconds(5))
        let waiter = Task.detached { buffer.next(timeout: nil) }
        buffer.stop()
        #expect(await waiter.value == nil)
    }

    @Test func theEndOfASaveEndsTheBurstSoonerButNotBeforeItsOtherChanges() {
        let buffer = ChangeBuffer(quiet: .seconds(60), settle: .milliseconds(10), longest: .seconds(120))
        buffer.add(["/p/.a.md.swp", "/p/a.md"])
        buffer.add(["/p/a.md"], settled: true)
        #expect(buffer.next(timeout: .seconds(30)) == ["/p/.a.md.swp", "/p/a.md"])
        #expect(buffer.settle == .milliseconds(10))
        #expect(ChangeBuffer(quiet: .milliseconds(5), settle: .milliseconds(10), longest: .seconds(1)).settle == .milliseconds(5))
    }

    @Test func aBurstHandedOutIsGone() {
        let buffer = ChangeBuffer(quiet: .milliseconds(10), longest: .seconds(5))
        buffer.add(["/p/a.md"])
        #expect(buffer.next(timeout: .seconds(10)) == ["/p/a.md"])
        buffer.add(["/p/b.md"])
        #expect(buffer.next(timeout: .seconds(10)) == ["/p/b.md"])
    }
}
