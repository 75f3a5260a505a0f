/// Every escape planfolio writes into HTML, SVG or XML goes through here.
extension String {
    /// Text made safe for HTML/XML element content and quoted attribute values.
    ///
    /// Works on UTF-8 bytes: every character it escapes is ASCII, so multi-byte
    /// sequences pass through untouched. (It is on every page's hot path: the
    /// Markdown renderer and, through `FastHTMLContentType`, every `{{value}}`.)
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
}
