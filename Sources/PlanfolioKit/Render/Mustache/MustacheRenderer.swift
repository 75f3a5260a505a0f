/// Renders one template over one context into a byte buffer.
///
/// One renderer per page: the context stack, the block overrides in force
/// and the output grow and shrink in place, with no per-node copies. Values
/// are read through `TemplateValue` only: a member by name, how a section
/// treats the value, its elements, its text (escaped in one pass over its
/// UTF-8 bytes by `appendHTMLEscapedUTF8`, the five escapes of `htmlEscaped`).
///
/// Truthiness (`TemplateSection`, as swift-mustache had it): a section
/// renders for `true`, for each element of a non-empty list, and once for
/// any other present value (a model, any string including "", any number
/// including 0); it renders nothing for `false`, null, an empty list, or a
/// missing name. An inverted section renders exactly when a section would not.
struct MustacheRenderer {
    private let library: MustacheLibrary
    private(set) var output: [UInt8] = []
    private var stack: [any TemplateValue]
    /// Block contents from `{{<parent}}` tags being rendered; the outermost definition wins.
    private var overrides: [String: [MustacheNode]] = [:]
    /// Added at the start of each template line inside an indented standalone partial.
    private var indentation: [UInt8] = []
    /// The next template line has not been indented yet.
    private var atLineStart = false
    private var depth = 0

    /// Nested partials deeper than this render nothing: a partial that includes itself unconditionally stops here.
    static let maximumDepth = 200

    init(library: MustacheLibrary, root: any TemplateValue, capacity: Int) {
        self.library = library
        stack = [root]
        output.reserveCapacity(capacity)
    }

    mutating func render(_ nodes: [MustacheNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                appendText(text)
            case .variable(let name, let escaped):
                if atLineStart { startLine() }
                lookup(name)?.appendText(to: &output, escaped: escaped)
            case .section(let name, let body):
                guard let value = lookup(name) else { break }
                switch value.section {
                case .null:
                    break
                case .flag(let on):
                    if on { render(body) }
                case .context:
                    renderPushing(value, body)
                case .list(let isEmpty):
                    if !isEmpty { value.forEachElement { renderPushing($0, body) } }
                }
            case .invertedSection(let name, let body):
                guard let value = lookup(name) else {
                    render(body)
                    break
                }
                switch value.section {
                case .null, .flag(false):
                    render(body)
                case .list(isEmpty: true):
                    renderPushing(value, body)
                case .flag(true), .context, .list(isEmpty: false):
                    break
                }
            case .partial(let name, let partialIndentation):
                guard let template = library.templates[name] else { break }
                renderIncluded(template.nodes, indentation: partialIndentation)
            case .parent(let name, let parentOverrides, let parentIndentation):
                guard let template = library.templates[name] else { break }
                let saved = overrides
                overrides.merge(parentOverrides) { outer, _ in outer }
                renderIncluded(template.nodes, indentation: parentIndentation)
                overrides = saved
            case .block(let name, let defaultContent, let blockIndentation, let continuesLine):
                if let content = overrides[name] {
                    renderIncluded(content, indentation: blockIndentation, continuesLine: continuesLine)
                } else {
                    render(defaultContent)
                }
            }
        }
    }

    private mutating func renderPushing(_ value: any TemplateValue, _ body: [MustacheNode]) {
        stack.append(value)
        render(body)
        stack.removeLast()
    }

    /// A partial, parent or override: its lines get `extra` indentation more
    /// (all but its first line when it `continuesLine` from text already written).
    private mutating func renderIncluded(_ nodes: [MustacheNode], indentation extra: [UInt8], continuesLine: Bool = false) {
        guard depth < Self.maximumDepth else { return }
        depth += 1
        defer { depth -= 1 }
        if extra.isEmpty {
            render(nodes)
            return
        }
        let saved = indentation
        indentation += extra
        atLineStart = !continuesLine
        render(nodes)
        indentation = saved
        // A standalone tag: what follows it starts a new template line. A pair: its line goes on.
        atLineStart = !continuesLine && !indentation.isEmpty
    }

    private mutating func startLine() {
        atLineStart = false
        output.append(contentsOf: indentation)
    }

    private mutating func appendText(_ text: [UInt8]) {
        if indentation.isEmpty {
            output.append(contentsOf: text)
            return
        }
        if atLineStart { startLine() }
        var start = 0
        for index in text.indices where text[index] == UInt8(ascii: "\n") {
            output.append(contentsOf: text[start...index])
            start = index + 1
            if start < text.count { output.append(contentsOf: indentation) } else { atLineStart = true }
        }
        if start < text.count { output.append(contentsOf: text[start...]) }
    }

    /// The value of `name`: its first part from the innermost context on the
    /// stack that has that member, the rest inside that; nil when missing.
    private func lookup(_ name: MustacheName) -> (any TemplateValue)? {
        let parts = name.parts
        guard let first = parts.first else { return stack[stack.count - 1] }
        var value: (any TemplateValue)?
        if name.anchored {
            value = stack[stack.count - 1].member(first)
        } else {
            var index = stack.count - 1
            while index >= 0 {
                if let found = stack[index].member(first) {
                    value = found
                    break
                }
                index -= 1
            }
        }
        guard parts.count > 1 else { return value }
        for part in parts.dropFirst() {
            guard let found = value?.member(part) else { return nil }
            value = found
        }
        return value
    }
}
