/// Every escape planfolio writes into HTML, SVG or XML goes through here.
extension String {
    /// Text made safe for HTML/XML element content and quoted attribute values.
    ///
    /// Works on UTF-8 bytes: every character it escapes is ASCII, so multi-byte
    /// sequences pass through untouched. (It is on every page's hot path: the
    /// Markdown renderer; the Mustache renderer escapes `{{value}}` the same way, into its page buffer.)
    public var htmlEscaped: String {
        var text = self
        return text.withUTF8 { source -> String in
            var extra = 0
            for byte in source {
                switch byte {
                case UInt8(ascii: "<"), UInt8(ascii: ">"): extra += 3  // &lt; &gt;
                case UInt8(ascii: "&"), UInt8(ascii: "'"): extra += 4  // &amp; &#39;
                case UInt8(ascii: "\""): extra += 5  // &quot;
                default: break
                }
            }
            guard extra > 0 else { return self }
            return String(unsafeUninitializedCapacity: source.count + extra) { out in
                var index = 0
                func put(_ bytes: StaticString) {
                    bytes.withUTF8Buffer { entity in
                        for byte in entity {
                            out[index] = byte
                            index += 1
                        }
                    }
                }
                for byte in source {
                    switch byte {
                    case UInt8(ascii: "<"): put("&lt;")
                    case UInt8(ascii: ">"): put("&gt;")
                    case UInt8(ascii: "&"): put("&amp;")
                    case UInt8(ascii: "\""): put("&quot;")
                    case UInt8(ascii: "'"): put("&#39;")
                    default:
                        out[index] = byte
                        index += 1
                    }
                }
                return index
            }
        }
    }

    /// `htmlEscaped`'s bytes appended to `buffer`, in one pass and without a
    /// String in between: the Mustache renderer writes `{{value}}` this way.
    /// Runs with nothing to escape are copied whole.
    public func appendHTMLEscapedUTF8(to buffer: inout [UInt8]) {
        var text = self
        text.withUTF8 { source in
            var start = 0
            for index in 0..<source.count {
                let entity: StaticString
                switch source[index] {
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                if start < index { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index])) }
                entity.withUTF8Buffer { buffer.append(contentsOf: $0) }
                start = index + 1
            }
            if start < source.count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...])) }
        }
    }
}

/// `htmlEscaped`'s bytes of `source` (part of a text's UTF-8) appended to
/// `buffer`, runs with nothing to escape copied whole: how `HTMLRenderer`
/// writes text.
func appendHTMLEscaped(_ source: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
    var start = 0
    for index in 0..<source.count {
        let entity: StaticString
        switch source[index] {
        case UInt8(ascii: "<"): entity = "&lt;"
        case UInt8(ascii: ">"): entity = "&gt;"
        case UInt8(ascii: "&"): entity = "&amp;"
        case UInt8(ascii: "\""): entity = "&quot;"
        case UInt8(ascii: "'"): entity = "&#39;"
        default: continue
        }
        if start < index { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index])) }
        entity.withUTF8Buffer { buffer.append(contentsOf: $0) }
        start = index + 1
    }
    if start < source.count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...])) }
}
