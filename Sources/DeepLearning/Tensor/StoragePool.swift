import Foundation
import NumericCore

/// Recycles large buffers. A training loop allocates the same sizes on every step; handing
/// freed buffers back out avoids returning them to the system and faulting fresh pages in
/// (which otherwise shows up as a large share of system time). Buffers below `minimumCount`
/// go straight to `malloc`, and at most `capacityBytes` are held.
enum StoragePool {
    static let minimumCount = 4096
    static let capacityBytes = 128 << 20

    private struct Shelves {
        var free: [Int: [UnsafeMutablePointer<Float>]] = [:]
        var heldBytes = 0
    }
    private static let shelves = Guarded(Shelves())

    static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
        if count >= minimumCount {
            let reused = shelves.withLock { shelves -> UnsafeMutablePointer<Float>? in
                guard let pointer = shelves.free[count]?.popLast() else { return nil }
                shelves.heldBytes -= count * MemoryLayout<Float>.stride
                return pointer
            }
            if let reused { return reused }
        }
        return .allocate(capacity: Swift.max(count, 1))
    }

    static func release(_ pointer: UnsafeMutablePointer<Float>, count: Int) {
        let bytes = count * MemoryLayout<Float>.stride
        if count >= minimumCount {
            let kept = shelves.withLock { shelves -> Bool in
                guard shelves.heldBytes + bytes <= capacityBytes else { return false }
                shelves.free[count, default: []].append(pointer)
                shelves.heldBytes += bytes
                return true
            }
            if kept { return }
        }
        pointer.deallocate()
    }
}
