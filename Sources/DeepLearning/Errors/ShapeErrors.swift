import NumericCore

/// Stops the program with a message that names the operation, the shapes involved and the
/// likely fix, through the engines' one failure function (`engineFailure`), whose message
/// survives optimised builds.
func shapeFailure(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    engineFailure(message, file: file, line: line)
}

/// Builds the messages for shape mistakes, so that tests can check them without trapping.
public enum ShapeMessages {
    /// Side lengths of common square images, tried in order when guessing what a flattened
    /// feature count came from.
    static let commonImageSides = [28, 32, 224, 64, 96, 256, 14, 7]

    /// A `Linear` layer fed the wrong number of features.
    ///
    ///     ShapeMessages.linear(inputFeatures: 50176, outputFeatures: 128, got: [64, 1600])
    public static func linear(inputFeatures: Int, outputFeatures: Int, got shape: [Int]) -> String {
        var message = "Linear(\(inputFeatures) → \(outputFeatures)) expected input with \(inputFeatures) features (last dimension), got shape \(shape)"
        guard let actual = shape.last else { return message + "; pass a tensor of shape [batch, \(inputFeatures)]" }
        if shape.count >= 4 {
            let flat = shape.dropFirst().reduce(1, *)
            message += "; image batches need Flatten() before a Linear layer"
            return flat == inputFeatures ? message : message + ", which here gives \(flat) features: use Linear(\(flat), \(outputFeatures))"
        }
        let fix = "use Linear(\(actual), \(outputFeatures))"
        if let side = commonImageSides.first(where: { inputFeatures % ($0 * $0) == 0 }) {
            return message + "; did you compute the flattened size for \(side)×\(side) inputs? For this input \(fix)"
        }
        return message + "; for this input \(fix)"
    }

    /// A `Conv2D` layer fed the wrong layout or channel count.
    public static func conv2D(inChannels: Int, outChannels: Int, kernel: Int, got shape: [Int]) -> String {
        let layer = "Conv2D(\(inChannels) → \(outChannels), kernel: \(kernel))"
        if shape.count != 4 {
            let hint = shape.count == 3 ? "; add a batch axis with .unsqueezed(at: 0), or a channel axis for [N, H, W] images with .unsqueezed(at: 1)"
                : shape.count == 2 ? "; reshape flat images to [N, \(inChannels), height, width]" : ""
            return "\(layer) expected input of shape [batch, \(inChannels), height, width], got shape \(shape)\(hint)"
        }
        if shape[3] == inChannels && shape[1] != inChannels {
            return "\(layer) expected \(inChannels) input channels (dimension 1), got shape \(shape), which looks channels-last; reorder it with .permuted([0, 3, 1, 2])"
        }
        return "\(layer) expected \(inChannels) input channels (dimension 1), got shape \(shape); for this input use Conv2D(\(shape[1]), \(outChannels), kernel: \(kernel))"
    }

    /// A convolution or pooling window larger than the (padded) image.
    public static func windowTooLarge(_ layer: String, window: Int, height: Int, width: Int, padding: Int) -> String {
        "\(layer): the \(window)×\(window) window does not fit the \(height)×\(width) input (padding \(padding)); the image has shrunk too much — use fewer pooling layers, padding, or a smaller kernel"
    }

    /// Two operands that cannot broadcast together.
    public static func broadcast(_ operation: String, _ a: [Int], _ b: [Int]) -> String {
        "\(operation): shapes \(a) and \(b) cannot be broadcast together; aligned from the last dimension, each pair of sizes must be equal or one of them 1"
    }

    /// A matrix product with mismatched inner dimensions.
    public static func matmul(_ a: [Int], _ b: [Int], transposingB: Bool) -> String {
        let inner = a.last ?? 0
        let other = transposingB ? (b.last ?? 0) : (b.count >= 2 ? b[b.count - 2] : 0)
        return "matmul: inner dimensions differ: \(a) · \(b)\(transposingB ? "ᵀ" : "") multiplies \(inner) columns by \(other) rows; transpose one operand or fix its shape"
    }

    /// Logits and labels that disagree.
    public static func classification(_ loss: String, logits: [Int], labels: Int) -> String {
        if logits.count != 2 {
            return "\(loss): expected logits of shape [batch, classes], got \(logits); flatten extra dimensions or pick the last time step"
        }
        return "\(loss): logits of shape \(logits) hold \(logits[0]) rows but \(labels) labels were given; each row needs one class index"
    }

    /// A class label outside `0..<classes` in a classification loss.
    ///
    ///     ShapeMessages.labelOutOfRange("crossEntropy", label: "5", row: 2, logits: [4, 5])
    public static func labelOutOfRange(_ loss: String, label: String, row: Int, logits: [Int]) -> String {
        let classes = logits.count == 2 ? logits[1] : 0
        return "\(loss): label \(label) (row \(row)) is not a class index for \(classes) classes (logits of shape \(logits)); labels must lie in 0..<\(classes) — give the last layer one output per class (\(classes) now), or renumber the labels from 0"
    }

    /// A NaN or infinite value among the labels of a classification loss.
    public static func nonFiniteLabel(_ loss: String, label: Float, row: Int) -> String {
        "\(loss): label \(label) (row \(row)) is not a class index; labels must be whole numbers 0, 1, 2, … — check how the label tensor was built (missing values?)"
    }

    /// Predictions and targets of different shapes in a regression loss.
    public static func regression(_ loss: String, predictions: [Int], targets: [Int]) -> String {
        "\(loss): predictions of shape \(predictions) and targets of shape \(targets) differ; reshape the targets (e.g. .reshaped([-1, 1])) so they match"
    }
}
