// Keeps this test target buildable until it has tests of its own.
