import PlanfolioMarkdown

/// Evidence SVGs as the site publishes them: a copy re-written from a real
/// XML parse through `SVGAllowList`, or nothing (SPEC §9; docs/site.md).
///
/// An SVG a document links to opens in the site's origin, and string
/// matching cannot tell an inert SVG from one that runs script: namespace
/// prefixes, entities, character references, UTF-16 and CSS each hide a
/// `<script>` or a `javascript:` from it. So the file is parsed
/// (`XMLEventReader`, libxml2 with no entity expansion or loading), and a
/// new file is written from the events: only allowed elements, attributes
/// and values, names as planfolio spells them, text escaped by planfolio's
/// escaper, no DOCTYPE, comment or processing instruction. Whatever the
/// original holds, the copy can only draw.
///
/// A file that is not UTF-8 or UTF-16 text, is not well-formed XML,
/// declares entities, has no `<svg>` root, or exceeds the budgets is not
/// published at all. Elements are handled as they stream past (no tree is
/// built), so depth costs nothing but the budget's counter.
public enum SVGSanitizer {
    /// Larger SVGs are refused unread.
    public static let maxBytes = 8 * 1024 * 1024
    /// Elements in the whole file, kept or not.
    public static let maxElements = 200_000
    /// Elements open at once.
    public static let maxDepth = 128

    public enum Outcome: Sendable, Equatable {
        /// The copy to publish, and the kinds of active content it leaves out
        /// (`Removed`'s descriptions, in a fixed order; empty when none).
        case published([UInt8], leftOut: [String])
        /// Why the file is not published, as the end of a sentence.
        case refused(String)
    }

    /// What a copy can leave out that a reader of the original would have met.
    enum Removed: Int, CaseIterable, Comparable {
        case script, eventHandlers, foreignContent, animation, outsideReferences

        var description: String {
            switch self {
            case .script: "script"
            case .eventHandlers: "event handlers"
            case .foreignContent: "embedded HTML or other foreign content"
            case .animation: "animation"
            case .outsideReferences: "links, images and references outside the file"
            }
        }

        static func < (a: Removed, b: Removed) -> Bool { a.rawValue < b.rawValue }
    }

    public static func sanitize(_ bytes: [UInt8]) -> Outcome {
        guard bytes.count <= maxBytes else { return .refused("it is larger than 8 MiB (\(bytes.count) bytes)") }
        guard let utf8 = utf8Text(bytes) else { return .refused("it is not UTF-8 or UTF-16 text") }
        var writer = Writer()
        let failure = XMLEventReader.read(utf8) { event in writer.handle(event) }
        if let refusal = writer.refusal { return .refused(refusal) }
        switch failure {
        case .notWellFormed(let message, let line)?:
            return .refused("it is not well-formed XML (line \(line): \(message))")
        case .declaration(let line)?:
            return .refused("it declares entities or other DTD content (line \(line)), which planfolio never expands")
        case .entityReference(let name, let line)?:
            return .refused("it uses the entity '&\(name);' (line \(line)), which planfolio never expands")
        case .stopped?:
            return .refused("it could not be read")
        case nil:
            break
        }
        guard writer.sawRoot else { return .refused("it holds no element") }
        writer.out.append(0x0A)
        return .published(writer.out, leftOut: writer.removed.sorted().map(\.description))
    }

    /// The text as UTF-8 without a byte-order mark: UTF-8 as it is, UTF-16
    /// (which needs its mark) transcoded; nil for anything else or any
    /// invalid sequence.
    static func utf8Text(_ bytes: [UInt8]) -> [UInt8]? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(bytes.dropFirst(3))
            return String(validating: rest, as: UTF8.self) == nil ? nil : rest
        }
        let bigEndian = bytes.starts(with: [0xFE, 0xFF])
        if bigEndian || bytes.starts(with: [0xFF, 0xFE]) {
            let body = bytes.dropFirst(2)
            guard body.count % 2 == 0 else { return nil }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var index = body.startIndex
            while index < body.endIndex {
                let first = UInt16(body[index]), second = UInt16(body[index + 1])
                units.append(bigEndian ? first << 8 | second : second << 8 | first)
                index += 2
            }
            guard let text = String(validating: units, as: UTF16.self) else { return nil }
            return Array(text.utf8)
        }
        return String(validating: bytes, as: UTF8.self) == nil ? nil : bytes
    }

    /// The copy being written, event by event.
    private struct Writer {
        var out: [UInt8] = []
        var removed: Set<Removed> = []
        var refusal: String?
        var sawRoot = false
        /// Elements open in the original, written or unwrapped (a dropped element's children are not counted here).
        private var open: [String?] = []
        /// Levels inside a dropped element: its children are dropped with it.
        private var droppedDepth = 0
        /// The dropped element is a `<style>`: its text is read for what it would have fetched.
        private var droppedStyle = false
        private var elements = 0
        /// The last start tag's `>` is not written yet: an element with no content closes as `/>`.
        private var tagOpen = false

        mutating func handle(_ event: XMLEventReader.Event) -> Bool {
            switch event {
            case .start(let name, let attributes, _):
                elements += 1
                guard open.count + droppedDepth < SVGSanitizer.maxDepth else {
                    refusal = "it nests elements more than \(SVGSanitizer.maxDepth) deep"
                    return false
                }
                guard elements <= SVGSanitizer.maxElements else {
                    refusal = "it has more than \(SVGSanitizer.maxElements) elements"
                    return false
                }
                if !sawRoot {
                    sawRoot = true
                    guard name.namespace == SVGAllowList.svgNamespace, name.local == "svg" else {
                        refusal = "its root element is <\(name.local)>, not <svg> in the SVG namespace"
                        return false
                    }
                }
                start(name, attributes)
            case .end:
                end()
            case .text(let text):
                if droppedStyle && (text.contains("url(") || text.contains("@import")) { removed.insert(.outsideReferences) }
                guard droppedDepth == 0, !open.isEmpty else { return true }
                closeTag()
                text.appendHTMLEscapedUTF8(to: &out)
            case .comment, .processingInstruction, .doctype:
                break
            }
            return true
        }

        private mutating func start(_ name: XMLEventReader.Name, _ attributes: [XMLEventReader.Attribute]) {
            if droppedDepth > 0 {
                droppedDepth += 1
                noteDropped(name, attributes)
                return
            }
            let isSVG = name.namespace == SVGAllowList.svgNamespace
            if isSVG && SVGAllowList.unwrapped.contains(name.local) {
                // The link goes; what it holds stays.
                noteAttributes(attributes, on: name.local)
                open.append(nil)
                return
            }
            guard isSVG && SVGAllowList.elements.contains(name.local) else {
                droppedDepth = 1
                droppedStyle = name.local == "style"
                noteDropped(name, attributes)
                return
            }
            closeTag()
            out.append(UInt8(ascii: "<"))
            out += Array(name.local.utf8)
            if open.isEmpty { out += Array(" xmlns=\"\(SVGAllowList.svgNamespace)\"".utf8) }
            var written: Set<String> = []
            for attribute in attributes {
                guard let (outName, value) = kept(attribute, on: name.local), written.insert(outName).inserted else { continue }
                out.append(UInt8(ascii: " "))
                out += Array(outName.utf8)
                out += Array("=\"".utf8)
                value.appendHTMLEscapedUTF8(to: &out)
                out.append(UInt8(ascii: "\""))
            }
            tagOpen = true
            open.append(name.local)
        }

        private mutating func end() {
            if droppedDepth > 0 {
                droppedDepth -= 1
                if droppedDepth == 0 { droppedStyle = false }
                return
            }
            guard let element = open.popLast() else { return }
            guard let element else { return }  // unwrapped
            if tagOpen {
                out += Array("/>".utf8)
                tagOpen = false
            } else {
                out += Array("</\(element)>".utf8)
            }
        }

        private mutating func closeTag() {
            if tagOpen {
                out.append(UInt8(ascii: ">"))
                tagOpen = false
            }
        }

        /// The name and value `attribute` is written with, or nil when it is left out.
        private mutating func kept(_ attribute: XMLEventReader.Attribute, on element: String) -> (String, String)? {
            let name = attribute.name
            let isHref: Bool
            switch name.namespace {
            case nil:
                isHref = name.local == "href"
            case SVGAllowList.xlinkNamespace?:
                isHref = name.local == "href"
                guard isHref else { return nil }
            case SVGAllowList.xmlNamespace? where name.local == "space" || name.local == "lang":
                return ("xml:" + name.local, attribute.value)
            default:
                if name.local.lowercased().hasPrefix("on") { removed.insert(.eventHandlers) }
                return nil
            }
            if isHref {
                guard SVGAllowList.referencing.contains(element), SVGAllowList.isFragmentReference(attribute.value) else {
                    if !SVGAllowList.isFragmentReference(attribute.value) { removed.insert(.outsideReferences) }
                    return nil
                }
                return ("href", attribute.value)
            }
            guard SVGAllowList.attributes.contains(name.local) else {
                if name.local.lowercased().hasPrefix("on") { removed.insert(.eventHandlers) }
                return nil
            }
            if SVGAllowList.textAttributes.contains(name.local) { return (name.local, attribute.value) }
            if name.local == "style" {
                var reachedOutside = false
                let style = SVGAllowList.cleanedStyle(attribute.value, reachedOutside: &reachedOutside)
                if reachedOutside { removed.insert(.outsideReferences) }
                return style.map { ("style", $0) }
            }
            guard SVGAllowList.isInertValue(attribute.value) else {
                if attribute.value.contains("(") || attribute.value.contains("\\") { removed.insert(.outsideReferences) }
                return nil
            }
            return (name.local, attribute.value)
        }

        /// Notes what a dropped element was, for the warning.
        private mutating func noteDropped(_ name: XMLEventReader.Name, _ attributes: [XMLEventReader.Attribute]) {
            let local = name.local
            if local == "script" {
                removed.insert(.script)
            } else if name.namespace == SVGAllowList.svgNamespace {
                switch local {
                case "animate", "set", "animateMotion", "animateTransform", "animateColor", "discard":
                    removed.insert(.animation)
                case "foreignObject", "iframe", "embed", "object":
                    removed.insert(.foreignContent)
                default:
                    break
                }
            } else if name.namespace == "http://www.w3.org/1999/xhtml" {
                removed.insert(.foreignContent)
            }
            noteAttributes(attributes, on: local)
        }

        /// Notes handlers and outside references among attributes that are not written.
        private mutating func noteAttributes(_ attributes: [XMLEventReader.Attribute], on element: String) {
            for attribute in attributes {
                let local = attribute.name.local
                if local.lowercased().hasPrefix("on") {
                    removed.insert(.eventHandlers)
                } else if local == "href" && !SVGAllowList.isFragmentReference(attribute.value) {
                    removed.insert(.outsideReferences)
                }
            }
        }
    }
}
