import DeepLearning

/// The seed's CNN, as `torch_cnn.py` defines it: two 3×3 convolutions each followed by ReLU
/// and 2×2 max pooling, then two fully connected layers (28×28 → 26 → 13 → 11 → 5).
final class SeedCNN: Layer {
    let conv1 = Conv2D(1, 32, kernel: 3)
    let conv2 = Conv2D(32, 64, kernel: 3)
    let fc1 = Linear(64 * 5 * 5, 128)
    let fc2 = Linear(128, 10)

    func callAsFunction(_ input: Tensor) -> Tensor {
        let first = maxPool2d(conv1(input).relu(), kernel: 2)
        let second = maxPool2d(conv2(first).relu(), kernel: 2)
        return fc2(fc1(second.flattened(from: 1)).relu())
    }
}
