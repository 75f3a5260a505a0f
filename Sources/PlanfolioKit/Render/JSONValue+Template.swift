/// A JSON value as template data: for data that comes from outside
/// planfolio, such as the Mustache spec's tests, which give every case's
/// data as JSON. An object's members are looked up by name (the first of
/// that name); `null` is null; a number prints as Swift prints it.
extension JSONValue: TemplateValue {
    func member(_ name: TemplateName) -> (any TemplateValue)? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == name.text }?.1
    }

    var section: TemplateSection {
        switch self {
        case .null: .null
        case .bool(let bool): .flag(bool)
        case .array(let items): .list(isEmpty: items.isEmpty)
        case .int, .double, .string, .object: .context
        }
    }

    func forEachElement(_ body: (any TemplateValue) -> Void) {
        guard case .array(let items) = self else { return }
        for item in items { body(item) }
    }

    func appendText(to output: inout [UInt8], escaped: Bool) {
        switch self {
        case .null, .array, .object: break
        case .bool(let bool): bool.appendText(to: &output, escaped: escaped)
        case .int(let int): int.appendText(to: &output, escaped: escaped)
        case .double(let double): String(describing: double).appendText(to: &output, escaped: escaped)
        case .string(let string): string.appendText(to: &output, escaped: escaped)
        }
    }
}
