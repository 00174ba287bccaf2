/// The commands the parser knows, grouped by what they become in the tree.
enum SymbolTable {
    /// Greek letters; capitals are upright as in TeX.
    static let greek: [String: (symbol: String, upright: Bool)] = {
        var table: [String: (String, Bool)] = [:]
        let lower: [(String, String)] = [
            ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ϵ"),
            ("varepsilon", "ε"), ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("vartheta", "ϑ"),
            ("iota", "ι"), ("kappa", "κ"), ("varkappa", "ϰ"), ("lambda", "λ"), ("mu", "μ"),
            ("nu", "ν"), ("xi", "ξ"), ("omicron", "ο"), ("pi", "π"), ("varpi", "ϖ"), ("rho", "ρ"),
            ("varrho", "ϱ"), ("sigma", "σ"), ("varsigma", "ς"), ("tau", "τ"), ("upsilon", "υ"),
            ("phi", "ϕ"), ("varphi", "φ"), ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"),
            ("digamma", "ϝ"),
        ]
        let upper: [(String, String)] = [
            ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"),
            ("Pi", "Π"), ("Sigma", "Σ"), ("Upsilon", "Υ"), ("Phi", "Φ"), ("Psi", "Ψ"),
            ("Omega", "Ω"),
        ]
        for (name, symbol) in lower { table[name] = (symbol, false) }
        for (name, symbol) in upper {
            table[name] = (symbol, true)
            table["var" + name] = (symbol, false)
        }
        return table
    }()

    /// Symbols that behave like identifiers (TeX's ordinary atoms).
    static let ordinary: [String: String] = [
        "infty": "∞", "partial": "∂", "nabla": "∇", "top": "⊤", "intercal": "⊺", "bot": "⊥",
        "ell": "ℓ", "hbar": "ℏ", "emptyset": "∅", "varnothing": "∅", "Re": "ℜ", "Im": "ℑ",
        "aleph": "ℵ", "wp": "℘", "angle": "∠", "triangle": "△", "prime": "′", "dagger": "†",
        "ddagger": "‡", "checkmark": "✓", "imath": "ı", "jmath": "ȷ", "Box": "□",
        "#": "#", "%": "%", "&": "&", "_": "_", "$": "$",
    ]

    /// Operators, relations and punctuation given by command.
    static let operators: [String: (symbol: String, kind: OperatorKind)] = {
        var table: [String: (String, OperatorKind)] = [:]
        let binary: [(String, String)] = [
            ("cdot", "⋅"), ("times", "×"), ("div", "÷"), ("pm", "±"), ("mp", "∓"), ("odot", "⊙"),
            ("otimes", "⊗"), ("oplus", "⊕"), ("ominus", "⊖"), ("circ", "∘"), ("ast", "∗"),
            ("star", "⋆"), ("bullet", "∙"), ("cap", "∩"), ("cup", "∪"), ("setminus", "∖"),
            ("wedge", "∧"), ("land", "∧"), ("vee", "∨"), ("lor", "∨"), ("oslash", "⊘"),
            ("sqcup", "⊔"), ("sqcap", "⊓"), ("uplus", "⊎"), ("diamond", "⋄"),
        ]
        let relations: [(String, String)] = [
            ("le", "≤"), ("leq", "≤"), ("ge", "≥"), ("geq", "≥"), ("neq", "≠"), ("ne", "≠"),
            ("leqslant", "⩽"), ("geqslant", "⩾"), ("lt", "<"), ("gt", ">"),
            ("approx", "≈"), ("equiv", "≡"), ("propto", "∝"), ("sim", "∼"), ("simeq", "≃"),
            ("cong", "≅"), ("in", "∈"), ("notin", "∉"), ("ni", "∋"), ("subset", "⊂"),
            ("subseteq", "⊆"), ("supset", "⊃"), ("supseteq", "⊇"), ("ll", "≪"), ("gg", "≫"),
            ("to", "→"), ("rightarrow", "→"), ("leftarrow", "←"), ("gets", "←"),
            ("Rightarrow", "⇒"), ("Leftarrow", "⇐"), ("Leftrightarrow", "⇔"),
            ("leftrightarrow", "↔"), ("implies", "⟹"), ("impliedby", "⟸"), ("iff", "⟺"),
            ("mapsto", "↦"), ("longrightarrow", "⟶"), ("longleftarrow", "⟵"),
            ("Longrightarrow", "⟹"), ("longmapsto", "⟼"), ("uparrow", "↑"), ("downarrow", "↓"),
            ("mid", "∣"), ("nmid", "∤"), ("parallel", "∥"), ("perp", "⊥"), ("coloneqq", "≔"),
            ("triangleq", "≜"), ("doteq", "≐"), ("models", "⊨"), ("vdash", "⊢"),
            ("asymp", "≍"), ("prec", "≺"), ("succ", "≻"), ("preceq", "⪯"), ("succeq", "⪰"),
        ]
        let ordinary: [(String, String)] = [
            ("ldots", "…"), ("dots", "…"), ("dotsc", "…"), ("dotsb", "⋯"), ("cdots", "⋯"),
            ("vdots", "⋮"), ("ddots", "⋱"), ("forall", "∀"), ("exists", "∃"), ("nexists", "∄"),
            ("neg", "¬"), ("lnot", "¬"), ("backslash", "\\"), ("therefore", "∴"),
            ("because", "∵"),
        ]
        for (name, symbol) in binary { table[name] = (symbol, .binary) }
        for (name, symbol) in relations { table[name] = (symbol, .relation) }
        for (name, symbol) in ordinary { table[name] = (symbol, .ordinary) }
        for (name, symbol) in delimiters { table[name] = (symbol, .fence) }
        table["colon"] = (":", .punctuation)
        return table
    }()

    /// Operators given as plain characters in the source, with the symbol they print as.
    static let characterOperators: [Character: (symbol: String, kind: OperatorKind)] = [
        "+": ("+", .binary), "-": ("−", .binary), "*": ("∗", .binary),
        "=": ("=", .relation), "<": ("<", .relation), ">": (">", .relation),
        ",": (",", .punctuation), ";": (";", .punctuation), ":": (":", .relation),
        "!": ("!", .ordinary), "?": ("?", .ordinary), "/": ("/", .ordinary),
        "(": ("(", .fence), ")": (")", .fence), "[": ("[", .fence), "]": ("]", .fence),
        "|": ("|", .fence), ".": (".", .ordinary), "@": ("@", .ordinary),
    ]

    /// Delimiters accepted after `\left`, `\right`, `\middle` and the `\big` family, by command.
    /// Plain characters `( ) [ ] | / .` and `<`, `>` are accepted too.
    static let delimiters: [String: String] = [
        "{": "{", "}": "}", "|": "‖", "lbrace": "{", "rbrace": "}", "langle": "⟨", "rangle": "⟩",
        "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "vert": "|", "Vert": "‖",
        "lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖", "lbrack": "[", "rbrack": "]",
        "ulcorner": "⌜", "urcorner": "⌝", "backslash": "\\",
    ]

    /// Plain characters that may follow `\left`, `\right` or `\big`.
    static let characterDelimiters: [Character: String] = [
        "(": "(", ")": ")", "[": "[", "]": "]", "|": "|", "/": "/", ".": "", "<": "⟨", ">": "⟩",
    ]

    /// Large operators and where their limits go.
    static let largeOperators: [String: (symbol: String, placement: LimitPlacement)] = [
        "sum": ("∑", .movableLimits), "prod": ("∏", .movableLimits), "coprod": ("∐", .movableLimits),
        "bigcup": ("⋃", .movableLimits), "bigcap": ("⋂", .movableLimits),
        "bigoplus": ("⨁", .movableLimits), "bigotimes": ("⨂", .movableLimits),
        "bigodot": ("⨀", .movableLimits), "bigvee": ("⋁", .movableLimits),
        "bigwedge": ("⋀", .movableLimits), "bigsqcup": ("⨆", .movableLimits),
        "int": ("∫", .scripts), "iint": ("∬", .scripts), "iiint": ("∭", .scripts),
        "oint": ("∮", .scripts),
    ]

    /// Function names printed upright; `true` when their scripts become limits in display.
    static let functions: [String: Bool] = [
        "log": false, "ln": false, "lg": false, "exp": false, "sin": false, "cos": false,
        "tan": false, "cot": false, "sec": false, "csc": false, "arcsin": false,
        "arccos": false, "arctan": false, "sinh": false, "cosh": false, "tanh": false,
        "coth": false, "arg": false, "dim": false, "ker": false, "deg": false, "hom": false,
        "det": true, "gcd": true, "max": true, "min": true, "sup": true, "inf": true, "lim": true,
        "liminf": true, "limsup": true, "Pr": true, "argmax": true, "argmin": true,
    ]

    /// How `liminf`, `argmax` and friends are spelled when printed.
    static func printedName(ofFunction name: String) -> String {
        switch name {
        case "liminf": return "lim inf"
        case "limsup": return "lim sup"
        case "argmax": return "arg max"
        case "argmin": return "arg min"
        default: return name
        }
    }

    /// Horizontal spaces in em.
    static let spaces: [String: Double] = [
        "quad": 1, "qquad": 2, ",": 3.0 / 18, "thinspace": 3.0 / 18, ":": 4.0 / 18,
        ">": 4.0 / 18, "medspace": 4.0 / 18, ";": 5.0 / 18, "thickspace": 5.0 / 18,
        "!": -3.0 / 18, "negthinspace": -3.0 / 18, " ": 0.25, "enspace": 0.5,
    ]

    /// Accents and over/under lines: the mark and whether it goes over the base.
    static let accents: [String: (mark: String, over: Bool)] = [
        "hat": ("ˆ", true), "widehat": ("^", true), "bar": ("¯", true), "overline": ("‾", true),
        "tilde": ("˜", true), "widetilde": ("~", true), "vec": ("→", true), "dot": ("˙", true),
        "ddot": ("¨", true), "check": ("ˇ", true), "breve": ("˘", true), "acute": ("´", true),
        "grave": ("`", true), "mathring": ("˚", true), "overrightarrow": ("⟶", true),
        "overleftarrow": ("⟵", true), "underline": ("_", false), "overbrace": ("⏞", true),
        "underbrace": ("⏟", false),
    ]

    /// Marks that stretch to the width of their base (`\widehat`, `\overline`, braces).
    static let stretchyMarks: Set<String> = ["^", "~", "‾", "_", "⟶", "⟵", "⏞", "⏟"]

    /// `\big` family: the delimiter height in em.
    static let bigSizes: [String: Double] = {
        var table: [String: Double] = [:]
        for (stem, size) in [("big", 1.2), ("Big", 1.8), ("bigg", 2.4), ("Bigg", 3.0)] {
            for suffix in ["", "l", "r", "m"] { table[stem + suffix] = size }
        }
        return table
    }()
}
