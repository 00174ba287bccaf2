/// Copies and adds of short runs (one window row: a few to a few dozen floats), eight lanes
/// at a time and then one by one, without a `memmove` call or alias checks per run. Each
/// element gets the same single store or single add as a plain loop, so values are unchanged.
///
///     ShortRuns.copy(image + 3, to: column, count: 11)
///     ShortRuns.add(column, into: image + 3, count: 11)     // image[3 + i] += column[i]
enum ShortRuns {
    @inline(__always)
    static func copy(_ source: UnsafePointer<Float>, to destination: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + SIMDAccess.width <= count {
            SIMDAccess.store(SIMDAccess.load(source + i), destination + i)
            i += SIMDAccess.width
        }
        while i < count { destination[i] = source[i]; i += 1 }
    }

    @inline(__always)
    static func add(_ source: UnsafePointer<Float>, into destination: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + SIMDAccess.width <= count {
            SIMDAccess.store(SIMDAccess.load(destination + i) + SIMDAccess.load(source + i), destination + i)
            i += SIMDAccess.width
        }
        while i < count { destination[i] += source[i]; i += 1 }
    }
}
