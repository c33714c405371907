# Run from the repository root: MBQ_CIFAR10=<CIFAR-10 archive> OMP_NUM_THREADS=1 python figures/protocol/learning_curve.py (resumable: run_suite skips saved runs)
# learning curve of the full-precision (32-bit DoReFa branch) PreActResNet-20 on CIFAR-10 at 16x16, cosine schedules of several lengths
import os, sys, torch
from mbq_nb.data import load_split
from mbq_nb.training import preset, run_suite
torch.set_num_threads(1)
root = os.environ['MBQ_CIFAR10']
for n in (5000, 10000):
    tr, te = load_split('cifar10', root, 16, n, None, 0)
    cfgs = {f'fp N={n} E={e}': preset('any_precision', bits=(32,), epochs=e, sched='cosine', pad=2, flip=True) for e in (10, 20, 40)}
    if n == 10000: cfgs = {k: v for k, v in cfgs.items() if not k.endswith('E=40')}
    run_suite(cfgs, tr, te, f'figures/protocol/runs', eval_every=2, progress=False)
tr, te = load_split('cifar10', root, 16, 5000, None, 0)
run_suite({'any_precision N=5000 E=40': preset('any_precision', bits=(32, 8, 4, 2, 1), abits=4, epochs=40, sched='cosine', pad=2, flip=True)},
          tr, te, 'figures/protocol/runs', eval_every=4, progress=False)
