#!/usr/bin/env python3
"""Writes the PyTorch reference values that PyTorchReferenceTests.swift compares the
DeepLearning engine against.

    python make_torch_fixtures.py            # rewrites reference.json and sequential.safetensors
    python make_torch_fixtures.py --check F  # reads a safetensors file the engine wrote

Needs torch (CPU) and safetensors (`pip install torch safetensors`). Everything is seeded and
small, so rerunning gives the same files (up to the last bit of float32 rounding if the
PyTorch version changes).

reference.json maps a case name to a dict of named arrays, each {"shape": [...], "data": [...]}
(row-major, float32 values printed with 9 significant digits, which round-trips exactly).
Inputs and parameters are stored next to the outputs, so the Swift test loads exactly the
same numbers. Gradients are those of the scalar  sum(output * probe)  with a stored random
`probe` of the output's shape (a plain sum would give zero gradients through softmax and
batch norm), taken w.r.t. the input (`grad_x`) and every parameter (`grad_<name>`).

Layout mapping (PyTorch -> engine):
  Linear, Conv2d, Embedding, BatchNorm weight/bias: identical shapes and names.
  GELU: the engine uses the tanh approximation, so the reference is GELU(approximate='tanh').
  LeakyReLU: negative slope 0.01 on both sides.
  RNN / LSTM / GRU (batch_first=True, one layer, zero initial state):
    weight_ih_l0 -> inputWeight, weight_hh_l0 -> hiddenWeight (same gate order: LSTM i,f,g,o;
    GRU r,z,n).
    RNN and LSTM: the engine has ONE bias = bias_ih_l0 + bias_hh_l0 (stored as "bias"); its
    gradient equals the gradient of either PyTorch bias (equal up to
    float32 summation order, checked here; bias_ih_l0.grad is stored).
    GRU: the engine keeps both, inputBias = bias_ih_l0 and hiddenBias = bias_hh_l0, because
    b_hn sits inside r * (W_hn h + b_hn).
  Optimizers: parameters after each of 3 steps fed the stored gradients g1, g2, g3.

sequential.safetensors is the state_dict of Sequential(Linear(4, 3), ReLU(), Linear(3, 2))
written by safetensors.torch.save_file, with PyTorch's dotted names 0.weight, 0.bias,
2.weight, 2.bias; the engine's Sequential names its parameters the same way. The model's output
for a fixed input is the "safetensors_sequential" case of reference.json.

Reading a file the engine wrote: the engine writes standard safetensors (F32, little endian,
dotted names), so safetensors.torch.load_file(path) gives a dict that
torch.nn.Sequential(...).load_state_dict accepts directly. `--check F` does that for the same
architecture and prints the output for the stored input; set PRIMER_TORCH_EXPORT=F when running
the Swift tests to have the round-trip test leave its file at F.
"""
import json
import os
import sys

import torch
import torch.nn.functional as F
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
JSON_PATH = os.path.join(HERE, "reference.json")
SAFETENSORS_PATH = os.path.join(HERE, "sequential.safetensors")

torch.manual_seed(20261129)
cases = {}


def array(t):
    t = t.detach().to(torch.float32).contiguous()
    return {"shape": list(t.shape), "data": [float("%.9g" % v) for v in t.reshape(-1).tolist()]}


def rand(*shape, scale=1.0):
    return torch.randn(*shape) * scale


def record(name, inputs, module=None, forward=None, params=None, extra=None):
    """Runs forward on inputs["x"], backpropagates sum(out * probe), stores everything."""
    x = inputs["x"].clone().requires_grad_(True)
    out = forward(x)
    probe = rand(*out.shape)
    (out * probe).sum().backward()
    case = {k: array(v) for k, v in inputs.items()}
    case["probe"] = array(probe)
    case["out"] = array(out)
    case["grad_x"] = array(x.grad)
    for pname, p in (params or {}).items():
        case[pname] = array(p)
        case["grad_" + pname] = array(p.grad)
    case.update(extra or {})
    cases[name] = case
    return case


def with_param(tensor):
    return nn.Parameter(tensor.clone())


# Linear
lin = nn.Linear(4, 5)
record("linear", {"x": rand(3, 4)}, forward=lin, params={"weight": lin.weight, "bias": lin.bias})

# Conv2d, stride 1 and stride 2 + padding 1
for name, stride, padding in [("conv_s1", 1, 0), ("conv_s2_p1", 2, 1)]:
    conv = nn.Conv2d(2, 3, 3, stride=stride, padding=padding)
    record(name, {"x": rand(2, 2, 6, 5)}, forward=conv,
           params={"weight": conv.weight, "bias": conv.bias},
           extra={"stride": stride, "padding": padding})

# Pooling (no padding): kernel 2 (stride 2) and kernel 3 stride 2
for kernel, stride in [(2, 2), (3, 2)]:
    x = rand(2, 2, 7, 6)
    record("maxpool_k%d_s%d" % (kernel, stride), {"x": x},
           forward=lambda t: F.max_pool2d(t, kernel, stride), extra={"kernel": kernel, "stride": stride})
    record("avgpool_k%d_s%d" % (kernel, stride), {"x": x},
           forward=lambda t: F.avg_pool2d(t, kernel, stride), extra={"kernel": kernel, "stride": stride})

# Elementwise activations and softmax over the last axis
act_x = rand(4, 6, scale=2.0)
for name, fn in [("relu", F.relu), ("leaky_relu", lambda t: F.leaky_relu(t, 0.01)),
                 ("sigmoid", torch.sigmoid), ("tanh", torch.tanh),
                 ("gelu_tanh", lambda t: F.gelu(t, approximate="tanh")),
                 ("softmax", lambda t: F.softmax(t, dim=-1)),
                 ("log_softmax", lambda t: F.log_softmax(t, dim=-1))]:
    record(name, {"x": act_x}, forward=fn)
# For the record: exact (erf) GELU, which the engine does not implement.
cases["gelu_tanh"]["out_erf"] = array(F.gelu(act_x))

# BatchNorm in train mode, one step: output, gradients, running statistics
for name, bn, shape in [("batchnorm1d", nn.BatchNorm1d(4), (6, 4)),
                        ("batchnorm2d", nn.BatchNorm2d(3), (4, 3, 3, 2))]:
    with torch.no_grad():
        bn.weight.copy_(1 + 0.5 * torch.randn(bn.num_features))
        bn.bias.copy_(0.5 * torch.randn(bn.num_features))
    bn.train()
    case = record(name, {"x": rand(*shape, scale=1.5) + 0.7}, forward=bn,
                  params={"weight": bn.weight, "bias": bn.bias},
                  extra={"momentum": bn.momentum, "eps": bn.eps})
    case["running_mean"] = array(bn.running_mean)  # after the one training-mode forward
    case["running_var"] = array(bn.running_var)

# Embedding (repeated indices, so gradient rows accumulate)
emb = nn.Embedding(7, 3)
idx = torch.tensor([[1, 4, 1, 6], [0, 4, 4, 2]])
emb_out = emb(idx)
emb_probe = rand(*emb_out.shape)
(emb_out * emb_probe).sum().backward()
cases["embedding"] = {"indices": array(idx.float()), "weight": array(emb.weight), "probe": array(emb_probe),
                      "out": array(emb_out), "grad_weight": array(emb.weight.grad)}

# Recurrent layers: batch 2, 4 steps, 3 features, hidden 5, batch_first, zero initial state
seq = rand(2, 4, 3)
for name, cls in [("rnn", nn.RNN), ("lstm", nn.LSTM), ("gru", nn.GRU)]:
    net = cls(3, 5, batch_first=True)
    case = record(name, {"x": seq}, forward=lambda t: net(t)[0],
                  params={"weight_ih": net.weight_ih_l0, "weight_hh": net.weight_hh_l0,
                          "bias_ih": net.bias_ih_l0, "bias_hh": net.bias_hh_l0})
    if name != "gru":
        assert torch.allclose(net.bias_ih_l0.grad, net.bias_hh_l0.grad, rtol=1e-6, atol=1e-7)
        case["bias"] = array(net.bias_ih_l0 + net.bias_hh_l0)
        case["grad_bias"] = case["grad_bias_ih"]

# Losses (mean reduction), value and gradient w.r.t. the predictions
logits = rand(5, 4, scale=2.0)
labels = torch.tensor([3, 0, 1, 1, 2])
pred = rand(4, 3)
target = pred + rand(4, 3)  # no zero differences, so L1's gradient is well defined
bce_target = torch.rand(4, 3)
log_probs = F.log_softmax(rand(5, 4), dim=-1)
for name, x, fn, y in [
        ("cross_entropy", logits, lambda p: F.cross_entropy(p, labels), labels.float()),
        ("nll", log_probs, lambda p: F.nll_loss(p, labels), labels.float()),
        ("mse", pred, lambda p: F.mse_loss(p, target), target),
        ("l1", pred, lambda p: F.l1_loss(p, target), target),
        ("huber", pred, lambda p: F.huber_loss(p, target, delta=1.0), target),
        ("bce_with_logits", pred * 2, lambda p: F.binary_cross_entropy_with_logits(p, bce_target), bce_target)]:
    p = x.clone().requires_grad_(True)
    loss = fn(p)
    loss.backward()
    cases["loss_" + name] = {"x": array(x), "y": array(y), "loss": array(loss), "grad_x": array(p.grad)}

# Optimizers: 3 steps on a fixed gradient sequence
p0 = rand(2, 3)
grads = [rand(2, 3) for _ in range(3)]
optimizers = {
    "sgd_momentum": (lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, weight_decay=0.01),
                     {"lr": 0.1, "momentum": 0.9, "weight_decay": 0.01}),
    "sgd_nesterov": (lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01),
                     {"lr": 0.1, "momentum": 0.9, "weight_decay": 0.01}),
    "adam": (lambda ps: torch.optim.Adam(ps, lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1),
             {"lr": 0.01, "weight_decay": 0.1}),
    "adamw": (lambda ps: torch.optim.AdamW(ps, lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1),
              {"lr": 0.01, "weight_decay": 0.1}),
    "rmsprop": (lambda ps: torch.optim.RMSprop(ps, lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0.01),
                {"lr": 0.01, "weight_decay": 0.01}),
}
for name, (make, settings) in optimizers.items():
    p = nn.Parameter(p0.clone())
    opt = make([p])
    case = {"p0": array(p0), "settings": settings}
    for step, g in enumerate(grads, 1):
        p.grad = g.clone()
        opt.step()
        case["g%d" % step] = array(g)
        case["p%d" % step] = array(p)
    cases["optim_" + name] = case


def sequential():
    return nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))


SEQ_INPUT = torch.tensor([[0.5, -1.0, 2.0, 0.25], [-0.75, 1.5, 0.0, -2.0]])


def main():
    from safetensors.torch import save_file

    model = sequential()
    save_file({k: v.contiguous() for k, v in model.state_dict().items()}, SAFETENSORS_PATH)
    with torch.no_grad():
        cases["safetensors_sequential"] = {"x": array(SEQ_INPUT), "out": array(model(SEQ_INPUT))}
    with open(JSON_PATH, "w") as f:
        json.dump(cases, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")
    print("wrote %s (%d bytes) and %s (%d bytes)" % (JSON_PATH, os.path.getsize(JSON_PATH),
                                                    SAFETENSORS_PATH, os.path.getsize(SAFETENSORS_PATH)))


def check(path):
    """Loads a file written by the engine's Module.save(to:) into PyTorch."""
    from safetensors.torch import load_file

    state = load_file(path)
    print({k: tuple(v.shape) for k, v in state.items()})
    model = sequential()
    model.load_state_dict(state)
    with torch.no_grad():
        print(model(SEQ_INPUT))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        check(sys.argv[2])
    else:
        main()
