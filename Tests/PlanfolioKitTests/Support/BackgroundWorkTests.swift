import Foundation
import Testing
@testable import PlanfolioKit

@Suite struct BackgroundWorkTests {
    @Test func resultsComeBackInJobOrderWhateverFinishesFirst() {
        // Two lanes take jobs 0 and 1 at once; job 0 cannot finish before job 1 has.
        let secondDone = DispatchSemaphore(value: 0)
        let jobs: [@Sendable () -> Int] = [
            { secondDone.wait(); return 0 },
            { secondDone.signal(); return 1 },
        ] + (2..<7).map { index in { index * index } }
        let work = ConcurrentMap.withThreads(2) { BackgroundWork(jobs, lanes: 2) }
        #expect(work.wait() == [0, 1, 4, 9, 16, 25, 36])
    }

    @Test func forEachAsDoneGivesEachResultOnceAsItIsDone() {
        // Job 0 cannot finish before job 1 has been handed over: it waits for the caller to have it.
        let firstHandedOver = DispatchSemaphore(value: 0)
        let jobs: [@Sendable () -> Int] = [
            { firstHandedOver.wait(); return 0 },
            { 1 },
        ] + (2..<7).map { index in { index * index } }
        let work = ConcurrentMap.withThreads(2) { BackgroundWork(jobs, lanes: 2) }
        var order: [Int] = []
        work.forEachAsDone { result in
            order.append(result)
            if order.count == 1 { firstHandedOver.signal() }
        }
        #expect(order.first != 0, "a job done later is not waited for")
        #expect(order.sorted() == [0, 1, 4, 9, 16, 25, 36])
    }

    @Test func withOneThreadTheJobsRunInsideWait() {
        let caller = pthread_self()
        let ranHere = Counter()
        let jobs: [@Sendable () -> String] = [
            { if pthread_equal(pthread_self(), caller) != 0 { ranHere.increment() }; return "a" },
            { if pthread_equal(pthread_self(), caller) != 0 { ranHere.increment() }; return "b" },
        ]
        let work = ConcurrentMap.withThreads(1) { BackgroundWork(jobs, lanes: 2) }
        #expect(work.wait() == ["a", "b"])
        #expect(ranHere.value == 2, "with one thread, both jobs run on the thread that waits")
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
