import Foundation
import Testing
@testable import PrimerKit

@Suite struct SupportTests {
    @Test func sha256KnownVectors() {
        #expect(SHA256.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: String(repeating: "a", count: 1000)).hasPrefix("41edece42d63e8d9bf515a9ba6932e1c"))
    }

    @Test func highlighterTokensRebuildTheSource() {
        let source = #"""
        @MainActor let x = 42 // answer
        let s = "a \(x) \"q\"" + #"raw "# + """
        multi
        """
        /* nested /* comment */ still */ struct Model {}
        #if DEBUG
        """#
        let tokens = SwiftHighlighter.tokens(source)
        #expect(tokens.map(\.text).joined() == source)
        #expect(tokens.contains(SwiftHighlighter.Token(kind: .keyword, text: "let")))
        #expect(tokens.contains(SwiftHighlighter.Token(kind: .number, text: "42")))
        #expect(tokens.contains(SwiftHighlighter.Token(kind: .comment, text: "// answer")))
        #expect(tokens.contains(SwiftHighlighter.Token(kind: .comment, text: "/* nested /* comment */ still */")))
        #expect(tokens.contains(SwiftHighlighter.Token(kind: .type, text: "Model")))
        #expect(tokens.contains(SwiftHighlighter.Token(kind: .attribute, text: "@MainActor")))
        #expect(tokens.contains { $0.kind == .string && $0.text.hasPrefix("\"a \\(x)") })
        #expect(tokens.contains(SwiftHighlighter.Token(kind: .string, text: "#\"raw \"#")))
    }

    @Test func htmlEscaping() {
        #expect(HTMLText.escape("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLText.escape("bell\u{07}") == "bell\u{FFFD}")
    }

    @Test func textWidthCountsWideCharacters() {
        #expect(TextWidth.of("abc") == 3)
        #expect(TextWidth.of("损失") == 4)
        #expect(TextWidth.of("\u{1B}[1mbold\u{1B}[0m") == 4)
    }

    @Test func atomicWriteReplacesWholeFiles() throws {
        let folder = TestSupport.scratchFolder()
        let path = folder + "/entry.json"
        try AtomicFile.write(Data("one".utf8), to: path)
        try AtomicFile.write(Data("two".utf8), to: path)
        #expect(String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["entry.json"])
    }

    @Test func directoryExchangeKeepsOneWholeFolder() throws {
        let folder = TestSupport.scratchFolder()
        let site = folder + "/site", staged = folder + "/staged"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: site + "/index.html"))
        try FileManager.default.createDirectory(atPath: staged, withIntermediateDirectories: true)
        try Data("new".utf8).write(to: URL(fileURLWithPath: staged + "/index.html"))
        try AtomicFile.replaceDirectory(site, with: staged)
        #expect(String(decoding: FileManager.default.contents(atPath: site + "/index.html")!, as: UTF8.self) == "new")
        #expect(!FileManager.default.fileExists(atPath: staged))
    }

    @Test func sourceHashesAreRememberedBySizeAndTime() throws {
        let folder = TestSupport.scratchFolder()
        let file = folder + "/a.swift", memo = folder + "/memo"
        func sha(_ text: String) -> String { var h = SHA256(); h.update(text); return h.finalizeHex() }
        func age(_ path: String, seconds: Double) throws {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -seconds)], ofItemAtPath: path)
        }
        try Data("let a = 1".utf8).write(to: URL(fileURLWithPath: file))
        var fresh = SourceHashes(memoPath: memo)
        #expect(fresh.hash(ofFile: file) == sha("let a = 1"))
        fresh.save()
        // Just written: not trusted yet, so nothing is remembered.
        #expect(!FileManager.default.fileExists(atPath: memo))

        try age(file, seconds: 60)
        var settled = SourceHashes(memoPath: memo)
        #expect(settled.hash(ofFile: file) == sha("let a = 1"))
        settled.save()
        #expect(try String(contentsOfFile: memo, encoding: .utf8).contains(file + "\t9\t"))

        // An edit changes the time (and here the size): hashed again.
        try Data("let a = 22".utf8).write(to: URL(fileURLWithPath: file))
        try age(file, seconds: 30)
        var again = SourceHashes(memoPath: memo)
        #expect(again.hash(ofFile: file) == sha("let a = 22"))
        #expect(again.hash(ofFile: folder + "/missing.swift") == nil)
    }

    @Test func shardsAreStableAndCoverEverything() {
        let chapters = (1...20).map { "Chapters/\($0).md" }
        let shards = (1...3).map { ChapterCollection.shard(chapters, k: $0, of: 3) }
        #expect(shards.flatMap { $0 }.sorted() == chapters.sorted())
        #expect(Set(shards[0]).isDisjoint(with: shards[1]))
        // Adding a chapter does not move the others.
        let grown = ChapterCollection.shard(chapters + ["Chapters/new.md"], k: 1, of: 3)
        #expect(Set(shards[0]).isSubset(of: Set(grown)))
    }
}
