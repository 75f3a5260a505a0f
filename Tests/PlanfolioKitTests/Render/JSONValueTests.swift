import Testing
@testable import PlanfolioKit

@Suite struct JSONValueTests {
    @Test func escapesPerRFC8259() {
        let value = JSONValue.string("a\"b\\c\nd\te\u{01}f\u{1F}g/h\u{2028}é")
        #expect(value.compact() == #""a\"b\\c\nd\te\u0001f\u001fg/h"# + "\u{2028}é\"")
        #expect(value.compact(forScript: true) == #""a\"b\\c\nd\te\u0001f\u001fg/h\u2028é""#)
    }

    @Test func keepsKeyOrderAndWritesNulls() {
        let value = JSONValue.object([("z", .int(1)), ("a", .null), ("m", .array([.bool(true), .double(0.82), .double(3)]))])
        #expect(value.compact() == #"{"z":1,"a":null,"m":[true,0.82,3]}"#)
        #expect(value.pretty() == """
            {
              "z": 1,
              "a": null,
              "m": [
                true,
                0.82,
                3
              ]
            }

            """)
    }

    @Test func emptyContainersAndNonFiniteNumbers() {
        #expect(JSONValue.object([("a", .array([])), ("b", .object([])), ("c", .double(.nan))]).compact() == #"{"a":[],"b":{},"c":null}"#)
    }
}
