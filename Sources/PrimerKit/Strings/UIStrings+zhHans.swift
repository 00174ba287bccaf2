/// Primer's words in Simplified Chinese (`zh-Hans`). Key names (Enter, e, r …) stay as they are
/// on the keyboard.
///
///     SimplifiedChineseStrings().text(.onThisPage)   // "本页目录"
struct SimplifiedChineseStrings: UIStringTable {
    func text(_ key: UIText) -> String {
        switch key {
        case .searchPlaceholder: "搜索课程"
        case .contentsLabel: "目录"
        case .chaptersLabel: "章节"
        case .onThisPage: "本页目录"
        case .tableChapter: "章节"
        case .tableStatus: "状态"
        case .tableTime: "用时"
        case .chapterUnreadable: "无法读取本章"
        case .atLocation: "位于"
        case .cachedNote: "（已缓存）"
        case .copy: "复制"
        case .copied: "已复制"
        case .selectAndCopy: "请选中后复制"
        case .showAsChart: "显示为图表"
        case .showAsText: "显示为文本"
        case .noMatches: "没有找到匹配的内容。"
        case .showSolution: "显示答案"
        case .showTheCode: "显示代码"
        case .linkToSection: "链接到本节"
        case .languageLabel: "语言"
        case .editionsHeading: "版本"
        case .passed: "通过"
        case .failed: "失败"
        case .failedAsExpected: "按预期失败"
        case .notRun: "未运行"
        case .notRunNorun: "未运行（norun）"
        case .fromCache: "已缓存"
        case .ran: "已运行"
        case .pass: "通过"
        case .fail: "失败"
        case .noChaptersToCheck: "没有要检查的章节。"
        case .outputRule: "── 输出 ──"
        case .checkingRule: "── 正在检查你的答案 ──"
        case .solutionRule: "── 答案 ──"
        case .restartingWithoutCell: "（不含该单元重新启动本章程序；之前的单元会静默重新运行）"
        case .exerciseSolved: "✓ 正确——练习完成。"
        case .notYet: "✗ 还不对："
        case .notYetHint: "（e：编辑你的答案 · s：查看答案）"
        case .checkCouldNotUse: "✗ 检查无法使用你的代码："
        case .checkCouldNotUseHint: "（你是否重命名了练习要求的名称？按 e 编辑你的答案，按 o 恢复原版）"
        case .editAgainHint: "（e：再次编辑 · o：回到原版）"
        case .yourVersion: "你的版本"
        case .chapterDone: "✓ 已完成"
        case .rebuilding: "正在重新构建…"
        case .compilingChapter: "正在编译本章…"
        case .bookError: "书籍错误"
        case .firstCell: "这已经是第一个单元。"
        case .goToCellPrompt: "跳转到单元："
        }
    }

    func errorCount(_ count: Int) -> String { "\(count) 个错误" }
    func cellCount(_ count: Int) -> String { "（\(count) 个单元）" }
    func cellLabel(_ cell: Int) -> String { "单元 \(cell)" }
    func outputOfCell(_ cell: Int) -> String { "单元 \(cell) 的输出" }
    func notRunBecause(reason: String) -> String { "未运行：\(reason)。" }
    func errorHeading(kind: String) -> String { "错误（\(kind)）" }
    func expectedErrorHeading(kind: String) -> String { "按预期失败（\(kind)）" }
    func diagramNotDrawn(error: String) -> String { "无法绘制此图：\(error)" }
    func checkTotals(passed: Int, failed: Int) -> String { "章节：\(passed) 个通过，\(failed) 个失败" }

    func courseIsAt(_ index: String) -> String { "课程位于 \(index)" }
    func wroteFile(_ path: String) -> String { "已写入 \(path)" }
    func initNextSteps(folder: String) -> [String] {
        ["下一步：primer serve \(folder)   （边写边实时预览）",
         "        primer check \(folder)   （CI 运行的检查）"]
    }
    func blessedCount(_ count: Int) -> String { "已更新 \(count) 个输出块。" }

    func compiling(path: String) -> String { "正在编译 \(path)…" }
    func compilingReplaying(first: Int, last: Int) -> String {
        "正在编译 · 重放" + (first == last ? "单元 \(first)" : "单元 \(first)–\(last)") + "…"
    }
    func stopped(cell: Int, path: String) -> String { "已停止。你停在单元 \(cell)；运行 `primer step \(path)` 可从那里继续。" }
    func resuming(cell: Int) -> String { "从你上次停下的单元 \(cell) 继续（`primer step --reset` 可重新开始）。" }
    func editing(cell: Int, file: String, editor: String) -> String { "正在用 \(editor) 编辑单元 \(cell)（\(file)）…" }
    func cellFailedBlocksRest(cell: Int) -> String { "单元 \(cell) 失败，之后的单元无法运行：按 e 编辑它，按 o 回到原版。" }
    func cellNotEdited(cell: Int) -> String { "单元 \(cell) 是原版：你还没有编辑过它（按 e 编辑）。" }
    func showingOriginal(cell: Int) -> String { "正在显示单元 \(cell) 的原版。" }
    func showingYours(cell: Int) -> String { "正在显示你的单元 \(cell) 版本。" }
    func noCellAt(_ given: Int?, count: Int) -> String {
        "没有可运行的单元\(given.map { " \($0)" } ?? "")；单元编号为 1–\(count)。"
    }
    func runningCells(first: Int, last: Int) -> String { first == last ? "正在运行单元 \(last)…" : "正在运行单元 \(first)–\(last)…" }
    func notAnExercise(cell: Int) -> String { "单元 \(cell) 不是练习。" }
    func cannotSaveProgress(error: String) -> String { "⚠ 无法保存你的进度：\(error)" }
    func forgotProgress(in place: String) -> String { "已清除你在 \(place) 中的进度和你的单元版本。" }
    func keyMeaning(_ key: StepKeyMeaning) -> String {
        switch key {
        case .enter: "运行显示的单元；运行后显示下一个"
        case .rest: "不停顿地运行本章其余部分"
        case .edit: "在你的编辑器中编辑此单元（`$VISUAL`、`$EDITOR`，否则 `nano`，再否则 `vi`）；保存后用你的版本重新编译本章并运行到该单元，之前的单元静默重放"
        case .rerun: "重新运行此单元（练习：运行它及其检查）"
        case .original: "在你的版本和原版之间切换此单元，并重新运行"
        case .back: "回到上一个单元（之前的单元会静默重新运行）"
        case .goTo: "跳转到单元 N，并运行它之前需要的单元"
        case .solution: "显示练习的答案"
        case .keys: "列出这些按键"
        case .quit: "退出；Primer 会记住你停在哪里"
        }
    }
    func bookPrompt(next: String) -> String { "▶ Enter：\(next) · 输入章节编号后按 Enter · q：退出 " }
    func reachedEnd(book: String) -> String { "你已读完《\(book)》。" }
    func stoppedAtCell(_ cell: Int) -> String { "停在单元 \(cell)" }
    func exercisesSolved(_ solved: Int, of total: Int) -> String { "练习 \(solved)/\(total)" }
    func chapterRange(count: Int) -> String { "章节编号为 1–\(count)。" }

    func liveRunningCell(cell: String) -> String { "正在运行单元 \(cell)…" }
    func liveRunningCellProgress(cell: String, text: String) -> String { "正在运行单元 \(cell)：\(text)" }

    func promptCell(_ cell: Int, exercise: Bool) -> String { "▶ 单元 \(cell)" + (exercise ? "（练习）" : "") }
    func promptAction(_ action: StepPromptAction) -> String {
        switch action {
        case .editAnswer: "e：编辑你的答案"
        case .runStarter: "Enter：运行初始代码"
        case .checkAnswer: "r：检查答案"
        case .runCell: "Enter：运行此单元"
        case .next: "Enter：下一个"
        case .edit: "e：编辑"
        case .rerun: "r：重新运行"
        case .solution: "s：答案"
        case .originalOrYours: "o：原版/你的版本"
        case .rest: "c：运行其余部分"
        case .back: "p：上一个"
        case .goTo: "g N：跳转"
        case .keys: "?：按键"
        case .quit: "q：退出"
        }
    }
}
