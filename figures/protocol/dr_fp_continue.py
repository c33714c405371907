# Run from the repository root: MBQ_CIFAR10=<CIFAR-10 archive> python figures/protocol/dr_fp_continue.py SEED [SEED ...]
# The reference arm for "multi-precision Double Rounding keeps w_b a_b within 0.5 points of its FP model" (Table 4's FP column), fixed
# before it runs (2026-12-07): the same 80-epoch FP model of each seed (figures/protocol/pretrain.py 80 SEED) trained on for exactly what
# dr_table4.py gives the multi-precision arm, in full precision: 8 epochs, Adam 5e-4, weight decay 5e-5, cosine to 0, batch 64, 2-pixel
# pad-crop and flips, the same 5,000 images (data seed 0) and the same run seed. So d = (w_b a_b of dr_table4's ALRS 'none' arm) minus (this
# run's 32-bit accuracy) measures quantization, not the 8 extra epochs. The FP arm makes one update per batch, the multi-precision arm one
# per precision per batch (4 per batch): that is the paper's recipe for the quantized model and cannot be matched by an FP model without
# changing its learning-rate schedule; the rows say so. One thread; resumable: runs already summarised are skipped.
# The multi-precision arm it is compared with must start from the same FP model: on a machine where pretrain.py rebuilt the models, that is
# `dr_table4.py --alrs none --out figures/protocol/runs/dr_table4_rebuilt S` (and --bits 432), run from the same rebuilt files.
import os, sys, time, torch
from pathlib import Path
from mbq_nb.data import load_split
from mbq_nb.training import preset, run_suite
torch.set_num_threads(1)
seeds = [int(s) for s in sys.argv[1:]]
models = Path('figures/protocol/runs/models')
tr, te = load_split('cifar10', os.environ['MBQ_CIFAR10'], 16, 5000, None, 0)
for s in seeds:
    while not (models/f'fp-E80-seed{s}.pt').is_file(): time.sleep(30)   # written by pretrain.py when that seed's FP model is done
    cfg = preset('any_precision', bits=(32,), epochs=8, lr=5e-4, weight_decay=5e-5, sched='cosine', pad=2, flip=True,
                 init=str(models/'fp-E80-seed{seed}.pt'))
    run_suite({'fp continue E=8': cfg}, tr, te, 'figures/protocol/runs/dr_fp_continue', 'cpu', seeds=(s,), eval_every=4, progress=False)
