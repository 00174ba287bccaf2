import Foundation
import Testing
@testable import DeepLearning

/// The attention layers against PyTorch 2.15 (CPU, float32): `nn.LayerNorm`,
/// `F.scaled_dot_product_attention` with causal and padding masks, `nn.MultiheadAttention` and
/// `nn.TransformerEncoderLayer(norm_first=True)`, their weights moved through safetensors with
/// PyTorch's names. Values and the gradients of `sum(out ⊙ probe)` w.r.t. inputs and weights.
/// Fixtures: Fixtures/torch/attention.json, mha_model.safetensors and
/// transformer_block.safetensors, written by make_attention_fixtures.py (its docstring lists
/// every case). Tolerance: relative 1e-4, absolute 1e-5 (softmax over sums of products).
extension DeepLearningTests {
@Suite("Attention against PyTorch")
struct AttentionPyTorchTests {
    typealias Reference = PyTorchReferenceTests
    static let tolerance = Reference.Tolerance(relative: 1e-4, absolute: 1e-5)
    static let cases = Reference.Case.load("attention.json")

    static func reference(_ name: String) -> Reference.Case { Reference.Case(name, from: cases) }

    @Test func layerNormMatchesPyTorch() {
        let c = Self.reference("layer_norm")
        let norm = LayerNorm(6)
        Reference.checkLayer(c, norm, ["weight": norm.weight, "bias": norm.bias], Self.tolerance)
    }

    @Test(arguments: ["sdpa_plain", "sdpa_causal", "sdpa_padding", "sdpa_cross_padding"])
    func scaledDotProductAttentionMatchesPyTorch(_ name: String) {
        let c = Self.reference(name)
        let q = c.tensor("q", requiresGrad: true), k = c.tensor("k", requiresGrad: true), v = c.tensor("v", requiresGrad: true)
        let padding = c.entries["key_padding"] == nil ? nil : c.tensor("key_padding")
        let out = scaledDotProductAttention(q, k, v, causal: c.number("causal") == 1, keyPadding: padding)
        Reference.expectMatch(out, c, "out", Self.tolerance)
        (out * c.tensor("probe")).sum().backward()
        Reference.expectMatch(q.grad, c, "grad_q", Self.tolerance)
        Reference.expectMatch(k.grad, c, "grad_k", Self.tolerance)
        Reference.expectMatch(v.grad, c, "grad_v", Self.tolerance)
    }

    static func loadedAttention() throws -> (MultiHeadAttention, LoadReport) {
        let attention = MultiHeadAttention(embedding: 8, heads: 2)
        let report = try attention.load(from: Reference.Case.fixtureURL("mha_model.safetensors"), names: .pyTorch)
        return (attention, report)
    }

    @Test func multiHeadAttentionLoadsPyTorchsWeightsAndMatches() throws {
        let (attention, report) = try Self.loadedAttention()
        #expect(report.loaded.sorted() == ["inProjectionBias", "inProjectionWeight", "outProjection.bias", "outProjection.weight"])
        #expect(report.ignored.isEmpty && report.missing.isEmpty)
        let c = Self.reference("mha")
        let x = c.tensor("x", requiresGrad: true)
        let out = attention(x, causal: true, keyPadding: c.tensor("key_padding"))
        Reference.expectMatch(out, c, "out", Self.tolerance)
        (out * c.tensor("probe")).sum().backward()
        Reference.expectMatch(x.grad, c, "grad_x", Self.tolerance)
        Reference.expectMatch(attention.inProjectionWeight.grad, c, "grad_in_proj_weight", Self.tolerance)
        Reference.expectMatch(attention.inProjectionBias.grad, c, "grad_in_proj_bias", Self.tolerance)
        Reference.expectMatch(attention.outProjection.weight.grad, c, "grad_out_proj_weight", Self.tolerance)
        Reference.expectMatch(attention.outProjection.bias?.grad, c, "grad_out_proj_bias", Self.tolerance)
    }

    @Test func crossAttentionMatchesPyTorch() throws {
        let (attention, _) = try Self.loadedAttention()
        let c = Self.reference("mha_cross")
        let q = c.tensor("q", requiresGrad: true), kv = c.tensor("kv", requiresGrad: true)
        let out = attention(query: q, key: kv, value: kv, keyPadding: c.tensor("key_padding"))
        Reference.expectMatch(out, c, "out", Self.tolerance)
        (out * c.tensor("probe")).sum().backward()
        Reference.expectMatch(q.grad, c, "grad_q", Self.tolerance)
        Reference.expectMatch(kv.grad, c, "grad_kv", Self.tolerance)
        Reference.expectMatch(attention.inProjectionWeight.grad, c, "grad_in_proj_weight", Self.tolerance)
    }

    @Test func transformerBlockLoadsPyTorchsEncoderLayerAndMatches() throws {
        let block = TransformerBlock(dimension: 8, heads: 2, hiddenDimension: 16, activation: .relu, causal: true)
        let report = try block.load(from: Reference.Case.fixtureURL("transformer_block.safetensors"), names: .pyTorch)
        #expect(report.loaded.count == 12 && report.missing.isEmpty && report.ignored.isEmpty)
        let c = Self.reference("transformer_block")
        let x = c.tensor("x", requiresGrad: true)
        let out = block(x, keyPadding: c.tensor("key_padding"))
        Reference.expectMatch(out, c, "out", Self.tolerance)
        (out * c.tensor("probe")).sum().backward()
        Reference.expectMatch(x.grad, c, "grad_x", Self.tolerance)
        Reference.expectMatch(block.selfAttention.inProjectionWeight.grad, c, "grad_self_attn_in_proj_weight", Self.tolerance)
        Reference.expectMatch(block.selfAttention.outProjection.bias?.grad, c, "grad_self_attn_out_proj_bias", Self.tolerance)
        Reference.expectMatch(block.linear1.weight.grad, c, "grad_linear1_weight", Self.tolerance)
        Reference.expectMatch(block.norm1.weight.grad, c, "grad_norm1_weight", Self.tolerance)
    }

    @Test func attentionLayersExportPyTorchsNames() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attention-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let block = TransformerBlock(dimension: 8, heads: 2, hiddenDimension: 16, activation: .relu)
        try block.load(from: Reference.Case.fixtureURL("transformer_block.safetensors"), names: .pyTorch)
        let url = folder.appendingPathComponent("block.safetensors")
        try block.save(to: url, names: .pyTorch)
        let pyTorchNames = try SafeTensors.read(Reference.Case.fixtureURL("transformer_block.safetensors")).keys.sorted()
        #expect(try SafeTensors.read(url).keys.sorted() == pyTorchNames)
        let (attention, _) = try Self.loadedAttention()
        try attention.save(to: url, names: .pyTorch)
        #expect(try SafeTensors.read(url).keys.sorted() == ["in_proj_bias", "in_proj_weight", "out_proj.bias", "out_proj.weight"])
    }

    @Test func aModelsOwnOutProjKeepsItsName() {
        #expect(PyTorchNames.attentionPath("head.out_proj.weight", moduleNames: ["head.out_proj.weight"]) == "head.out_proj.weight")
        #expect(PyTorchNames.attentionPath("0.self_attn.out_proj.weight", moduleNames: ["0.selfAttention.outProjection.weight"])
            == "0.selfAttention.outProjection.weight")
        #expect(PyTorchNames.engineLeaf(for: "in_proj_weight") == "inProjectionWeight")
    }
}
}
