/// Puts a running program's events in cell order.
///
/// The program writes each cell's records on both of its streams, and the streams are read
/// as data arrives, so the next cell's first line on stdout can be read before the current
/// cell's end record on stderr. Observers must see one cell at a time: events of a later cell
/// wait here until the current cell has ended.
///
///     var ordering = EventOrdering()
///     ordering.accept(.cellBegan(1)) { print($0) }   // passes: no cell is open
///     ordering.accept(.cellBegan(2)) { print($0) }   // held: cell 1 has not ended
///     ordering.accept(.cellEnded(1)) { print($0) }   // passes, then cell 2's began
struct EventOrdering {
    /// The cell that began and has not ended, as far as the observer knows.
    private var open: Int?
    private var held: [ProgramEvent] = []

    mutating func accept(_ event: ProgramEvent, deliver: (ProgramEvent) -> Void) {
        let cell = Self.cell(of: event)
        if let open, cell != open {
            held.append(event)
            return
        }
        switch event {
        case .cellBegan(let i): open = i
        case .cellEnded: open = nil
        case .output, .inlineValue: break
        }
        deliver(event)
        if open == nil, !held.isEmpty {
            let waiting = held
            held = []
            for event in waiting { accept(event, deliver: deliver) }
        }
    }

    /// The program ended: whatever is still held goes out in arrival order.
    mutating func finish(deliver: (ProgramEvent) -> Void) {
        let waiting = held
        held = []
        open = nil
        waiting.forEach(deliver)
    }

    private static func cell(of event: ProgramEvent) -> Int {
        switch event {
        case .cellBegan(let i), .output(let i, _), .cellEnded(let i), .inlineValue(let i, _, _): return i
        }
    }
}
