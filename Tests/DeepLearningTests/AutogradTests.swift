import Foundation
import Testing
@testable import DeepLearning

extension DeepLearningTests {
@Suite("Autograd: accumulation, no-grad scopes, detaching and freezing")
struct AutogradTests {
    @Test func gradientsAccumulateUntilCleared() {
        let x = Tensor([1, 2], requiresGrad: true)
        (x * x).sum().backward()
        (x * x).sum().backward()
        #expect(x.grad?.scalars == [4, 8])
        x.zeroGrad()
        #expect(x.grad == nil)
    }

    @Test func reusedIntermediateGetsBothContributions() {
        let x = Tensor([3], requiresGrad: true)
        let y = x * 2
        (y * y + y).sum().backward()     // d/dx (4x² + 2x) = 8x + 2
        #expect(x.grad?.scalars == [26])
    }

    @Test func noGradScopeRecordsNothing() {
        let x = Tensor([1, 2], requiresGrad: true)
        let y = withoutGradients { x * 3 }
        #expect(!y.requiresGrad)
        let z = Tensor.noGrad { x.exp() }
        #expect(!z.requiresGrad)
        #expect((x * 3).requiresGrad)
    }

    @Test func noGradScopeBelongsToItsThread() {
        final class Outcome: @unchecked Sendable { var recorded = false }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        withoutGradients {
            Thread { outcome.recorded = (Tensor([1], requiresGrad: true) * 2).requiresGrad; done.signal() }.start()
            done.wait()
        }
        #expect(outcome.recorded)
        #expect(GradientMode.isEnabled)
    }

    @Test func backwardReleasesTheGraph() {
        let x = Tensor([2], requiresGrad: true)
        let shared = x.exp()
        shared.sum().backward()
        #expect(shared.node?.isSpent == true)
        #expect(shared.requiresGrad)
        #expect(AutogradMessages.graphReused("exp").contains("the result of exp was already used by an earlier backward()"))
    }

    @Test func detachedStopsTheFlow() {
        let x = Tensor([2], requiresGrad: true)
        (x * x.detached()).sum().backward()
        #expect(x.grad?.scalars == [2])
    }

    @Test func frozenParametersGetNoGradient() {
        let layer = Linear(2, 1)
        layer.freeze()
        let input = Tensor([[1, 2]], requiresGrad: true)
        layer(input).sum().backward()
        #expect(layer.weight.grad == nil)
        #expect(input.grad != nil)
        layer.unfreeze()
        layer(input).sum().backward()
        #expect(layer.weight.grad?.scalars == [1, 2])
    }

    /// A recorded operation must not keep its own result alive (a reference cycle through the
    /// backward closure would leak every activation of every training step).
    @Test func resultsAreFreedOnceUnused() {
        let x = sample([2, 2, 4, 4], seed: 40), w = sample([2, 2, 3, 3], seed: 41)
        [x, w].forEach { $0.requiresGrad = true }
        let operations: [(String, () -> Tensor)] = [
            ("*", { x * x }), ("+ broadcast", { x + w.sum() }), ("exp", { x.exp() }), ("sum", { x.sum() }),
            ("sum axes", { x.sum(alongAxes: 1) }), ("max", { x.max(axis: 1) }), ("softmax", { x.softmax() }),
            ("logSoftmax", { x.logSoftmax() }), ("reshape", { x.reshaped([8, 8]) }), ("permute", { x.permuted([3, 2, 1, 0]) }),
            ("slice", { x.slice(axis: 2, 0..<2) }), ("concat", { Tensor.concat([x, x], axis: 1) }),
            ("matmul", { matmul(x.reshaped([16, 4]), x.reshaped([4, 16])) }), ("rows", { x.rows([0, 1, 0]) }),
            ("gathering", { x.reshaped([16, 4]).gathering(Array(repeating: [0, 1, 2, 3], count: 4).flatMap { $0 }) }),
            ("conv2d", { conv2d(x, weight: w, bias: nil) }), ("maxPool2d", { maxPool2d(x, kernel: 2) }),
            ("avgPool2d", { avgPool2d(x, kernel: 2) }), ("broadcast", { w.sum(alongAxes: 0).broadcast(to: [3, 2, 3, 3]) }),
        ]
        for (name, operation) in operations {
            weak var weakResult: Tensor?
            do {
                let result = operation()
                weakResult = result
                #expect(result.requiresGrad, "\(name)")
            }
            #expect(weakResult == nil, "\(name) keeps its result alive")
        }
    }

    @Test func nonScalarBackwardTakesASeed() {
        let x = Tensor([1, 2], requiresGrad: true)
        (x * x).backward(seed: Tensor([1, 10]))
        #expect(x.grad?.scalars == [2, 40])
    }
}
}
