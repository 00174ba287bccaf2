import DeepLearning

/// The anchor's sequence classifier: token embedding, one LSTM layer, and a linear layer on
/// the final hidden state.
final class LSTMClassifier: Layer {
    let embedding = Embedding(1000, 64)
    let lstm = LSTM(64, 128)
    let head = Linear(128, 2)

    func callAsFunction(_ tokens: Tensor) -> Tensor {
        head(lstm.run(embedding(tokens)).final)
    }
}
