# Run from the repository root: python figures/protocol/dorefa_max.py SEED [SEED ...]
# Does DoReFa's gradient through max|tanh w| matter? (chapter 03's option `dorefa_max`; fixed before it runs, 2026-12-07)
# The main job's digits setting (`mbq reproduce`: 8x8, 1,400/397 split, PreActResNet-20 x1, bits 32/8/4/2/1 with 4-bit activations, 25 epochs,
# Adam 1e-3 constant, batch 64, 1-pixel pad-crop), for the any_precision and emqnet (r = 0.8, T = 4) presets, each with dorefa_max 'detach'
# (this book's runs) and 'grad' (Any-Precision DNNs' code). Paired by seed: within a seed the two arms share data order, initial weights and
# coreset draws, and differ only in that one gradient entry per weight tensor. The comparison: per bit-width, grad minus detach (points), as
# trained for any_precision and after BN adaptation for emqnet, 95% paired t-interval over seeds 0, 1, 2; an equivalence test at +-1 point
# (a margin fixed here, about 4 test images of 397). One thread; resumable: runs already summarised are skipped.
import sys, torch
from mbq_nb.data import load_split
from mbq_nb.training import preset, run_suite, _aug
torch.set_num_threads(1)
seeds = [int(s) for s in sys.argv[1:]]
tr, te = load_split('digits')
common = dict(bits=(32, 8, 4, 2, 1), abits=4, epochs=25, batch_size=64, width=1, sched='none', **_aug('digits', tr.shape[1]))
cfgs = {f'{p} dorefa_max={m}': preset(p, dorefa_max=m, **common) for p in ('any_precision', 'emqnet') for m in ('detach', 'grad')}
for s in seeds:                                     # seed by seed, so an interrupted sweep leaves complete pairs
    run_suite(cfgs, tr, te, 'figures/protocol/runs/dorefa_max', 'cpu', seeds=(s,), progress=False)
