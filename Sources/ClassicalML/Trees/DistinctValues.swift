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

/// The rank of each of a few known values, by hashing: the bin code of a value in a column whose
/// distinct values are the ones given (sorted), in one probe or two instead of a binary search.
///
///     let codes = DistinctValueCodes([0, 0.5, 1])
///     codes.code(of: 0.5)   // 1
struct DistinctValueCodes {
    private let keys: [UInt64]
    private let codes: [UInt8]
    private let mask: Int

    /// `sorted`: increasing distinct values, at most 256.
    init(_ sorted: [Double]) {
        precondition(sorted.count <= 256, "DistinctValueCodes: at most 256 values")
        let capacity = 1 << (Int.bitWidth - (2 * max(1, sorted.count) + 1).leadingZeroBitCount)
        mask = capacity - 1
        var keys = [UInt64](repeating: DistinctValueCodes.empty, count: capacity)
        var codes = [UInt8](repeating: 0, count: capacity)
        for (rank, value) in sorted.enumerated() {
            let key = DistinctValueCodes.key(value)
            var slot = DistinctValueCodes.slot(key, mask)
            while keys[slot] != DistinctValueCodes.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            codes[slot] = UInt8(rank)
        }
        self.keys = keys; self.codes = codes
    }

    /// The rank of `value`, which must be one of the values given.
    @inline(__always)
    func code(of value: Double) -> UInt8 {
        let key = DistinctValueCodes.key(value)
        return keys.withUnsafeBufferPointer { k in
            var slot = DistinctValueCodes.slot(key, mask)
            while k[slot] != key { slot = (slot &+ 1) & mask }
            return codes[slot]
        }
    }

    /// A NaN pattern no finite value has.
    private static let empty: UInt64 = 0x7FF8_DEAD_BEEF_0001
    @inline(__always) private static func key(_ value: Double) -> UInt64 { (value == 0 ? 0.0 : value).bitPattern }
    @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }
}
