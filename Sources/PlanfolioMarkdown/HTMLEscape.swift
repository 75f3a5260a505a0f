/// Every escape planfolio writes into HTML, SVG or XML goes through here.
extension String {
    /// Text made safe for HTML/XML element content and quoted attribute values.
    public var htmlEscaped: String {
        var needs = false
        for byte in utf8 where byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            needs = true
            break
        }
        guard needs else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for scalar in unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
