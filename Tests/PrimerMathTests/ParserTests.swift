import Testing
@testable import PrimerMath

/// The tree the parser builds, independent of either renderer.
@Suite struct ParserTests {
    @Test func scriptsTakeOneTokenOrAGroup() throws {
        #expect(try LaTeX.parse("x_12") == .row([
            .scripts(base: .identifier("x", upright: false), sub: .number("1"), sup: nil, placement: .scripts),
            .number("2"),
        ]))
        #expect(try LaTeX.parse("x^{12}") == .row([
            .scripts(base: .identifier("x", upright: false), sub: nil, sup: .number("12"), placement: .scripts),
        ]))
    }

    @Test func numbersKeepOneDecimalPoint() throws {
        #expect(try LaTeX.parse("3.14.5") == .row([.number("3.14"), .number(".5")]))
        #expect(try LaTeX.parse("1.") == .row([.number("1"), .operator(".", .ordinary)]))
        #expect(try LaTeX.parse(".5") == .row([.number(".5")]))
    }

    @Test func lettersAreSeparateIdentifiersExceptUpright() throws {
        #expect(try LaTeX.parse("ab") == .row([.identifier("a", upright: false), .identifier("b", upright: false)]))
        #expect(try LaTeX.parse(#"\mathrm{ab}"#) == .row([.identifier("ab", upright: true)]))
    }

    @Test func primesBecomeASuperscript() throws {
        #expect(try LaTeX.parse("f''") == .row([
            .scripts(base: .identifier("f", upright: false), sub: nil, sup: .operator("′′", .ordinary), placement: .scripts),
        ]))
    }

    @Test func limitsPlacementFollowsTheOperator() throws {
        guard case .row(let items) = try LaTeX.parse(#"\sum_i \int_0 \max_x \log_2 \int\limits_a \sum\nolimits_b"#) else {
            Issue.record("expected a row")
            return
        }
        let placements = items.compactMap { item -> LimitPlacement? in
            if case .scripts(_, _, _, let placement) = item { return placement }
            return nil
        }
        #expect(placements == [.movableLimits, .scripts, .movableLimits, .scripts, .limits, .scripts])
    }

    @Test func argMaxIsOneFunctionName() throws {
        #expect(try LaTeX.parse(#"\arg\max"#) == .row([.function("arg max", limits: true)]))
        #expect(try LaTeX.parse(#"\arg z"#) == .row([.function("arg", limits: false), .identifier("z", upright: false)]))
    }

    @Test func leftRightWrapsItsBody() throws {
        #expect(try LaTeX.parse(#"\left( x \right."#) == .row([
            .fenced(open: "(", body: .row([.identifier("x", upright: false)]), close: ""),
        ]))
    }

    @Test func environmentsBecomeTables() throws {
        let node = try LaTeX.parse(#"\begin{bmatrix} a & b \\ c & d \\ \end{bmatrix}"#)
        guard case .row(let items) = node, case .table(let table) = items.first else {
            Issue.record("expected a table, got \(node)")
            return
        }
        #expect(table.rows.count == 2)
        #expect(table.rows.allSatisfy { $0.count == 2 })
        #expect(table.open == "[" && table.close == "]")
    }

    @Test func commentsAndSpacesAreIgnored() throws {
        #expect(try LaTeX.parse("a % comment\n + b") == LaTeX.parse("a+b"))
    }
}

@Suite struct LabelledArrowTests {
    @Test func labelledArrowsAndStackedSymbols() throws {
        #expect(try LaTeX.toUnicode(#"28 \xrightarrow{\text{conv}} 26"#).contains("⟶"))
        let mathML = try LaTeX.toMathML(#"a \xrightarrow{f} b \overset{?}{=} c \underset{k}{\max}"#, display: true)
        #expect(mathML.contains("<mover>") && mathML.contains("<munder>"))
        #expect(mathML.contains("⟶"))
    }
}
