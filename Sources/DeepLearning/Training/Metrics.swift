/// The fraction of rows of `logits` (`[N, C]`) whose largest entry is at the label.
///
///     accuracy(model(images), labels)     // 0.91
public func accuracy(_ logits: Tensor, _ labels: Tensor) -> Double {
    guard logits.rank == 2, labels.count == logits.shape[0] else {
        shapeFailure(ShapeMessages.classification("accuracy", logits: logits.shape, labels: labels.count))
    }
    return Double(withoutGradients { (logits.argmax(axis: 1) .== labels.reshaped([-1])).sum().item }) / Double(max(labels.count, 1))
}

/// The accuracy of `model` on `dataset`, in evaluation mode and without recording gradients;
/// the model's previous mode is restored afterwards.
///
///     let testAccuracy = evaluate(model, on: test)
public func evaluate(_ model: some Layer, on dataset: any Dataset, batchSize: Int = 256) -> Double {
    var correct = 0.0
    model.evaluating {
        for (inputs, labels) in DataLoader(dataset, batchSize: batchSize) {
            correct += accuracy(model(inputs), labels) * Double(labels.count)
        }
    }
    return correct / Double(max(dataset.count, 1))
}

/// The model's outputs for all of `inputs`, computed in evaluation mode without gradients.
public func predict(_ model: some Layer, _ inputs: Tensor) -> Tensor {
    model.evaluating { model(inputs) }
}

/// The predicted class (the index of the largest output) for every example of `dataset`,
/// computed in batches, in evaluation mode, without gradients.
///
///     let predicted = predictClasses(model, on: test)   // [Int], one per test image
///     print(confusionMatrix(test.labels, predicted))
public func predictClasses(_ model: some Layer, on dataset: any Dataset, batchSize: Int = 256) -> [Int] {
    var classes: [Int] = []
    classes.reserveCapacity(dataset.count)
    model.evaluating {
        for (inputs, _) in DataLoader(dataset, batchSize: batchSize) {
            classes += model(inputs).argmax(axis: 1).scalars.map { Int($0) }
        }
    }
    return classes
}
