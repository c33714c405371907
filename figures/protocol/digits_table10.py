# Run from the repository root: python figures/protocol/digits_table10.py SEED [SEED ...]
# EMQNet's Table 10 (1-bit with one BN shared with the other bit-widths against 1-bit with a BN of its own; the paper's summary gives
# 46.38 against 92.49%) on the embedded digits, at the setting of digits_table6.py (8x8, PreActResNet-20 x1, bits 32/8/4/2/1, 4-bit
# activations, bias correction, r = 0.8, T = 4, 100 epochs, cosine). Fixed before any run: two arms that differ only in `own_bn`,
# 'emqnet own_bn=1' (the preset: 1-bit keeps its own BN; the same configuration as Table 6's 'emqnet correct=True') and
# 'emqnet own_bn=none' (all five bit-widths share one BN). Each run reports accuracy as trained (the shared running statistics) and after
# BN adaptation. The first arm is run again here, beside the second, so the pair comes from one machine; chapter 12 also says whether it
# equals Table 6's committed run bit for bit. One thread; resumable. Writes runs/digits_table10/<arm>_seed_<s>.json (committed).
import sys, torch
from mbq_nb.data import load_split
from mbq_nb.training import preset, run_suite
torch.set_num_threads(1)
seeds = [int(s) for s in sys.argv[1:]]
tr, te = load_split('digits')
common = dict(bits=(32, 8, 4, 2, 1), abits=4, epochs=100, sched='cosine', pad=1, flip=False)
cfgs = {'emqnet own_bn=1': preset('emqnet', own_bn=(1,), **common), 'emqnet own_bn=none': preset('emqnet', own_bn=(), **common)}
for s in seeds:                                     # seed by seed, so an interrupted sweep leaves complete pairs
    run_suite(cfgs, tr, te, 'figures/protocol/runs/digits_table10', 'cpu', seeds=(s,), progress=False)
