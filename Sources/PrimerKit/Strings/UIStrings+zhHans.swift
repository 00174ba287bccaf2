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
        case .cachedNote: "（缓存）"
        case .copy: "复制"
        case .copied: "已复制"
        case .selectAndCopy: "请选中后复制"
        case .showAsChart: "显示为图表"
        case .showAsText: "显示为文本"
        case .noMatches: "没有找到匹配的内容。"
        case .showSolution: "显示答案"
        case .showTheCode: "显示代码"
        case .passed: "通过"
        case .failed: "失败"
        case .failedAsExpected: "按预期失败"
        case .notRun: "未运行"
        case .notRunNorun: "未运行（norun）"
        case .fromCache: "缓存"
        case .ran: "运行"
        case .firstCell: "这已经是第一个单元。"
        case .goToCellPrompt: "跳转到单元："
        }
    }

    func errorCount(_ count: Int) -> String { "\(count) 个错误" }
    func cellCount(_ count: Int) -> String { "（\(count) 个单元）" }
    func outputOfCell(_ cell: Int) -> String { "单元 \(cell) 的输出" }
    func notRunBecause(reason: String) -> String { "未运行：\(reason)。" }
    func errorHeading(kind: String) -> String { "错误（\(kind)）" }
    func expectedErrorHeading(kind: String) -> String { "按预期失败（\(kind)）" }
    func checkTotals(passed: Int, failed: Int) -> String { "章节：\(passed) 个通过，\(failed) 个失败" }

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
