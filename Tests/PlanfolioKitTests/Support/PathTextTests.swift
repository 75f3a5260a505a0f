import Testing
@testable import PlanfolioKit

/// Path arithmetic that holds for every string, the one-letter folder included.
@Suite struct PathTextTests {
    @Test(arguments: [
        ("p", "x", "p/x"), ("p/", "x", "p/x"), ("", "x", "x"), ("p", "", "p"), ("/", "x", "/x"),
        ("a/b", "c/d.md", "a/b/c/d.md"), ("p", "/x", "p/x"),
    ])
    func join(folder: String, name: String, joined: String) {
        #expect(PathText.join(folder, name) == joined)
    }

    @Test(arguments: [
        ("p", "", "p"), ("/p", "/", "p"), ("p/", "", "p"), ("a/b", "a", "b"), ("a/b/", "a", "b"),
        ("/", "/", "/"), ("", "", ""), ("a//b", "a", "b"), ("é", "", "é"), ("./p", ".", "p"),
    ])
    func parentAndLastComponent(path: String, parent: String, last: String) {
        #expect(PathText.parent(path) == parent)
        #expect(PathText.lastComponent(path) == last)
    }
}
