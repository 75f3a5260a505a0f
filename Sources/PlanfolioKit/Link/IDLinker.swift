import PlanfolioMarkdown

/// Turns document ids written in prose into links to their pages.
///
/// Applied while a page's body is written (`HTMLRenderer` asks `page(selfID:root:)`
/// for each run of prose), because the link's URL is relative to the page.
/// The rules, also in `docs/linking.md`:
///
/// - Only whole words: a word is a longest run of `[A-Za-z0-9._-]`, so
///   `RP-2026-1` never matches inside `RP-2026-10` or `xRP-2026-1`. If the
///   whole run is not an id, trailing `.`s are dropped and it is tried again
///   (an id that ends a sentence).
/// - Never in code spans, code blocks, raw HTML, existing links or images
///   (their alt text), or headings (their anchors and the section
///   navigation stay as written).
/// - A document never links to itself.
/// - At most `maximumLinksPerPage` ids are linked on one page; later
///   mentions stay text. Each link repeats its target's title (the
///   tooltip), so without a budget a page of mentions would grow as the
///   mentions times the title (600,000 mentions of an id whose title is
///   300 characters: a 200 MB page).
///
/// Each run of adjacent text nodes is scanned once, byte by byte, with one
/// dictionary look-up per word that could be an id, so the cost does not
/// grow with the number of ids in the portfolio. (It was a rewrite of the
/// Markdown tree before the page was rendered: 5% of a build, mostly
/// copying text that holds no id.)
public struct IDLinker: Sendable {
    public struct Target: Sendable, Hashable {
        /// Path of the page under the site root, e.g. `plans/RP-2026-007.html`.
        public var path: String
        /// Shown as the link's tooltip.
        public var title: String

        public init(path: String, title: String) {
            self.path = path
            self.title = title
        }
    }

    private let targets: [String: Target]
    private let shortest: Int
    private let longest: Int
    /// Which bytes some id starts with, and ends with: a word that fails
    /// either is no id, without building and hashing a string for it (most
    /// prose words of an id's length are rejected so).
    private let firstBytes: [Bool]
    private let lastBytes: [Bool]

    public init(targets: [String: Target]) {
        self.targets = targets
        self.shortest = targets.keys.map(\.utf8.count).min() ?? 0
        self.longest = targets.keys.map(\.utf8.count).max() ?? 0
        var firstBytes = [Bool](repeating: false, count: 256)
        var lastBytes = [Bool](repeating: false, count: 256)
        for id in targets.keys {
            if let first = id.utf8.first, let last = id.utf8.last {
                firstBytes[Int(first)] = true
                lastBytes[Int(last)] = true
            }
        }
        self.firstBytes = firstBytes
        self.lastBytes = lastBytes
    }

    /// Links written on one page at most; later mentions stay text.
    public static let maximumLinksPerPage = 2_000

    /// Every document of the portfolio, linked to its page.
    public init(portfolio: Portfolio) {
        var targets: [String: Target] = [:]
        for document in portfolio.documents {
            targets[document.id] = Target(path: document.url, title: document.title)
        }
        self.init(targets: targets)
    }

    /// The linker for one page, for `HTMLRenderer`, which links the prose
    /// as it writes it (no rewritten copy of the tree).
    /// - Parameters:
    ///   - selfID: the id of the document the page shows; never linked.
    ///   - root: the way from the page to the site root, e.g. `../` for `plans/ID.html`.
    public func page(selfID: String?, root: String) -> PageLinks {
        PageLinks(linker: self, selfID: selfID, root: root)
    }

    /// `IDLinker` for one page: the text linker `HTMLRenderer` calls for each
    /// run of prose. It counts the links it gave (`maximumLinksPerPage`), so
    /// one serves one page, on one thread.
    public final class PageLinks: HTMLRenderer.TextLinker {
        let linker: IDLinker
        let selfID: String?
        let root: String
        private var linked = 0

        init(linker: IDLinker, selfID: String?, root: String) {
            self.linker = linker
            self.selfID = selfID
            self.root = root
        }

        public func links(in text: String) -> [HTMLRenderer.TextLink] {
            let room = IDLinker.maximumLinksPerPage - linked
            guard room > 0 else { return [] }
            var text = text
            let matches = text.withUTF8 { linker.matches(in: $0, selfID: selfID) }.prefix(room)
            linked += matches.count
            return matches.map { match in
                HTMLRenderer.TextLink(range: match.range, url: root + match.target.path, title: match.target.title)
            }
        }
    }

    /// The ids in `text`, in order: each longest run of id bytes that is an
    /// id (else the run less its trailing dots), except `selfID`. Scans the
    /// bytes once and builds a string only for a run that passes the length
    /// and first/last byte checks.
    func matches(in bytes: UnsafeBufferPointer<UInt8>, selfID: String?) -> [(range: Range<Int>, target: Target)] {
        guard !targets.isEmpty else { return [] }
        var found: [(range: Range<Int>, target: Target)] = []
        Self.idBytes.withUnsafeBufferPointer { isIDByte in
            var position = 0
            while position < bytes.count {
                guard isIDByte[Int(bytes[position])] else {
                    position += 1
                    continue
                }
                let start = position
                while position < bytes.count, isIDByte[Int(bytes[position])] { position += 1 }
                var end = position
                var target = lookUp(bytes, start, end)
                if target == nil {
                    while end > start, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
                    if end < position { target = lookUp(bytes, start, end) }
                }
                guard let (id, match) = target, id != selfID else { continue }
                found.append((start..<end, match))
            }
        }
        return found
    }

    private func lookUp(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (String, Target)? {
        let length = end - start
        guard length > 0, length >= shortest, length <= longest, firstBytes[Int(bytes[start])], lastBytes[Int(bytes[end - 1])] else { return nil }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return targets[word].map { (word, $0) }
    }

    /// The bytes an id is made of, as `matches` tells them (`MentionFilter` splits words the same way).
    static var idByteTable: [Bool] { idBytes }

    /// `[A-Za-z0-9._-]`, the characters an id is made of, as a table of the
    /// 256 bytes (one load per byte of prose: the linker's inner loop).
    /// Every other character (spaces, punctuation, any non-ASCII character)
    /// ends a word.
    private static let idBytes: [Bool] = (0...255).map { value in
        switch UInt8(value) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
