import Foundation
import PrimerKit
import PrimerWire

/// Forwards one chapter's run to the open pages: compiling, which cell runs, its progress bars
/// and printed lines as they stream (at most one progress event per 50 ms, so that a fast
/// training loop does not flood the browser).
///
///     ChapterBatch(runner: runner, jobs: 2) { path in LiveRunObserver(page: SiteBuilder.pageName(for: path), channel: channel) }
final class LiveRunObserver: RunObserver {
    let page: String
    let channel: LiveChannel
    private var lastProgress = Date.distantPast

    init(page: String, channel: LiveChannel) {
        self.page = page; self.channel = channel
    }

    func observe(_ event: RunEvent) {
        switch event {
        case .compiling: channel.send(.compiling(page: page))
        case .cellBegan(let index): channel.send(.running(page: page, cell: index + 1))
        case .output(let index, .rich(.progress(let progress))):
            sendProgress(index, progress.line(width: 72), force: progress.completed >= progress.total)
        case .output(let index, .stdout(let text)):
            if let line = text.split(separator: "\n").last { sendProgress(index, String(line.prefix(200)), force: false) }
        default: break
        }
    }

    private func sendProgress(_ index: Int, _ text: String, force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(lastProgress) >= 0.05 else { return }
        lastProgress = now
        channel.send(.progress(page: page, cell: index + 1, text: text))
    }
}
