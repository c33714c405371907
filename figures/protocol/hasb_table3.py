# Run from the repository root: MBQ_CIFAR10=<CIFAR-10 archive> python figures/protocol/hasb_table3.py --sched hasb|random SEED [SEED ...]
# Double Rounding's Table 3 (one-shot mixed precision without fine-tuning) at the CIFAR-10 16x16 protocol of chapter 12. Fixed before any run:
# - Training: the {4,3,2} Double Rounding run of dr_table4.py --bits 432 --alrs official (each seed from its own 80-epoch FP model, w=a, first and
#   last layers in full precision, 8 epochs, Adam 5e-4, weight decay 5e-5, cosine, a step after each precision), with the bit schedule switched:
#   'hasb' (Hessian-aware roulette from the HMT measured at the first switching epoch) or 'random' (uniform roulette); sigma 0.5, switching
#   from half-way (the `hasb` preset).
# - Search: the HMT of the trained model (16 Hutchinson probes, 2 batches of 256 training images, at 4 bits, probe seed = seed) for both arms,
#   then the integer program at <= 3 average bits (parameter-weighted) with the official objective (maximise sum_l b_l HMT_l) and, as a
#   second answer, the HAWQ-style one (minimise sum_l HMT_l ||Q_b(W_l) - W_l||^2). The same search for both arms, so they differ only in training.
# - Evaluation on the 10,000 test images, no fine-tuning: uniform w4a4, w3a3, w2a2 and the two 3-bit configurations, each "as trained" and
#   after per-configuration BN re-estimation (20 batches of 64 un-augmented training images, `recalibrate_config`). The claims use the latter.
# Writes runs/hasb_table3/hasb432_<sched>_seed_<s>.json (committed) and, outside git, the model and a checkpoint (resumable).
import argparse, json, os, time, torch
import numpy as np
import torch.nn.functional as F
from dataclasses import replace
from pathlib import Path
from mbq_nb.data import load_split, Batches
from mbq_nb.training import preset, train, save_model
from mbq_nb.quant import set_bits
from mbq_nb.hessian import hutchinson_trace, bit_layers, mp_configs, eval_configs
torch.set_num_threads(1)
ap = argparse.ArgumentParser(); ap.add_argument('seeds', nargs='+', type=int); ap.add_argument('--sched', required=True, choices=['hasb', 'random'])
ap.add_argument('--smoke', action='store_true', help='1 epoch on 512 images, written to /tmp/hasb_smoke (a check of the script, not a result)')
a = ap.parse_args()
out, models = Path('figures/protocol/runs/hasb_table3'), Path('figures/protocol/runs/models')
tr, te = load_split('cifar10', os.environ['MBQ_CIFAR10'], 16, 5000, None, 0)
if a.smoke: out = models = Path('/tmp/hasb_smoke'); tr, te = load_split('cifar10', os.environ['MBQ_CIFAR10'], 16, 512, 512, 0)
out.mkdir(parents=True, exist_ok=True)
bits = (4, 3, 2)
for s in a.seeds:
    f = out/f'hasb432_{a.sched}_seed_{s}.json'
    if f.is_file(): continue
    init = models/f'fp-E80-seed{s}.pt'
    cfg = preset('hasb', bits=bits, abits=None, bit_schedule=a.sched, alrs='official', update='per_precision', epochs=8, lr=5e-4,
                 weight_decay=5e-5, sched='cosine', pad=2, flip=True, seed=s, init=str(Path('figures/protocol/runs/models')/init.name))
    cfg = replace(cfg, name=f'hasb432 sched={a.sched} seed={s}')
    if a.smoke: cfg = replace(cfg, epochs=2)
    r = train(cfg, tr, te, 'cpu', checkpoint=models/f'ckpt-hasb432-{a.sched}-seed{s}.pt', resume=True, progress=False)
    save_model(models/f'hasb432-{a.sched}-seed{s}.pt', r, dict(dataset='cifar10', image_size=16, n_train=5000, n_test=None, data_seed=0))
    m = r.model
    t0 = time.perf_counter()
    hb = [b for _, b in zip(range(2), Batches(tr, 256, shuffle=True, device='cpu', generator=torch.Generator().manual_seed(s)))]
    set_bits(m, bits[0])
    tr_ = hutchinson_trace(m, F.cross_entropy, hb, n_iter=16, seed=s)
    names = [n for n, _ in bit_layers(m)]
    hmt = np.array([tr_[f'{n}.weight'] / m.get_submodule(n).weight.numel() for n in names])
    t_hmt = time.perf_counter() - t0
    cfgs = mp_configs(m, hmt, bits, budgets=(3,))
    test = Batches(te, 512, device='cpu')
    calib = [b for _, b in zip(range(20), Batches(tr, 64, shuffle=True, augment=False, device='cpu', generator=torch.Generator().manual_seed(1000 + s)))]
    t0 = time.perf_counter()
    ev = {'as trained': eval_configs(m, test, cfgs), 'recalibrated': eval_configs(m, test, cfgs, calib=calib, n_batches=20)}
    t_eval = time.perf_counter() - t0
    blob = dict(summary=r.summary(), hmt=dict(zip(names, hmt.tolist())), configs=cfgs, hmt_seconds=t_hmt, eval_seconds=t_eval,
                avg_bits=ev['as trained']['avg bits'].to_dict(), accuracy={k: v['acc %'].to_dict() for k, v in ev.items()})
    f.write_text(json.dumps(blob, indent=1))
    print(cfg.name, {k: {c: round(x, 2) for c, x in v['acc %'].items()} for k, v in ev.items()}, f'train {r.cost_seconds:.0f} s', flush=True)
