# Run from the repository root: python figures/protocol/shortcut_input.py SEED [SEED ...]
# Does it matter what the 1x1 shortcut convs see? (chapter 02's option `shortcut_input`; fixed before it runs, 2026-12-07)
# The main job's digits setting (`mbq reproduce`: 8x8, 1,400/397 split, PreActResNet-20 x1, bits 32/8/4/2/1 with 4-bit activations, 25 epochs,
# Adam 1e-3 constant, batch 64, 1-pixel pad-crop), for the any_precision and emqnet (r = 0.8, T = 4) presets, each with shortcut_input 'fp'
# (this book's runs: the shortcut sees the full-precision activation) and 'quantized' (Any-Precision DNNs' code: it sees the first conv's
# quantized input). The 'fp' arm is dorefa_max.py's 'detach' run of the same seed: its config is this one's with every option at its
# default, so only the 'quantized' arms run here (written to runs/shortcut_input). Paired by seed: the arms share data order and initial weights; EMQNet's scoring run uses the arm's own wiring, so its
# coresets may differ. The comparison: per bit-width, quantized minus fp (points), as trained for any_precision and after BN adaptation for
# emqnet, 95% paired t-interval over seeds 0, 1, 2; an equivalence test at +-1 point (about 4 test images of 397), the margin of
# dorefa_max.py. One thread; resumable: runs already summarised are skipped.
import sys, torch
from mbq_nb.data import load_split
from mbq_nb.training import preset, run_suite, _aug
torch.set_num_threads(1)
seeds = [int(s) for s in sys.argv[1:]]
tr, te = load_split('digits')
common = dict(bits=(32, 8, 4, 2, 1), abits=4, epochs=25, batch_size=64, width=1, sched='none', **_aug('digits', tr.shape[1]))
cfgs = {f'{p} shortcut_input=quantized': preset(p, shortcut_input='quantized', **common) for p in ('any_precision', 'emqnet')}
for s in seeds:                                     # seed by seed, so an interrupted sweep leaves complete pairs
    run_suite(cfgs, tr, te, 'figures/protocol/runs/shortcut_input', 'cpu', seeds=(s,), progress=False)
