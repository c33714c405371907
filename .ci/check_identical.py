"""Check that the library's training loops give bit-identical results to an earlier commit's.

Usage: python .ci/check_identical.py [COMMIT]   (default 1e5f3cc, the last commit before the loops moved onto `run_loop`)

Extracts `mbq_nb/` at COMMIT with `git archive` into a temporary folder as the package `old_mbq_nb`, then trains
the same small models with both packages, in this process and at this thread count, and asks for equal weights
(torch.equal) and equal histories: `fit`, `train_multibit`, `train_alrs` (three modes), `train_supernet` (HASB
roulette, warm-up), `record_dynamics` (bit-wise and batch-wise) and, where COMMIT has it, the multi-bit trainer `train` at each preset. Chapter 09 checks the multi-bit trainer the
same way inside the book (`legacy_train`). Prints one line per loop and exits 1 on any difference.
"""
import io, re, subprocess, sys, tarfile, tempfile, copy
from pathlib import Path
import numpy as np, torch

commit = sys.argv[1] if len(sys.argv) > 1 else '1e5f3cc'
root = Path(__file__).resolve().parent.parent
tmp = Path(tempfile.mkdtemp())
tar = subprocess.run(['git', '-C', str(root), 'archive', commit, 'mbq_nb'], capture_output=True, check=True).stdout
tarfile.open(fileobj=io.BytesIO(tar)).extractall(tmp)
(tmp/'mbq_nb').rename(tmp/'old_mbq_nb')
for f in (tmp/'old_mbq_nb').glob('*.py'):
    f.write_text(re.sub(r'\bmbq_nb\.', 'old_mbq_nb.', f.read_text()).replace('import mbq_nb', 'import old_mbq_nb'))
sys.path.insert(0, str(tmp)); sys.path.insert(0, str(root))
import old_mbq_nb.fit as Of, old_mbq_nb.quant as Oq, old_mbq_nb.alrs as Oa, old_mbq_nb.hessian as Oh, old_mbq_nb.coresets as Oc, old_mbq_nb.double_rounding as Od
import mbq_nb.fit as Nf, mbq_nb.quant as Nq, mbq_nb.alrs as Na, mbq_nb.hessian as Nh, mbq_nb.coresets as Nc, mbq_nb.double_rounding as Nd
from mbq_nb.core import seed_everything
from mbq_nb.data import digits_data, Batches
from mbq_nb.models import preact_resnet20

tr, te = digits_data(size=8)
loader = lambda: Batches(tr, 256, shuffle=True, device='cpu', generator=torch.Generator().manual_seed(1))
valid = lambda: Batches(te, 512, device='cpu')
def pair(layers_old, layers_new):
    "The same initial weights, built with each package's own layers (each package's functions check for its own classes)."
    torch.manual_seed(0); a = preact_resnet20(in_channels=1, layers=layers_old)
    torch.manual_seed(0); b = preact_resnet20(in_channels=1, layers=layers_new)
    return a, b
same = lambda a, b: all(torch.equal(x, y) for x, y in zip(a.state_dict().values(), b.state_dict().values()))
results = {}
seed_everything(0); a = preact_resnet20(in_channels=1); b = copy.deepcopy(a)
h1 = Of.fit(a, loader(), 2, valid=valid(), sched='cosine', progress=False); h2 = Nf.fit(b, loader(), 2, valid=valid(), sched='cosine', progress=False)
results['fit'] = same(a, b) and h1.drop(columns='seconds').equals(h2.drop(columns='seconds'))
a, b = pair(Oq.quant_layers((8, 4, 2)), Nq.quant_layers((8, 4, 2)))
h1, h2 = Oq.train_multibit(a, loader(), 2, (8, 4, 2), valid=valid()), Nq.train_multibit(b, loader(), 2, (8, 4, 2), valid=valid())
results['train_multibit'] = same(a, b) and h1.equals(h2)
for mode in ('none', 'official', 'norm'):
    a, b = pair(Od.dr_layers(), Nd.dr_layers())
    h1, h2 = Oa.train_alrs(a, loader(), 2, mode=mode, valid=valid()), Na.train_alrs(b, loader(), 2, mode=mode, valid=valid())
    results[f'train_alrs {mode}'] = same(a, b) and h1.equals(h2)
a, b = pair(Od.dr_layers(), Nd.dr_layers())
p = Nh.hasb_probs(np.linspace(0, 1, 20))
h1, h2 = Oh.train_supernet(a, loader(), 3, probs=p, sigma=0.8, warmup=1, seed=2), Nh.train_supernet(b, loader(), 3, probs=p, sigma=0.8, warmup=1, seed=2)
results['train_supernet'] = same(a, b) and h1.equals(h2)
for mode in ('bitwise', 'batchwise'):
    a, b = pair(Oq.quant_layers((8, 2)), Nq.quant_layers((8, 2)))
    r1, r2 = Oc.record_dynamics(a, loader(), 2, (8, 2), mode), Nc.record_dynamics(b, loader(), 2, (8, 2), mode)
    results[f'record_dynamics {mode}'] = same(a, b) and all(torch.equal(r1[k].logits, r2[k].logits) for k in r1)
import old_mbq_nb.training as Ot, mbq_nb.training as Nt, old_mbq_nb.data as Odata   # the multi-bit trainer, one config per preset (and the norm rule)
odtr, odte = Odata.digits_data(size=8)                  # each package checks for its own ImageDataset
for name, kw in [('any_precision', {}), ('emqnet', dict(score_epochs=3, window=3)), ('double_rounding', {}), ('double_rounding', dict(alrs='norm')),
                 ('hasb', dict(switch_start=0.0)), ('emqnet_dr', dict(score_epochs=3, window=3))]:
    if not hasattr(Ot, 'preset'): break
    if name not in getattr(Ot, 'PRESETS', ()): print(f'{name:<28} not in COMMIT (skipped)'); continue
    r1 = Ot.train(Ot.preset(name, epochs=2, batch_size=128, **kw), odtr, odte, 'cpu', progress=False)
    r2 = Nt.train(Nt.preset(name, epochs=2, batch_size=128, **kw), tr, te, 'cpu', progress=False)
    results[f"train {name} {' '.join(f'{k}={v}' for k, v in kw.items())}"] = same(r1.model, r2.model) and r1.accuracy.equals(r2.accuracy) and \
        r1.history.drop(columns=[c for c in r1.history if 'second' in c], errors='ignore').equals(r2.history.drop(columns=[c for c in r2.history if 'second' in c], errors='ignore'))
for k, v in results.items(): print(f"{k:<28} {'bit-identical' if v else 'DIFFERS'}")
sys.exit(0 if all(results.values()) else 1)
