#!/usr/bin/env python3
"""Writes the PyTorch reference values for the engine's attention layers (issue 15), which
AttentionPyTorchTests.swift compares against.

    ~/anchors-venv/bin/python make_attention_fixtures.py   # rewrites attention.json, mha_model.safetensors, transformer_block.safetensors

Same array layout as make_torch_fixtures.py: attention.json maps a case name to named arrays
{"shape": [...], "data": [...]} (row-major float32, 9 significant digits) and plain numbers.
Gradients are those of sum(out * probe) for a stored random probe.

Cases:
  layer_norm: nn.LayerNorm(6) (eps 1e-5) with random weight/bias on x [2, 3, 6]; out, grad_x,
    grad_weight, grad_bias.
  sdpa_plain, sdpa_causal, sdpa_padding, sdpa_cross_padding: F.scaled_dot_product_attention
    on q [2, 2, T, 4], k [2, 2, S, 4], v [2, 2, S, 3]; causal via is_causal=True (top-left
    aligned); padding as a boolean attn_mask [N, 1, 1, S] (True = attend), stored for the engine
    as key_padding [N, S] with 1 = padded (PyTorch's key_padding_mask convention), built from
    the stored lengths. out, grad_q, grad_k, grad_v. sdpa_cross_padding has T = 3, S = 5.
  mha: nn.MultiheadAttention(8, 2, batch_first=True) self-attention on x [2, 5, 8] with a
    key_padding_mask (lengths 5 and 3) and a causal attn_mask (bool, True = masked, PyTorch's
    MHA convention), need_weights=False. Its state_dict() is mha_model.safetensors
    (in_proj_weight [24, 8], in_proj_bias, out_proj.weight, out_proj.bias); out, grad_x and
    grad_<name> for every parameter (dots replaced by underscores).
  mha_cross: the same module attending from q [2, 3, 8] over kv [2, 5, 8] (key = value), with
    key_padding_mask lengths 5 and 4; out, grad_q, grad_kv, grad_in_proj_weight.
  transformer_block: nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, dropout=0,
    activation=relu, batch_first=True, norm_first=True) on x [2, 5, 8] with a causal src_mask
    and src_key_padding_mask (lengths 5 and 4); state_dict() in transformer_block.safetensors
    (self_attn.*, linear1/2.*, norm1/2.*); out, grad_x, grad_self_attn_in_proj_weight,
    grad_linear1_weight, grad_norm1_weight.
Versions used are stored in attention.json under "versions".
"""
import json
import os

import numpy
import safetensors
import torch
import torch.nn.functional as F
from torch import nn
from safetensors.torch import save_file

HERE = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(20261201)
cases = {}


def array(t):
    t = t.detach().to(torch.float32).contiguous()
    return {"shape": list(t.shape), "data": [float("%.9g" % v) for v in t.reshape(-1).tolist()]}


def padding(lengths, length):
    """[N, S] float, 1 at padded positions."""
    return torch.tensor([[1.0 if p >= n else 0.0 for p in range(length)] for n in lengths])


def layer_norm():
    norm = nn.LayerNorm(6)
    with torch.no_grad():
        norm.weight.copy_(torch.randn(6))
        norm.bias.copy_(torch.randn(6))
    x = (torch.randn(2, 3, 6) * 2 + 0.5).requires_grad_(True)
    out = norm(x)
    probe = torch.randn(out.shape)
    (out * probe).sum().backward()
    cases["layer_norm"] = {"x": array(x), "weight": array(norm.weight), "bias": array(norm.bias),
                           "probe": array(probe), "out": array(out), "grad_x": array(x.grad),
                           "grad_weight": array(norm.weight.grad), "grad_bias": array(norm.bias.grad)}


def sdpa(name, queries, keys, causal=False, lengths=None):
    q = torch.randn(2, 2, queries, 4).requires_grad_(True)
    k = torch.randn(2, 2, keys, 4).requires_grad_(True)
    v = torch.randn(2, 2, keys, 3).requires_grad_(True)
    mask = None
    case = {}
    if lengths is not None:
        pad = padding(lengths, keys)
        mask = (pad == 0).reshape(2, 1, 1, keys)
        case["key_padding"] = array(pad)
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, is_causal=causal)
    probe = torch.randn(out.shape)
    (out * probe).sum().backward()
    case.update({"q": array(q), "k": array(k), "v": array(v), "probe": array(probe), "out": array(out),
                 "grad_q": array(q.grad), "grad_k": array(k.grad), "grad_v": array(v.grad),
                 "causal": 1 if causal else 0})
    cases[name] = case


def causal_mask(steps):
    return torch.triu(torch.ones(steps, steps, dtype=torch.bool), diagonal=1)


def mha():
    module = nn.MultiheadAttention(8, 2, batch_first=True)
    with torch.no_grad():  # non-zero biases, so a mix-up of them shows
        module.in_proj_bias.copy_(torch.randn(24) * 0.3)
        module.out_proj.bias.copy_(torch.randn(8) * 0.3)
    save_file({k: v.contiguous() for k, v in module.state_dict().items()}, os.path.join(HERE, "mha_model.safetensors"))
    x = torch.randn(2, 5, 8).requires_grad_(True)
    pad = padding([5, 3], 5)
    out, _ = module(x, x, x, key_padding_mask=pad.bool(), attn_mask=causal_mask(5), need_weights=False)
    probe = torch.randn(out.shape)
    (out * probe).sum().backward()
    case = {"x": array(x), "key_padding": array(pad), "probe": array(probe), "out": array(out), "grad_x": array(x.grad)}
    for name, p in module.named_parameters():
        case["grad_" + name.replace(".", "_")] = array(p.grad)
    cases["mha"] = case

    module.zero_grad()
    q = torch.randn(2, 3, 8).requires_grad_(True)
    kv = torch.randn(2, 5, 8).requires_grad_(True)
    pad = padding([5, 4], 5)
    out, _ = module(q, kv, kv, key_padding_mask=pad.bool(), need_weights=False)
    probe = torch.randn(out.shape)
    (out * probe).sum().backward()
    cases["mha_cross"] = {"q": array(q), "kv": array(kv), "key_padding": array(pad), "probe": array(probe),
                          "out": array(out), "grad_q": array(q.grad), "grad_kv": array(kv.grad),
                          "grad_in_proj_weight": array(module.in_proj_weight.grad)}


def transformer_block():
    block = nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, dropout=0.0, activation="relu",
                                       batch_first=True, norm_first=True)
    with torch.no_grad():
        for name, p in block.named_parameters():
            if name.startswith("norm"):
                p.copy_(torch.randn(p.shape) * 0.3 + (1.0 if name.endswith("weight") else 0.0))
            elif name.endswith("bias"):
                p.copy_(torch.randn(p.shape) * 0.2)
    save_file({k: v.contiguous() for k, v in block.state_dict().items()}, os.path.join(HERE, "transformer_block.safetensors"))
    x = torch.randn(2, 5, 8).requires_grad_(True)
    pad = padding([5, 4], 5)
    out = block(x, src_mask=causal_mask(5), src_key_padding_mask=pad.bool())
    probe = torch.randn(out.shape)
    (out * probe).sum().backward()
    case = {"x": array(x), "key_padding": array(pad), "probe": array(probe), "out": array(out), "grad_x": array(x.grad)}
    for name in ["self_attn.in_proj_weight", "linear1.weight", "norm1.weight", "self_attn.out_proj.bias"]:
        case["grad_" + name.replace(".", "_")] = array(dict(block.named_parameters())[name].grad)
    cases["transformer_block"] = case


def main():
    layer_norm()
    sdpa("sdpa_plain", 5, 5)
    sdpa("sdpa_causal", 5, 5, causal=True)
    sdpa("sdpa_padding", 5, 5, lengths=[5, 2])
    sdpa("sdpa_cross_padding", 3, 5, lengths=[4, 5])
    mha()
    transformer_block()
    cases["versions"] = {"torch": torch.__version__, "numpy": numpy.__version__, "safetensors": safetensors.__version__}
    with open(os.path.join(HERE, "attention.json"), "w") as f:
        json.dump(cases, f, separators=(",", ":"), sort_keys=True)


if __name__ == "__main__":
    main()
