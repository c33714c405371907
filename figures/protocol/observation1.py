# Run from the repository root: MBQ_CIFAR10=<CIFAR-10 archive> python figures/protocol/observation1.py [--smoke] SEED [SEED ...]
# EMQNet's Observation 1 at the CIFAR-10 16x16 protocol of chapter 12: the angle between the 8-bit and the 2-bit (and the 8-bit and the
# 4-bit) loss gradients on each shared weight, followed over an EMQNet run. Fixed before any run:
# - The run is the r = 0.8 arm of figures/protocol/emqnet_table1.py (the `emqnet` preset, bit-wise coresets at tau 0.5, 10 epochs from the
#   seed's 80-epoch FP model, the same seeds), trained one epoch per call of `train(..., checkpoint, resume=True, stop_after=1)`, so the
#   run is the one the table trains, bit for bit (the script says whether its final accuracies equal the committed r = 0.8 run beside the
#   random-coreset pair, runs/emqnet_random/, which started from FP models rebuilt on the same kind of CPU).
# - After every epoch (and at the FP start) the model is copied and its gradients taken on one fixed probe batch: the first 256 training
#   images, not augmented, in training mode (batch statistics, as in a training step). `grad_angles` (chapter 08) gives one angle per
#   convolution and the classifier; the row of chapter 12 is the largest angle over the 18 quantized 3x3 convolutions of the 9 blocks
#   (stem, 1x1 shortcuts and classifier excluded, as in chapter 08) at the end of training, against the paper's "below 28 degrees".
# - The claims row, fixed with the above: that largest angle at the end of training, claim '< 28' degrees (8 against 2 bits; the 8-4
#   angles are drawn, not made a row, as the paper gives no number for them).
# - The scores are the arm's own, read from the scores file the runs in runs/emqnet_random/ keep (computed here when it is absent).
# One thread per process; resumable (the epoch checkpoint lives in runs/models/, outside git). Writes runs/observation1/obs1_seed_<s>.json.
import argparse, copy, json, os, time, torch
from pathlib import Path
from mbq_nb.coresets import grad_angles
from mbq_nb.data import load_split
from mbq_nb.core import seed_everything
from mbq_nb.training import build_model, init_from_model, preset, train, _scores
torch.set_num_threads(1)
ap = argparse.ArgumentParser(); ap.add_argument('seeds', nargs='+', type=int)
ap.add_argument('--smoke', action='store_true', help='2 epochs on 512 images from a fresh model, in /tmp/obs1_smoke (a check of the script, not a result)')
a = ap.parse_args()
runs = Path('figures/protocol/runs'); models, out, scores_dir = runs/'models', runs/'observation1', runs/'emqnet_random'
tr, te = load_split('cifar10', os.environ['MBQ_CIFAR10'], 16, 5000, None, 0)
common = dict(bits=(32, 8, 4, 2, 1), abits=4, epochs=10, lr=5e-4, weight_decay=0.0, sched='cosine', pad=2, flip=True,
              init=str(models/'fp-E80-seed{seed}.pt'))
if a.smoke:
    out = scores_dir = models = Path('/tmp/obs1_smoke'); tr, te = load_split('cifar10', os.environ['MBQ_CIFAR10'], 16, 512, 512, 0)
    common.update(epochs=2, score_epochs=3, init=None)
out.mkdir(parents=True, exist_ok=True); models.mkdir(parents=True, exist_ok=True)
PAIRS = ((8, 2), (8, 4))
probe_x = (tr.x[:256].float() / 255 - tr.mean[None, :, None, None]) / tr.std[None, :, None, None]   # as `Batches` normalises
probe_y = tr.y[:256].long()
def angles(model) -> dict:
    m = copy.deepcopy(model).train()                 # a copy: the probe's batch statistics never reach the run
    return {f'{p}-{q}': grad_angles(m, probe_x, probe_y, p, q, common['abits']) for p, q in PAIRS}
for s in a.seeds:
    f = out/f'obs1_seed_{s}.json'
    if f.is_file(): continue
    cfg = preset('emqnet', coreset=True, pruning_rate=0.8, seed=s, **{**common, 'init': common['init'] and common['init'].format(seed=s)})
    ck = models/f'ckpt-obs1-seed{s}.pt'
    sc = _scores(cfg, tr, scores_dir, 'cpu', print)
    t0, rec = time.perf_counter(), []
    seed_everything(cfg.seed); start = build_model(cfg, 3, len(tr.classes), tr.shape[1])   # the model `train` starts from
    if cfg.init: init_from_model(start, cfg.init)
    for e in range(cfg.epochs + 1):
        if e: r = train(cfg, tr, te, 'cpu', checkpoint=ck, resume=True, stop_after=1, scores=sc, progress=False)
        rec.append({'epoch': e, **angles(r.model if e else start)})
        print(f"seed {s} epoch {e}: largest 8-2 angle {max(rec[-1]['8-2'].values()):.1f} deg", flush=True)
    if not r.completed: raise RuntimeError('the run did not complete after its epochs')
    acc = {c: {str(b): float(v) for b, v in col.items()} for c, col in r.accuracy.items()}
    ref = scores_dir/f'r_0.8_seed_{s}.json'
    same = json.loads(ref.read_text())['accuracy'] == acc if ref.is_file() else None
    f.write_text(json.dumps({'seed': s, 'pairs': [f'{p}-{q}' for p, q in PAIRS], 'probe': 'first 256 training images, not augmented, training mode',
                             'angles': rec, 'accuracy': acc, 'same_as_committed_r08_run': same, 'seconds': time.perf_counter() - t0}, indent=1))
    print(f'seed {s}: {time.perf_counter() - t0:.0f} s; final accuracies equal the committed r = 0.8 run: {same}', flush=True)
