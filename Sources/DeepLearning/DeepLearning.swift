// The `DeepLearning` engine: tensors with reverse-mode autograd, layers, losses, optimizers,
// data loading and a training loop, on top of `NumericCore` (BLAS, seeded generator,
// parallel loops, progress hooks) and `Datasets` (Fashion-MNIST and other raw data).
//
//     Tensor/       values, creation, seeded randomness, printing, buffer recycling
//     Autograd/     graph nodes, backward(), gradient mode (withoutGradients)
//     Ops/          differentiable operations; conv2d as im2col + GEMM
//     Layers/       Module/Layer protocols with reflected parameters, Sequential, layer families
//     Optimizers/   SGD, Adam, AdamW, RMSprop, schedules, clipping, early stopping
//     Data/         Dataset, TensorDataset, DataLoader, transforms
//     Training/     losses, metrics, fit/evaluate, model tools (FGSM, pruning, int8)
//     Persistence/  safetensors save/load
//     Errors/       shape-error messages
