// The built-in layers that describe themselves in one line; everything else (Sequential,
// your own models) is described as a tree by `summary(of:)`.
extension Linear: OneLineLayer {}
extension Conv2D: OneLineLayer {}
extension MaxPool2D: OneLineLayer {}
extension AvgPool2D: OneLineLayer {}
extension Flatten: OneLineLayer {}
extension Dropout: OneLineLayer {}
extension BatchNormalization: OneLineLayer {}
extension Embedding: OneLineLayer {}
extension RNN: OneLineLayer {}
extension LSTM: OneLineLayer {}
extension GRU: OneLineLayer {}
extension ReLU: OneLineLayer {}
extension LeakyReLU: OneLineLayer {}
extension Sigmoid: OneLineLayer {}
extension Tanh: OneLineLayer {}
extension GELU: OneLineLayer {}
extension Softmax: OneLineLayer {}
extension LogSoftmax: OneLineLayer {}
