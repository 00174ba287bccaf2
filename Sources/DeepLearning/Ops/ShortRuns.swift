/// Copies and adds of short runs (one window row: a few to a few dozen floats), eight lanes
/// at a time and then one by one, without a `memmove` call or alias checks per run. Each
/// element gets the same single store or single add as a plain loop, so values are unchanged.
///
///     ShortRuns.copy(image + 3, to: column, count: 11)
///     ShortRuns.add(column, into: image + 3, count: 11)     // image[3 + i] += column[i]
enum ShortRuns {
    /// Copies `count` floats between runs that do not overlap each other. A run of eight or
    /// more ends with one more eight-lane copy that overlaps the previous one (rewriting equal
    /// values) instead of a one-by-one tail.
    @inline(__always)
    static func copy(_ source: UnsafePointer<Float>, to destination: UnsafeMutablePointer<Float>, count: Int) {
        let lanes = SIMDAccess.width
        guard count >= lanes else {
            for i in 0..<count { destination[i] = source[i] }
            return
        }
        var i = 0
        while i + lanes <= count {
            SIMDAccess.store(SIMDAccess.load(source + i), destination + i)
            i += lanes
        }
        if i < count { SIMDAccess.store(SIMDAccess.load(source + count - lanes), destination + count - lanes) }
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
