"""PyTorch twin of transformer-bench: one pre-norm Transformer block training step
(nn.TransformerEncoderLayer(128, 4, 512, dropout=0, GELU with the tanh approximation as the
engine's, batch_first, norm_first) with a causal mask, sequence 64, batch 32, MSE to a fixed
target, Adam 1e-3). 20 warm-up steps, then STEPS timed ones, each timed on its own.

    ~/anchors-venv/bin/python Benchmarks/torch_transformer_block.py THREADS STEPS   # defaults 2, 100
"""
import sys, time
import torch
import torch.nn.functional as F
from torch import nn

def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    torch.set_num_threads(threads); torch.manual_seed(0)
    block = nn.TransformerEncoderLayer(128, 4, dim_feedforward=512, dropout=0.0,
                                       activation=lambda x: F.gelu(x, approximate="tanh"),
                                       batch_first=True, norm_first=True)
    x, target = torch.randn(32, 64, 128), torch.randn(32, 64, 128)
    mask = nn.Transformer.generate_square_subsequent_mask(64)
    opt = torch.optim.Adam(block.parameters(), lr=1e-3)
    def step():
        opt.zero_grad()
        F.mse_loss(block(x, src_mask=mask, is_causal=True), target).backward()
        opt.step()
    for _ in range(20):
        step()
    times = []
    for _ in range(steps):
        t = time.perf_counter(); step(); times.append(time.perf_counter() - t)
    total = sum(times); times.sort()
    print(f"transformer_block_d128_h4_t64_b32 steps_per_s={steps / total:.1f} "
          f"step_ms_median={1000 * times[len(times) // 2]:.2f} step_ms_p10={1000 * times[len(times) // 10]:.2f}")
    print(f"pytorch {torch.__version__} threads={threads}")

main()
