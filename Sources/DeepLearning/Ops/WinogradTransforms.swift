/// The four transforms of Winograd's minimal filtering F(2×2, 3×3) (Lavin & Gray, "Fast
/// Algorithms for Convolutional Neural Networks", 2016) and their adjoints, one 4×4 tile at a
/// time. With
///
///     Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1]
///     G  = [1 0 0; ½ ½ ½; ½ −½ ½; 0 0 1]
///     Aᵀ = [1 1 1 0; 0 1 −1 −1]
///
/// a 3×3 kernel `g` becomes `U = G g Gᵀ`, a 4×4 input tile `d` becomes `V = Bᵀ d B`, and the
/// 2×2 block of the correlation's outputs the tile covers is `Y = Aᵀ (U ⊙ V) A`. The adjoints
/// (`dM = A dY Aᵀ`, `dd = B dV Bᵀ`, `dg = Gᵀ dU G`) carry gradients back through the same steps,
/// so the backward pass differentiates exactly the function the forward pass computes.
///
/// A transformed tile is 16 numbers, position `ξ = 4i + j`; each transform reads and writes them
/// through a pointer and a stride, so that they can live in 16 separate planes.
///
///     WinogradTransforms.kernel(g, into: u, stride: planeSize)   // u[ξ · planeSize] = U[ξ]
enum WinogradTransforms {
    /// `U = G g Gᵀ` of a row-major 3×3 kernel.
    @inline(__always)
    static func kernel(_ g: UnsafePointer<Float>, into u: UnsafeMutablePointer<Float>, stride: Int) {
        var h = [Float](repeating: 0, count: 12)   // G g: 4 rows of 3
        for b in 0..<3 {
            let g0 = g[b], g1 = g[3 + b], g2 = g[6 + b]
            h[b] = g0
            h[3 + b] = 0.5 * (g0 + g1 + g2)
            h[6 + b] = 0.5 * (g0 - g1 + g2)
            h[9 + b] = g2
        }
        for i in 0..<4 {
            let h0 = h[3 * i], h1 = h[3 * i + 1], h2 = h[3 * i + 2]
            u[(4 * i) * stride] = h0
            u[(4 * i + 1) * stride] = 0.5 * (h0 + h1 + h2)
            u[(4 * i + 2) * stride] = 0.5 * (h0 - h1 + h2)
            u[(4 * i + 3) * stride] = h2
        }
    }

    /// `dg = Gᵀ dU G`, the kernel's gradient from the gradient of its transform, written over `dg`.
    @inline(__always)
    static func kernelAdjoint(_ du: UnsafePointer<Float>, stride: Int, into dg: UnsafeMutablePointer<Float>) {
        var e = [Float](repeating: 0, count: 12)   // Gᵀ dU: 3 rows of 4
        for j in 0..<4 {
            let d0 = du[j * stride], d1 = du[(4 + j) * stride], d2 = du[(8 + j) * stride], d3 = du[(12 + j) * stride]
            e[j] = d0 + 0.5 * (d1 + d2)
            e[4 + j] = 0.5 * (d1 - d2)
            e[8 + j] = 0.5 * (d1 + d2) + d3
        }
        for a in 0..<3 {
            let e0 = e[4 * a], e1 = e[4 * a + 1], e2 = e[4 * a + 2], e3 = e[4 * a + 3]
            dg[3 * a] = e0 + 0.5 * (e1 + e2)
            dg[3 * a + 1] = 0.5 * (e1 - e2)
            dg[3 * a + 2] = 0.5 * (e1 + e2) + e3
        }
    }

    /// `V = Bᵀ d B` of the tile `d` (rows `d0`…`d3`, four numbers each).
    @inline(__always)
    static func input(_ d0: SIMD4<Float>, _ d1: SIMD4<Float>, _ d2: SIMD4<Float>, _ d3: SIMD4<Float>,
                      into v: UnsafeMutablePointer<Float>, stride: Int) {
        // Bᵀ d, row by row, then · B along each row.
        @inline(__always) func store(_ t: SIMD4<Float>, row i: Int) {
            let base = v + 4 * i * stride
            base[0] = t[0] - t[2]
            base[stride] = t[1] + t[2]
            base[2 * stride] = t[2] - t[1]
            base[3 * stride] = t[1] - t[3]
        }
        store(d0 - d2, row: 0); store(d1 + d2, row: 1); store(d2 - d1, row: 2); store(d1 - d3, row: 3)
    }

    /// `dd = B dV Bᵀ`: the gradient of a tile from the gradient of its transform, as four rows.
    @inline(__always)
    static func inputAdjoint(_ dv: UnsafePointer<Float>, stride: Int) -> (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>) {
        @inline(__always) func row(_ i: Int) -> SIMD4<Float> {
            let base = dv + 4 * i * stride
            return SIMD4(base[0], base[stride], base[2 * stride], base[3 * stride])
        }
        let v0 = row(0), v1 = row(1), v2 = row(2), v3 = row(3)
        // B dV: rows of the tile; then · Bᵀ along each row.
        let q = (v0, v1 - v2 + v3, v1 + v2 - v0, -v3)
        @inline(__always) func across(_ t: SIMD4<Float>) -> SIMD4<Float> {
            SIMD4(t[0], t[1] - t[2] + t[3], t[1] + t[2] - t[0], -t[3])
        }
        return (across(q.0), across(q.1), across(q.2), across(q.3))
    }

    /// `Y = Aᵀ M A`: the 2×2 outputs of a tile from its 16 products, as (top row, bottom row).
    @inline(__always)
    static func output(_ m: UnsafePointer<Float>, stride: Int) -> (SIMD2<Float>, SIMD2<Float>) {
        @inline(__always) func row(_ i: Int) -> SIMD4<Float> {
            let base = m + 4 * i * stride
            return SIMD4(base[0], base[stride], base[2 * stride], base[3 * stride])
        }
        let m0 = row(0), m1 = row(1), m2 = row(2), m3 = row(3)
        let s0 = m0 + m1 + m2, s1 = m1 - m2 - m3
        return (SIMD2(s0[0] + s0[1] + s0[2], s0[1] - s0[2] - s0[3]),
                SIMD2(s1[0] + s1[1] + s1[2], s1[1] - s1[2] - s1[3]))
    }

    /// `dM = A dY Aᵀ`: the gradient of a tile's 16 products from the gradient of its 2×2 outputs.
    @inline(__always)
    static func outputAdjoint(_ top: SIMD2<Float>, _ bottom: SIMD2<Float>, into dm: UnsafeMutablePointer<Float>, stride: Int) {
        // dY Aᵀ: each output row spread over four columns.
        @inline(__always) func spread(_ y: SIMD2<Float>) -> SIMD4<Float> { SIMD4(y[0], y[0] + y[1], y[0] - y[1], -y[1]) }
        let w0 = spread(top), w1 = spread(bottom)
        @inline(__always) func store(_ t: SIMD4<Float>, row i: Int) {
            let base = dm + 4 * i * stride
            base[0] = t[0]; base[stride] = t[1]; base[2 * stride] = t[2]; base[3 * stride] = t[3]
        }
        store(w0, row: 0); store(w0 + w1, row: 1); store(w0 - w1, row: 2); store(-w1, row: 3)
    }
}
