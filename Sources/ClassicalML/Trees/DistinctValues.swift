/// The distinct values of a column, sorted, when there are at most `limit` of them; nil when
/// there are more. One pass through a small open-addressing set, so columns with few distinct
/// values (pixels, counts, categories) never pay for a full sort.
///
///     distinctValues(of: [0.5, 0, 0.5, 1], limit: 256)   // [0, 0.5, 1]
///     distinctValues(of: [1, 2, 3], limit: 2)             // nil
///
/// `-0.0` and `0.0` count as one value (they compare equal), as in a sorted scan.
func distinctValues(of column: UnsafeBufferPointer<Double>, limit: Int) -> [Double]? {
    let capacity = 1 << (Int.bitWidth - (2 * limit + 1).leadingZeroBitCount)   // a power of two > 2 × limit
    let mask = capacity - 1
    var keys = [UInt64](repeating: 0, count: capacity)
    var used = [Bool](repeating: false, count: capacity)
    var found: [Double] = []
    found.reserveCapacity(limit)
    var previous: UInt64? = nil
    for value in column {
        let key = (value == 0 ? 0.0 : value).bitPattern
        if key == previous { continue }   // runs of one value are common (blank pixels)
        previous = key
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while used[slot] && keys[slot] != key { slot = (slot + 1) & mask }
        if used[slot] { continue }
        if found.count == limit { return nil }
        used[slot] = true
        keys[slot] = key
        found.append(value == 0 ? 0.0 : value)
    }
    return found.sorted()
}
