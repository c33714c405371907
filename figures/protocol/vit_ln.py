# Run from the repository root: MBQ_CIFAR10=<CIFAR-10 archive> python figures/protocol/vit_ln.py [--curve] SEED [SEED ...]
# Chapter 13's ViT section: a multi-bit ViT with LSQ linears on CIFAR-10 16x16, and the LayerNorm question (does one LayerNorm serve
# every bit-width, as EMQNet's one shared BatchNorm does for CNNs, and does bias correction matter there?). Fixed before any run:
# - Data: the CIFAR-10 16x16 protocol of chapter 12 (stratified 5,000 training images, data seed 0; the 10,000 test images).
# - Model: vit_tiny (patch 4, dim 96, depth 4, 3 heads, MLP 192; patch embedding and head in full precision).
# - FP model per seed: quantizer 'lsq' at bits (32,), 40 epochs, Adam 1e-3, cosine, batch 64, 2-pixel pad-crop and flips
#   (--curve adds seed 0 at 20 and 80 epochs, to show how far 40 epochs is from a plateau).
# - Three multi-bit arms per seed, each started from that seed's FP model: bits 32/8/4/2 with activations tied to the weights
#   (w8a8, w4a4, w2a2), 10 epochs, Adam 5e-4, no weight decay, cosine, batch 64, the same augmentation, one summed step per batch:
#   'ln per bit' (bn='switch': one LayerNorm per bit-width), 'ln shared' (one LayerNorm for all), 'ln shared + correction'
#   (the same with EMQNet's weight bias correction). Evaluated on the 10,000 test images; there is no BN adaptation to do.
# - Questions: shared minus per-bit at each bit-width (is one LayerNorm within 1 point of one per bit-width?), and correction on minus
#   off with the shared LayerNorm (> 0?), paired over seeds 0, 1, 2 with 95% t-intervals.
# One thread per process; resumable. Writes runs/vit_ln/*.json (committed); the FP models go to runs/models/ (derived from CIFAR-10,
# never committed).
import argparse, json, os, torch
from dataclasses import replace
from pathlib import Path
from mbq_nb.data import load_split
from mbq_nb.training import MBQConfig, train, save_model, run_suite
torch.set_num_threads(1)
ap = argparse.ArgumentParser(); ap.add_argument('seeds', nargs='+', type=int)
ap.add_argument('--curve', action='store_true', help='also train the FP model of seed 0 for 20 and 80 epochs (the learning curve)')
ap.add_argument('--fp-only', action='store_true', help='train the FP models only')
a = ap.parse_args()
out = Path('figures/protocol/runs/vit_ln'); models = Path('figures/protocol/runs/models'); out.mkdir(parents=True, exist_ok=True); models.mkdir(exist_ok=True)
tr, te = load_split('cifar10', os.environ['MBQ_CIFAR10'], 16, 5000, None, 0)
base = dict(model='vit_tiny', quantizer='lsq', batch_size=64, sched='cosine', pad=2, flip=True)

def pretrain(E: int, s: int) -> Path:
    f, m = out/f'fp_E_{E}_seed_{s}.json', models/f'vit-fp-E{E}-seed{s}.pt'
    if f.is_file() and m.is_file(): return m
    cfg = MBQConfig(name=f'vit fp E={E} seed={s}', bits=(32,), bn='shared', own_bn=(), epochs=E, lr=1e-3, seed=s, **base)
    r = train(cfg, tr, te, 'cpu', checkpoint=models/f'ckpt-vit-fp-E{E}-seed{s}.pt', resume=True, eval_every=max(1, E // 10), progress=False)
    save_model(m, r, dict(dataset='cifar10', image_size=16, n_train=5000, n_test=None, data_seed=0))
    f.write_text(json.dumps(r.summary(), indent=1))
    print(cfg.name, r.final_accuracy().to_dict(), f'{r.cost_seconds:.0f} s', flush=True)
    return m

common = dict(bits=(32, 8, 4, 2), epochs=10, lr=5e-4, weight_decay=0.0, init=str(models/'vit-fp-E40-seed{seed}.pt'), **base)
ARMS = {'ln per bit': MBQConfig(bn='switch', **common),
        'ln shared': MBQConfig(bn='shared', own_bn=(), **common),
        'ln shared + correction': MBQConfig(bn='shared', own_bn=(), correct=True, **common)}
if a.curve:
    for E in (20, 80): pretrain(E, 0)
for s in a.seeds:                       # seed by seed, so an interrupted sweep leaves complete seeds
    pretrain(40, s)
    if not a.fp_only: run_suite(ARMS, tr, te, out, 'cpu', seeds=(s,), progress=False)
