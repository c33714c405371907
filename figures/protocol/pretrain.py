# Run from the repository root: MBQ_CIFAR10=<CIFAR-10 archive> python figures/protocol/pretrain.py EPOCHS SEED [SEED ...]
# The full-precision models of the CIFAR-10 16x16 protocol (chapter 12): the 32-bit DoReFa branch of PreActResNet-20 x1 on the stratified
# 5,000-image subset (data seed 0), full 10,000-image test set, Adam 1e-3 with a cosine schedule, batch 64, 2-pixel pad-crop and flips.
# One thread per process; resumable (a checkpoint per run). Writes runs/fp_N_5000_E_<E>_seed_<S>.json (summary, committed) and, outside git,
# runs/models/fp-E<E>-seed<S>.pt (the model the multi-precision runs start from; derived from CIFAR-10, so never committed).
# On a new machine the summaries are there and the models are not: then the run is redone to rebuild the model, its summary is written
# beside the committed one (…_seed_<S>.rebuilt.json, not committed), and the per-epoch losses and final accuracy are compared with the
# committed summary, printing whether the rebuilt model is the committed runs' start bit for bit.
import os, sys, json, torch
from dataclasses import replace
from pathlib import Path
from mbq_nb.data import load_split
from mbq_nb.training import preset, train, save_model
torch.set_num_threads(1)
E, seeds = int(sys.argv[1]), [int(s) for s in sys.argv[2:]]
root = os.environ['MBQ_CIFAR10']
out = Path('figures/protocol/runs'); (out/'models').mkdir(parents=True, exist_ok=True)
tr, te = load_split('cifar10', root, 16, 5000, None, 0)
for s in seeds:
    name = f'fp N=5000 E={E} seed={s}'
    f, mp = out/f'fp_N_5000_E_{E}_seed_{s}.json', out/'models'/f'fp-E{E}-seed{s}.pt'
    if f.is_file() and mp.is_file(): continue
    rebuild = f.is_file()
    cfg = preset('any_precision', bits=(32,), epochs=E, sched='cosine', pad=2, flip=True, seed=s); cfg = replace(cfg, name=name)
    r = train(cfg, tr, te, 'cpu', checkpoint=out/'models'/f'ckpt-fp-E{E}-seed{s}.pt', resume=True, eval_every=max(1, E // 10), progress=False)
    save_model(mp, r, dict(dataset='cifar10', image_size=16, n_train=5000, n_test=None, data_seed=0))
    if rebuild:
        old, new = json.loads(f.read_text()), r.summary()
        f.with_suffix('.rebuilt.json').write_text(json.dumps(new, indent=1))
        same = old['history']['loss_32'] == new['history']['loss_32'] and old['accuracy'] == new['accuracy']
        print(name, 'rebuilt:', 'identical to the committed run (every epoch loss and the accuracy)' if same else
              f"DIFFERS from the committed run: accuracy {old['accuracy']} then, {new['accuracy']} now", flush=True)
        continue
    f.write_text(json.dumps(r.summary(), indent=1))
    print(name, r.final_accuracy().to_dict(), f'{r.cost_seconds:.0f} s', flush=True)
