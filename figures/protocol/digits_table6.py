# Run from the repository root: python figures/protocol/digits_table6.py SEED [SEED ...]
# EMQNet's Table 6 ablation (weight bias correction with one shared BN, and BN adaptation) on the embedded digits at the main job's setting
# (8x8, PreActResNet-20 x1, bits 32/8/4/2/1, 4-bit activations, r = 0.8, T = 4), 100 epochs with a cosine schedule: EMQNet with and without
# bias correction; each run reports accuracy as trained (the shared running statistics) and after BN adaptation. One thread; resumable.
import sys, torch
from mbq_nb.data import load_split
from mbq_nb.training import preset, run_suite
torch.set_num_threads(1)
seeds = [int(s) for s in sys.argv[1:]]
tr, te = load_split('digits')
common = dict(bits=(32, 8, 4, 2, 1), abits=4, epochs=100, sched='cosine', pad=1, flip=False)
cfgs = {f'emqnet correct={c}': preset('emqnet', correct=c, **common) for c in (True, False)}
for s in seeds:                                     # seed by seed, so an interrupted sweep leaves complete pairs
    run_suite(cfgs, tr, te, 'figures/protocol/runs/digits_table6', 'cpu', seeds=(s,), progress=False)
