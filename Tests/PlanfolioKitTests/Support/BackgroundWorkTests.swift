import Foundation
import Testing
@testable import PlanfolioKit

@Suite struct BackgroundWorkTests {
    @Test func resultsComeBackInJobOrderWhateverFinishesFirst() {
        // Later jobs finish first; the results must still be in job order.
        let jobs: [@Sendable () -> Int] = (0..<7).map { index in
            { usleep(UInt32((7 - index) * 2_000)); return index * index }
        }
        let work = ConcurrentMap.withThreads(2) { BackgroundWork(jobs, lanes: 2) }
        #expect(work.wait() == [0, 1, 4, 9, 16, 25, 36])
    }

    @Test func withOneThreadTheJobsRunInsideWait() {
        let ran = Counter()
        let jobs: [@Sendable () -> String] = [{ ran.increment(); return "a" }, { ran.increment(); return "b" }]
        let work = ConcurrentMap.withThreads(1) { BackgroundWork(jobs, lanes: 2) }
        usleep(20_000)
        #expect(ran.value == 0, "nothing starts before wait with one thread")
        #expect(work.wait() == ["a", "b"])
        #expect(ran.value == 2)
    }

    @Test func noJobsIsNoResults() {
        let work = ConcurrentMap.withThreads(2) { BackgroundWork([@Sendable () -> Int](), lanes: 2) }
        #expect(work.wait().isEmpty)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }
}
