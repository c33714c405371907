# Run from the repository root: MBQ_CIFAR10=<CIFAR-10 archive> python figures/protocol/dr_table4.py [--bits 432] [--alrs none|official|eq7] SEED [SEED ...]
# (--bits 432: the {4,3,2} set, written to runs/dr_table4_432; --alrs: only that arm, to run the arms in separate processes)
# Added 2026-12-07, before it ran: the {4,3,2} set also has an 'eq7' arm, the paper's Eq. 7 rates (1 / 0.5 / 0.1 times lr; the 'official'
# arm's rank rule gives 1 / 0.1 / 0.01). At {8,6,4,2} the two rules give the same rates, so that set keeps its two arms.
# Also added then: --out. FP models rebuilt on another machine differ from the committed ones in the last digits (pretrain.py says so), so arms
# compared with each other must start from the same rebuilt models: `--out figures/protocol/runs/dr_table4_rebuilt` holds the 'none' arms of
# both sets and the {4,3,2} 'eq7' arm from the rebuilt starts, beside dr_fp_continue.py's FP arm from the same starts.
# Double Rounding's Table 4 (ALRS ablation) as the paper runs it, at the CIFAR-10 16x16 protocol of chapter 12: each seed starts from its own
# trained full-precision model (figures/protocol/pretrain.py 80 SEED), bits {8,6,4,2} with activations at the weights' bit-width (w8a8 ...),
# first and last layers in full precision, each precision updating right after its backward (update='per_precision') in both arms, so the
# arms differ only in the scales' learning rates (ALRS 'official' vs 'none'). 8 epochs, Adam 5e-4 (the paper's ImageNet rate), weight decay
# 5e-5 on the weights (not the scales), cosine. One thread per process; resumable: runs already summarised are skipped.
import argparse, os, time, torch
from pathlib import Path
from mbq_nb.data import load_split
from mbq_nb.training import preset, run_suite
torch.set_num_threads(1)
ap = argparse.ArgumentParser(); ap.add_argument('seeds', nargs='+', type=int)
ap.add_argument('--bits', default='8642', choices=['8642', '432']); ap.add_argument('--out', default=None, help='folder for the summaries (default: runs/dr_table4[_432])'); ap.add_argument('--alrs', default=None, choices=['none', 'official', 'eq7'])
a = ap.parse_args(); seeds = a.seeds
bits = tuple(int(c) for c in a.bits)
arms = (('none', 'official') + (('eq7',) if a.bits == '432' else ())) if a.alrs is None else (a.alrs,)
folder = a.out or 'figures/protocol/runs/dr_table4' + ('' if a.bits == '8642' else '_432')
models = Path('figures/protocol/runs/models')
tr, te = load_split('cifar10', os.environ['MBQ_CIFAR10'], 16, 5000, None, 0)
common = dict(bits=bits, abits=None, update='per_precision', epochs=8, lr=5e-4, weight_decay=5e-5, sched='cosine', pad=2, flip=True)
for s in seeds:
    init = models/f'fp-E80-seed{s}.pt'
    while not init.is_file(): time.sleep(30)           # written by pretrain.py when that seed's FP model is done
    cfgs = {f'dr{a.bits} alrs={m}': preset('double_rounding', alrs=m, init=str(models/'fp-E80-seed{seed}.pt'), **common) for m in arms}
    run_suite(cfgs, tr, te, folder, 'cpu', seeds=(s,), eval_every=4, progress=False)
