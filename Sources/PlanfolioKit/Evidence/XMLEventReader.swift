import CLibXML2

/// A real XML parse, as a stream of events: libxml2's SAX2 parser, set up
/// so that reading a file from a pull request can do nothing but read it.
///
/// The only code that touches libxml2. Foundation's `XMLParser` is libxml2
/// too, but it always substitutes entities and recovers from errors
/// (`XML_PARSE_NOENT | XML_PARSE_RECOVER`, fixed in swift-corelibs-foundation)
/// and asks its delegate for any entity it does not know; here the parser
/// gets exactly these options and callbacks:
///
/// - no entity is ever substituted or loaded: no `NOENT`, no `DTDLOAD`,
///   `NONET`, and no external-subset, entity-resolving or entity-lookup
///   callback, so the five predefined entities and character references
///   are all it expands; a reference to any other entity stops the parse;
/// - a DOCTYPE's name and identifiers are allowed (tools write the SVG 1.1
///   one), but any declaration inside it (`<!ENTITY`, `<!ELEMENT`,
///   `<!ATTLIST`, `<!NOTATION`) stops the parse before it is used, so no
///   entity expansion ("billion laughs") can start;
/// - no recovery: the first error stops the parse and is the answer;
/// - errors come to a callback of this parse only (nothing is printed);
/// - the input is UTF-8 (`XML_PARSE_IGNORE_ENC`: its own declaration
///   cannot switch the decoder); `SVGSanitizer` decodes UTF-16 first;
/// - libxml2's own limits stay on (no `XML_PARSE_HUGE`: 256 levels, 10 MB
///   text nodes), and the reader's caller sets its own budgets, stopping
///   the parse from its handler.
enum XMLEventReader {
    /// An expanded name: the namespace URI (nil for none) and the local name.
    struct Name: Equatable, Sendable {
        var namespace: String?
        var local: String
    }

    struct Attribute: Sendable {
        var name: Name
        /// The value with character references and predefined entities decoded.
        var value: String
    }

    enum Event {
        case start(Name, attributes: [Attribute], line: Int)
        case end
        case text(String)
        case comment
        case processingInstruction(target: String)
        case doctype(name: String)
    }

    /// Why a document was not read to its end.
    enum Failure: Error, Equatable {
        /// Not well-formed (or not namespace-well-formed) XML, with libxml2's message.
        case notWellFormed(String, line: Int)
        /// A declaration inside the DOCTYPE (entities, elements, attribute lists, notations).
        case declaration(line: Int)
        /// A reference to an entity that is not one of XML's five.
        case entityReference(String, line: Int)
        /// The handler asked to stop.
        case stopped
    }

    /// Parses `utf8` and gives each event to `handle`, which answers false to
    /// stop the parse there. Nil when the whole document was read and is well-formed.
    static func read(_ utf8: [UInt8], _ handle: (Event) -> Bool) -> Failure? {
        _ = libraryReady
        return withoutActuallyEscaping(handle) { handle in
            let state = ParseState(handle)
            let box = Unmanaged.passRetained(state)
            defer { box.release() }
            var handler = saxHandler()
            guard let context = xmlCreatePushParserCtxt(&handler, box.toOpaque(), nil, 0, nil) else {
                return .notWellFormed("the XML parser could not start", line: 0)
            }
            defer { xmlFreeParserCtxt(context) }
            state.context = context
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
            _ = xmlCtxtUseOptions(context, options)
            context.pointee.replaceEntities = 0
            context.pointee.loadsubset = 0
            context.pointee.validate = 0
            _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
            utf8.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    _ = xmlParseChunk(context, chars.baseAddress, Int32(chars.count), 1)
                }
            }
            if let failure = state.failure { return failure }
            if context.pointee.wellFormed == 0 { return .notWellFormed("the document is not well-formed XML", line: 0) }
            return nil
        }
    }

    /// libxml2 sets up its global tables once, before any thread parses.
    private static let libraryReady: Void = xmlInitParser()

    /// What the callbacks share: the handler, the parser, the first failure.
    private final class ParseState {
        let handle: (Event) -> Bool
        var context: xmlParserCtxtPtr?
        var failure: Failure?

        init(_ handle: @escaping (Event) -> Bool) { self.handle = handle }

        var line: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0 }

        func send(_ event: Event) {
            guard failure == nil else { return }
            if !handle(event) { stop(.stopped) }
        }

        func stop(_ reason: Failure) {
            if failure == nil { failure = reason }
            if let context { xmlStopParser(context) }
        }

        static func from(_ pointer: UnsafeMutableRawPointer?) -> ParseState? {
            pointer.map { Unmanaged<ParseState>.fromOpaque($0).takeUnretainedValue() }
        }
    }

    fileprivate static func string(_ text: UnsafePointer<xmlChar>?) -> String? {
        text.map { String(cString: $0) }
    }

    /// The SAX2 handler: elements, text, comments, processing instructions
    /// and the DOCTYPE become events; declarations and entity references stop.
    private static func saxHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { context, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let state = ParseState.from(context), state.failure == nil else { return }
            var list: [Attribute] = []
            if let attributes, attributeCount > 0 {
                list.reserveCapacity(Int(attributeCount))
                // Five pointers each: local name, prefix, URI, value start, value end.
                for index in 0..<Int(attributeCount) {
                    let base = index * 5
                    guard let local = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
                    let value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                    list.append(Attribute(name: Name(namespace: XMLEventReader.string(attributes[base + 2]), local: String(cString: local)), value: value))
                }
            }
            state.send(.start(Name(namespace: XMLEventReader.string(uri), local: XMLEventReader.string(localName) ?? ""), attributes: list, line: state.line))
        }
        sax.endElementNs = { context, _, _, _ in
            ParseState.from(context)?.send(.end)
        }
        let characters: charactersSAXFunc = { context, text, length in
            guard let text, length > 0 else { return }
            ParseState.from(context)?.send(.text(String(decoding: UnsafeBufferPointer(start: text, count: Int(length)), as: UTF8.self)))
        }
        sax.characters = characters
        sax.ignorableWhitespace = characters
        sax.cdataBlock = characters
        sax.comment = { context, _ in ParseState.from(context)?.send(.comment) }
        sax.processingInstruction = { context, target, _ in
            ParseState.from(context)?.send(.processingInstruction(target: XMLEventReader.string(target) ?? ""))
        }
        sax.internalSubset = { context, name, _, _ in
            ParseState.from(context)?.send(.doctype(name: XMLEventReader.string(name) ?? ""))
        }
        sax.entityDecl = { context, _, _, _, _, _ in XMLEventReader.declared(context) }
        sax.elementDecl = { context, _, _, _ in XMLEventReader.declared(context) }
        sax.attributeDecl = { context, _, _, _, _, _, _ in XMLEventReader.declared(context) }
        sax.notationDecl = { context, _, _, _ in XMLEventReader.declared(context) }
        sax.unparsedEntityDecl = { context, _, _, _, _ in XMLEventReader.declared(context) }
        sax.reference = { context, name in
            guard let state = ParseState.from(context) else { return }
            state.stop(.entityReference(XMLEventReader.string(name) ?? "", line: state.line))
        }
        sax.serror = { context, error in
            guard let state = ParseState.from(context), let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let message = error.pointee.message.map { String(cString: $0).trimmingSuffix(while: { $0 == "\n" }) } ?? "not well-formed"
            state.stop(.notWellFormed(message, line: Int(error.pointee.line)))
        }
        return sax
    }

    fileprivate static func declared(_ context: UnsafeMutableRawPointer?) {
        guard let state = ParseState.from(context) else { return }
        state.stop(.declaration(line: state.line))
    }
}

private extension String {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var text = Substring(self)
        while let last = text.last, predicate(last) { text = text.dropLast() }
        return String(text)
    }
}
