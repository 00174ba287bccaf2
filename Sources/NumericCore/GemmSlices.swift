/// How the engines cut a large matrix product `C (m × n) = A (m × k) · B (k × n)` into slices
/// for `Parallel`, each an independent single-threaded BLAS call: by the product's shape only,
/// never by the number of threads, because OpenBLAS rounds each element differently depending
/// on the shape of the call it is computed in (ARCHITECTURE.md, "Engine decisions"). A product
/// of fewer than `parallelWork` multiply-adds is one call; a larger one is cut into 2, 4 or 8
/// slices of about `parallelWork` multiply-adds or more each (at least `minWidth` wide) (`ChunkPlan`), by columns of `C` or, when asked
/// for the larger side and `m > n`, by rows (each slice then packs only its part of `A`).
///
///     GemmSlices(m: 64, n: 128, k: 1600).forEach { columns in /* C[:, columns] = A · B[:, columns] */ }
public struct GemmSlices: Sendable {
    /// Products of at least this many multiply-adds are split.
    public static let parallelWork = 1 << 21
    /// The most slices a product is cut into.
    public static let maxSlices = 8
    /// Slices are at least this many rows or columns wide.
    public static let minWidth = 8

    /// Which side a large product is cut along.
    public enum Split: Sendable { case columns, largerSide }

    /// Whether the slices are row ranges (of `A` and `C`) rather than column ranges (of `B` and `C`).
    public let byRows: Bool
    /// The slices' plan over the rows or columns.
    public let plan: ChunkPlan

    public init(m: Int, n: Int, k: Int, split: Split = .columns) {
        byRows = split == .largerSide && m > n
        let side = byRows ? m : n, work = m * n * k
        let wanted = work < GemmSlices.parallelWork ? 1 : Swift.max(2, work / GemmSlices.parallelWork)
        plan = ChunkPlan(count: side, minChunk: Swift.max(GemmSlices.minWidth, side / Swift.max(1, wanted)),
                         maxChunks: GemmSlices.maxSlices)
    }

    /// Calls `slice` with every row or column range, in parallel when there are several.
    public func forEach(_ slice: (Range<Int>) -> Void) {
        Parallel.forChunks(plan, slice)
    }
}
