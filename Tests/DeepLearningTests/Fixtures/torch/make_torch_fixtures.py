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

correctness.json and the *_model.safetensors / dtypes.safetensors files (issue 17) are written by
the same run (or alone with `--correctness`, which leaves reference.json untouched) from their
own seed, in the same array layout:
  bce_logit_zero, bce_extreme: binary_cross_entropy_with_logits, loss and gradients w.r.t. the
    logits (grad_x) and the targets (grad_y).
  kink_*: each op at its kink (relu/abs at 0, leaky_relu at 0, clamp on its bounds, maximum on
    ties, max() and max(dim) on ties, pow(x, 0) at 0, l1/huber at a zero difference and at
    delta); grad_x (and grad_y for two operands) of sum(out * probe).
  adam_freeze, adamw_freeze: parameters a and b; b has no gradient (frozen) in steps 1-3 and
    one from step 4 on; a_k and b_k are the values after step k = 1...6 fed grads ga_k, gb_k.
  rnn_h0, lstm_h0c0, gru_h0: one layer, batch_first, with an initial state; out, h_n (and c_n),
    grads of sum(out*probe) + sum(h_n*probe_h) (+ sum(c_n*probe_c)) w.r.t. x, h0 (c0) and
    the parameters (PyTorch names; the engine's RNN/LSTM bias is bias_ih + bias_hh).
  cnn_model, lstm_model, gru_model: the eval-mode output of the model whose state_dict() is
    saved by safetensors in cnn_model.safetensors etc. (PyTorch's own names: running_mean,
    running_var, num_batches_tracked as I64, weight_ih_l0, bias_ih_l0, bias_hh_l0, ...).
    cnn: Sequential(Conv2d(1, 4, 3), BatchNorm2d(4), ReLU(), MaxPool2d(2), Flatten(),
    Linear(36, 3)) on [2, 1, 8, 8], after three training-mode batches (so the running
    statistics are not their defaults). lstm: Sequential(Embedding(8, 4), LSTM(4, 6),
    last step, Linear(6, 2)) on tokens [2, 5]. gru: Sequential(GRU(3, 4), last step,
    Linear(4, 2)) on [2, 3, 3].
  dtypes: dtypes.safetensors holds one small tensor per dtype (F16, BF16, F64, I64, I32, I16,
    I8, U8, BOOL, F32), and correctness.json the same values as float32.
`--check-export DIR` loads the files the engine exported with PyTorch names (`Module.save(to:,
names: .pyTorch)`; the Swift test PyTorchInteropTests writes them to DIR when
PRIMER_TORCH_EXPORT_DIR=DIR is set) into PyTorch with strict=True and compares the outputs.
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


CORRECTNESS_PATH = os.path.join(HERE, "correctness.json")


def grad_case(fn, inputs, probe_seed_shape=None):
    """fn(*tensors) -> out; returns out and the gradients of sum(out * probe) w.r.t. each input."""
    leaves = [t.clone().requires_grad_(True) for t in inputs]
    out = fn(*leaves)
    probe = torch.randn(*out.shape) if out.dim() > 0 else torch.tensor(1.0)
    (out * probe).sum().backward()
    return out, probe, [leaf.grad for leaf in leaves]


def correctness_cases():
    torch.manual_seed(17)
    found = {}

    # Binary cross-entropy with logits: the zero-logit case of issue 17 and extreme logits.
    for name, x, y in [("bce_logit_zero", torch.zeros(4), torch.tensor([1., 0., 1., 0.])),
                       ("bce_extreme", torch.tensor([-1000., -3., 0., 2., 1000.]), torch.tensor([0., 1., 1., 0., 1.]))]:
        px, py = x.clone().requires_grad_(True), y.clone().requires_grad_(True)
        loss = F.binary_cross_entropy_with_logits(px, py)
        loss.backward()
        found[name] = {"x": array(x), "y": array(y), "loss": array(loss), "grad_x": array(px.grad), "grad_y": array(py.grad)}

    # Every op at its kink.
    kink_x = torch.tensor([-1.0, 0.0, 0.0, 1.0, 2.0])
    unary = {
        "relu": F.relu, "abs": torch.abs, "leaky_relu": lambda t: F.leaky_relu(t, 0.01),
        "clamp": lambda t: torch.clamp(t, 0.0, 1.0), "pow0": lambda t: torch.pow(t, 0.0),
        "max_all": lambda t: t.max(),
    }
    for name, fn in unary.items():
        x = torch.tensor([-1.0, 0.0, 1.0, 1.0, 2.0, 2.0]) if name == "max_all" else kink_x
        out, probe, (gx,) = grad_case(fn, [x])
        found["kink_" + name] = {"x": array(x), "probe": array(probe), "out": array(out), "grad_x": array(gx)}
    mx = torch.tensor([[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]])
    out, probe, (gx,) = grad_case(lambda t: t.max(dim=1).values, [mx])
    found["kink_max_dim"] = {"x": array(mx), "probe": array(probe), "out": array(out), "grad_x": array(gx)}
    a = torch.tensor([0.0, 1.0, 2.0, -1.0]); b = torch.tensor([0.0, 1.0, 1.0, 3.0])
    out, probe, (ga, gb) = grad_case(torch.maximum, [a, b])
    found["kink_maximum"] = {"x": array(a), "y": array(b), "probe": array(probe), "out": array(out),
                             "grad_x": array(ga), "grad_y": array(gb)}
    pred = torch.tensor([0.0, 1.0, 2.0, 3.0]); target = torch.tensor([0.0, 0.0, 1.0, 3.5])
    for name, fn in [("l1", lambda p, t: F.l1_loss(p, t)), ("huber", lambda p, t: F.huber_loss(p, t, delta=1.0)),
                     ("mse", lambda p, t: F.mse_loss(p, t))]:
        out, probe, (gp, gt) = grad_case(fn, [pred, target])
        found["kink_" + name] = {"x": array(pred), "y": array(target), "probe": array(probe), "out": array(out),
                                 "grad_x": array(gp), "grad_y": array(gt)}
    pool_x = torch.tensor([[[[1.0, 1.0, 0.0, 2.0], [1.0, 0.0, 2.0, 2.0], [3.0, 3.0, 0.0, 0.0], [3.0, 3.0, 0.0, 0.0]]]])
    out, probe, (gx,) = grad_case(lambda t: F.max_pool2d(t, 2, 2), [pool_x])
    found["kink_maxpool"] = {"x": array(pool_x), "probe": array(probe), "out": array(out), "grad_x": array(gx)}

    # Adam / AdamW, b frozen for three steps, then unfrozen.
    a0, b0 = torch.randn(3), torch.tensor([1.0, -0.5])
    grads_a = [torch.randn(3) for _ in range(6)]
    grads_b = [torch.randn(2) for _ in range(6)]
    for name, make in [("adam_freeze", lambda ps: torch.optim.Adam(ps, lr=0.02)),
                       ("adamw_freeze", lambda ps: torch.optim.AdamW(ps, lr=0.02, weight_decay=0.1))]:
        pa, pb = nn.Parameter(a0.clone()), nn.Parameter(b0.clone())
        opt = make([pa, pb])
        case = {"a0": array(a0), "b0": array(b0), "lr": 0.02, "weight_decay": 0.1 if "adamw" in name else 0.0}
        for step in range(1, 7):
            pa.grad = grads_a[step - 1].clone()
            pb.grad = grads_b[step - 1].clone() if step >= 4 else None
            opt.step()
            case["ga%d" % step] = array(grads_a[step - 1])
            case["gb%d" % step] = array(grads_b[step - 1])
            case["a%d" % step] = array(pa)
            case["b%d" % step] = array(pb)
        found[name] = case

    # Recurrent layers with an initial state.
    x = torch.randn(2, 4, 3)
    for name, cls in [("rnn_h0", nn.RNN), ("lstm_h0c0", nn.LSTM), ("gru_h0", nn.GRU)]:
        net = cls(3, 5, batch_first=True)
        h0 = torch.randn(1, 2, 5).requires_grad_(True)
        c0 = torch.randn(1, 2, 5).requires_grad_(True)
        px = x.clone().requires_grad_(True)
        if cls is nn.LSTM:
            out, (hn, cn) = net(px, (h0, c0))
        else:
            out, hn = net(px, h0)
        probe, probe_h = torch.randn(*out.shape), torch.randn(*hn.shape)
        total = (out * probe).sum() + (hn * probe_h).sum()
        case = {"x": array(x), "h0": array(h0[0]), "probe": array(probe), "probe_h": array(probe_h[0])}
        if cls is nn.LSTM:
            probe_c = torch.randn(*cn.shape)
            total = total + (cn * probe_c).sum()
            case.update({"c0": array(c0[0]), "probe_c": array(probe_c[0]), "c_n": array(cn[0])})
        total.backward()
        case.update({"out": array(out), "h_n": array(hn[0]), "grad_x": array(px.grad), "grad_h0": array(h0.grad[0])})
        if cls is nn.LSTM:
            case["grad_c0"] = array(c0.grad[0])
        for pname in ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"]:
            p = getattr(net, pname)
            case[pname] = array(p)
            case["grad_" + pname] = array(p.grad)
        found[name] = case
    return found


class LastStep(nn.Module):
    def forward(self, t):
        return t[:, -1, :]


class LSTMStates(nn.LSTM):
    def forward(self, t):
        return super().forward(t)[0]


class GRUStates(nn.GRU):
    def forward(self, t):
        return super().forward(t)[0]


def cnn_model():
    return nn.Sequential(nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(36, 3))


def lstm_model():
    return nn.Sequential(nn.Embedding(8, 4), LSTMStates(4, 6, batch_first=True), LastStep(), nn.Linear(6, 2))


def gru_model():
    return nn.Sequential(GRUStates(3, 4, batch_first=True), LastStep(), nn.Linear(4, 2))


MODELS = {"cnn_model": cnn_model, "lstm_model": lstm_model, "gru_model": gru_model}


def interop_models():
    """The course's model kinds, their state_dict() saved as PyTorch saves it, and their outputs."""
    from safetensors.torch import save_file

    torch.manual_seed(1717)
    found = {}
    cnn = cnn_model()
    cnn.train()
    with torch.no_grad():
        for _ in range(3):
            cnn(torch.randn(4, 1, 8, 8) * 2 + 0.5)
    cnn.eval()
    lstm = lstm_model()
    gru = gru_model()
    inputs = {"cnn_model": torch.randn(2, 1, 8, 8), "lstm_model": torch.randint(0, 8, (2, 5)),
              "gru_model": torch.randn(2, 3, 3)}
    for name, model in [("cnn_model", cnn), ("lstm_model", lstm), ("gru_model", gru)]:
        path = os.path.join(HERE, name + ".safetensors")
        save_file({k: v.contiguous() for k, v in model.state_dict().items()}, path)
        with torch.no_grad():
            found[name] = {"x": array(inputs[name].float()), "out": array(model(inputs[name])),
                           "names": sorted(model.state_dict().keys())}

    values = torch.tensor([1.5, -2.0, 0.0, 3.25])
    typed = {"F16": values.half(), "BF16": values.bfloat16(), "F64": values.double(), "F32": values,
             "I64": torch.tensor([-3, 0, 7, 2 ** 40], dtype=torch.int64),
             "I32": torch.tensor([-3, 0, 7, 100000], dtype=torch.int32),
             "I16": torch.tensor([-3, 0, 7, 30000], dtype=torch.int16),
             "I8": torch.tensor([-3, 0, 7, 127], dtype=torch.int8),
             "U8": torch.tensor([0, 1, 200, 255], dtype=torch.uint8),
             "BOOL": torch.tensor([True, False, True, True])}
    save_file({k: v.reshape(2, 2) for k, v in typed.items()}, os.path.join(HERE, "dtypes.safetensors"))
    found["dtypes"] = {k: array(v.reshape(2, 2).to(torch.float32)) for k, v in typed.items()}
    return found


def write_correctness():
    found = correctness_cases()
    found.update(interop_models())
    with open(CORRECTNESS_PATH, "w") as f:
        json.dump(found, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")
    print("wrote %s (%d bytes)" % (CORRECTNESS_PATH, os.path.getsize(CORRECTNESS_PATH)))


def check_export(folder):
    """Loads the files the engine exported with PyTorch's names (cnn_model.safetensors, ...,
    written by the Swift tests when PRIMER_TORCH_EXPORT_DIR is set) into PyTorch, strictly."""
    from safetensors.torch import load_file

    with open(CORRECTNESS_PATH) as f:
        cases = json.load(f)
    for name, make in MODELS.items():
        case = cases[name]
        model = make()
        model.load_state_dict(load_file(os.path.join(folder, name + ".safetensors")), strict=True)
        model.eval()
        x = torch.tensor(case["x"]["data"]).reshape(case["x"]["shape"])
        if name == "lstm_model":
            x = x.long()
        expected = torch.tensor(case["out"]["data"]).reshape(case["out"]["shape"])
        with torch.no_grad():
            out = model(x)
        print("%s: loaded strictly; largest difference from PyTorch's own output %.3g"
              % (name, (out - expected).abs().max().item()))


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
    write_correctness()


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
    elif len(sys.argv) == 3 and sys.argv[1] == "--check-export":
        check_export(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] == "--correctness":
        write_correctness()
    else:
        main()
