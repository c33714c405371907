# Run from the repository root: MBQ_CIFAR10=<CIFAR-10 archive> python figures/protocol/resnet18.py [--model resnet18|preact_resnet20] SEED [SEED ...]
# Chapter 13's ResNet-18 section: ResNet-18 (CIFAR stem, 11.2M parameters) trained multi-bit on CIFAR-10 at CPU scale, paired with
# PreActResNet-20 x1 (0.27M) under the same settings. Fixed before any run (the budget chosen from one measured step: ResNet-18's
# `emqnet` step at 16x16, batch 64, one thread, idle machine: 1.07 s per bit-width, PreActResNet-20's 0.12 s):
# - Data: the CIFAR-10 16x16 protocol of chapter 12 (stratified 5,000 training images, data seed 0; the 10,000 test images).
# - Both models: the `emqnet` preset on full data (coreset off): DoReFa weights with bias correction, one shared BN for 32/8/4/2 bits
#   and its own BN for 1 bit, 4-bit activations, BN adaptation after training; trained from scratch (a ResNet-18 FP model of the
#   protocol's 80 epochs would cost about 1.5 h per seed here), 4 epochs, Adam 1e-3, no weight decay, cosine, batch 64, 2-pixel
#   pad-crop and flips, one summed step per batch: the same updates, data and seeds for both models.
# - Evaluated on the 10,000 test images, "as trained" (the shared running statistics) and "adapted" (after BN adaptation).
# - Questions, paired over seeds 0, 1, 2 with 95% t-intervals, after BN adaptation: (1) ResNet-18 minus PreActResNet-20 at each
#   bit-width (does 41 times the parameters buy accuracy at this budget?); (2) the 8-bit minus 2-bit and 8-bit minus 1-bit drops,
#   ResNet-18's minus PreActResNet-20's (does the larger model lose less at low bit-widths?). 4 epochs from scratch is far from a
#   plateau: these are comparisons at one short budget, not converged accuracies.
# One thread per process; resumable (a checkpoint after every epoch, in runs/models/, never committed). Writes
# runs/resnet18/<model>_seed_<s>.json (committed).
import argparse, json, os, torch
from dataclasses import replace
from pathlib import Path
from mbq_nb.data import load_split
from mbq_nb.training import preset, train
torch.set_num_threads(1)
ap = argparse.ArgumentParser(); ap.add_argument('seeds', nargs='+', type=int)
ap.add_argument('--model', default='resnet18', choices=('resnet18', 'preact_resnet20'))
a = ap.parse_args()
out = Path('figures/protocol/runs/resnet18'); models = Path('figures/protocol/runs/models'); out.mkdir(parents=True, exist_ok=True); models.mkdir(exist_ok=True)
tr, te = load_split('cifar10', os.environ['MBQ_CIFAR10'], 16, 5000, None, 0)
for s in a.seeds:
    f = out/f'{a.model}_seed_{s}.json'
    if f.is_file(): continue
    cfg = replace(preset('emqnet', model=a.model, coreset=False, epochs=4, lr=1e-3, weight_decay=0.0, sched='cosine', batch_size=64,
                         pad=2, flip=True, seed=s), name=f'{a.model} seed={s}')
    r = train(cfg, tr, te, 'cpu', checkpoint=models/f'ckpt-{a.model}-emqnet-E4-seed{s}.pt', resume=True, progress=False)
    f.write_text(json.dumps(r.summary(), indent=1))
    print(cfg.name, {k: round(v, 2) for k, v in r.final_accuracy().items()}, f'{r.cost_seconds:.0f} s', flush=True)
