/// Parameter initialisation as PyTorch does it by default.
enum Initialization {
    /// Kaiming-uniform with a = √5 (PyTorch's default for Linear and Conv2D weights), which
    /// works out to U(−1/√fanIn, 1/√fanIn); biases use the same bound.
    static func uniform(_ shape: [Int], fanIn: Int) -> Tensor {
        let bound = 1 / Float(max(fanIn, 1)).squareRoot()
        return Tensor.randomUniform(shape, in: -bound...bound).asParameter()
    }
}
