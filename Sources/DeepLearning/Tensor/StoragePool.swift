import Foundation

/// Recycles large buffers. A training loop allocates the same sizes on every step; handing
/// freed buffers back out avoids returning them to the system and faulting fresh pages in
/// (which otherwise shows up as a large share of system time). Buffers below `minimumCount`
/// go straight to `malloc`, and at most `capacityBytes` are held.
enum StoragePool {
    static let minimumCount = 4096
    static let capacityBytes = 128 << 20

    private static let lock = NSLock()
    nonisolated(unsafe) private static var free: [Int: [UnsafeMutablePointer<Float>]] = [:]
    nonisolated(unsafe) private static var heldBytes = 0

    static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
        if count >= minimumCount {
            lock.lock()
            if let pointer = free[count]?.popLast() {
                heldBytes -= count * MemoryLayout<Float>.stride
                lock.unlock()
                return pointer
            }
            lock.unlock()
        }
        return .allocate(capacity: Swift.max(count, 1))
    }

    static func release(_ pointer: UnsafeMutablePointer<Float>, count: Int) {
        let bytes = count * MemoryLayout<Float>.stride
        if count >= minimumCount {
            lock.lock()
            if heldBytes + bytes <= capacityBytes {
                free[count, default: []].append(pointer)
                heldBytes += bytes
                lock.unlock()
                return
            }
            lock.unlock()
        }
        pointer.deallocate()
    }
}
