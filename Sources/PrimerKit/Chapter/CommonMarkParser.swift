// The one file that talks to cmark: it parses CommonMark and converts cmark's C tree into
// `Block`/`Inline` values straight away, so no C type leaves this file.
import CCmark

/// Parses CommonMark with libcmark.
///
///     let blocks = CommonMarkParser.parse("# Title\n\nSome *prose*.")
enum CommonMarkParser {
    static func parse(_ markdown: String) -> [Block] {
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        let bytes = Array(markdown.utf8)
        guard let root = bytes.withUnsafeBufferPointer({ buf in
            buf.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) { cmark_parse_document($0, buf.count, options) }
            } ?? cmark_parse_document("", 0, options)
        }) else { return [] }
        defer { cmark_node_free(root) }
        return children(of: root).compactMap(block)
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            result.append(c)
            child = cmark_node_next(c)
        }
        return result
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func line(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) }

    private static func block(_ node: OpaquePointer) -> Block? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(of: node), line: line(node))
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node), line: line(node))
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(children(of: node).compactMap(block))
        case CMARK_NODE_LIST:
            let style = ListStyle(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                                  start: Int(cmark_node_get_list_start(node)),
                                  tight: cmark_node_get_list_tight(node) != 0)
            return .list(style, items: children(of: node).map { children(of: $0).compactMap(block) })
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .codeBlock(info: info, code: literal(node), line: line(node), endLine: Int(cmark_node_get_end_line(node)))
        case CMARK_NODE_HTML_BLOCK:
            return .html(literal(node), line: line(node))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        default:
            return nil
        }
    }

    private static func inlines(of node: OpaquePointer) -> [Inline] {
        children(of: node).compactMap(inline)
    }

    private static func inline(_ node: OpaquePointer) -> Inline? {
        func attribute(_ get: (OpaquePointer) -> UnsafePointer<CChar>?) -> String {
            get(node).map { String(cString: $0) } ?? ""
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(node))
        case CMARK_NODE_EMPH: return .emphasis(inlines(of: node))
        case CMARK_NODE_STRONG: return .strong(inlines(of: node))
        case CMARK_NODE_CODE: return .code(literal(node))
        case CMARK_NODE_LINK:
            return .link(url: attribute(cmark_node_get_url), title: attribute(cmark_node_get_title), inlines(of: node))
        case CMARK_NODE_IMAGE:
            return .image(url: attribute(cmark_node_get_url), title: attribute(cmark_node_get_title), alt: inlines(of: node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_HTML_INLINE: return .html(literal(node))
        default: return nil
        }
    }
}
