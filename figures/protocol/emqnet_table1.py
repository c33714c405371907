# Run from the repository root: MBQ_CIFAR10=<CIFAR-10 archive> python figures/protocol/emqnet_table1.py [--arms A,B,...] SEED [SEED ...]
# EMQNet's Table 1 (full data vs bit-wise coresets at pruning rates 0.6 / 0.8 / 0.9) and Table 7 (bit-wise vs batch-wise scoring at r = 0.8)
# at the CIFAR-10 16x16 protocol of chapter 12. Fixed before any run (EMQNet's own recipe could not be read, so the protocol's):
# - Every arm is the `emqnet` preset (DoReFa weights with bias correction, one shared BN, 1-bit with its own BN, BN adaptation; bits
#   32/8/4/2/1, 4-bit activations) started from its seed's 80-epoch FP model (figures/protocol/pretrain.py 80 SEED), 10 epochs, Adam 5e-4,
#   no weight decay, cosine, batch 64, 2-pixel pad-crop and flips, one summed step per batch. The arms differ only in the data each
#   bit-width trains on: 'full' (every image, every epoch: the Table 1 baseline), 'r=0.6', 'r=0.8', 'r=0.9' (bit-wise coresets, tau 0.5,
#   redrawn every epoch) and 'batchwise r=0.8' (scores from batch-wise scoring, Table 7).
# - Scoring: TDDS over a 4-epoch scoring run of a fresh model (window 3, decay 0.9: the library's and the main job's defaults), shared by
#   the three bit-wise arms of a seed; its time is part of every coreset arm's cost, so the measured speedup is the full arm's training
#   time over scoring + coreset training time (the paper's 10-20 scoring epochs against 200 training epochs are projected in chapter 12).
# - Evaluation on the 10,000 test images, "as trained" (the shared running statistics) and "adapted" (after BN adaptation).
# Added after the 15 runs above were read, to test the explanation of their result (settings fixed before these runs; every run kept):
# - 'full E=2': every image for 2 epochs, the same number of updates and training samples as 'r=0.8' at 10 epochs (the cosine
#   schedule spans the 2 epochs). Does choosing the 20% by score beat simply training on all data for as many steps?
# - 'r=0.8 E=50': the bit-wise coreset for 50 epochs (the same scores), the same updates and samples as 'full' at 10 epochs.
#   Does the coreset lose accuracy once it gets as many updates as the baseline?
# Run them with --arms 'full E=2,r=0.8 E=50'.
# Added after those, to separate TDDS's choice of images from "each bit-width trains on its own batch" (fixed before it ran):
# - 'random r=0.8': the same bit-wise coresets drawn at tau = 1e6, where temperature sampling is uniform to within one part in a
#   million: each bit-width still draws its own 20% every epoch, but not by score. Paired with 'r=0.8' run again beside it, in
#   runs/emqnet_random/ (--out), from FP models rebuilt on the machine that ran them (pretrain.py rebuilds missing models and says
#   whether they equal the committed runs' start: on another CPU they do not, so the pair is rerun together rather than mixed).
# Added after those, EMQNet's Table 12 (the sampling temperature; the paper's summary: tau 0.1 over-exploits high scores, 1.0 adds too
# much noise, 0.5 is best), fixed before it ran: 'tau=0.1 r=0.8' and 'tau=1 r=0.8', the r = 0.8 arm at the sweep's two ends, written
# beside the pair above (or, where the FP starts rebuilt here differ from that pair's, with 'r=0.8' rerun beside them, in --out).
# 'tau=0.1 r=0.8' was run first (seeds 0-2, beside the pair: all three rebuilt starts matched theirs), then 'tau=1 r=0.8' (seeds 0-2,
# from starts rebuilt once more on the same kind of CPU, which matched again).
# Added after those, EMQNet's Tables 20-21 (dynamic re-evaluation of the scores; the paper's summary: one-time scoring matches it at far
# lower cost, 1.47 against 16.04 GPU hours at 80% pruning, re-evaluating every 10 of 200 epochs), fixed before it ran: 'rescore=5 r=0.8',
# the r = 0.8 arm re-scored once, before epoch 5 of 10 (`rescore_every=5`: a 4-epoch bit-wise TDDS scoring run, window 3, decay 0.9,
# Adam 5e-4, from a copy of the model being trained; coresets from epoch 5 on drawn from the new scores), beside the pair above, whose
# 'r=0.8' is its one-time reference. Its rows: re-scored minus one-time after BN adaptation, "less than 1 point" (one-time matches it),
# and the measured cost ratio, re-scored over one-time, "above 1".
# Added after those, EMQNet's Table 7 at its other two pruning rates (the paper's summary: bit-wise above batch-wise scoring by +0.29 to
# +5.35 points at 70-90% pruning), fixed before they ran: 'r=0.7', 'batchwise r=0.7', 'r=0.9', 'batchwise r=0.9' and, as a replication of
# the 80% pair above on the rebuilt starts, 'batchwise r=0.8' (paired with the 'r=0.8' already there), all beside the pair above
# (--out runs/emqnet_random; the batch-wise scores are one scoring run per seed, shared by the three batch-wise arms). Their rows:
# bit-wise minus batch-wise after BN adaptation, "above 0", at 70% and 90%.
# Added after the long-window retest had been read (two batch orders agree at Spearman 0.33 after 20 scoring epochs, 0.1 after 4),
# fixed before it ran: 'T=20 r=0.8', the r = 0.8 arm with 20-epoch bit-wise scores (window 10, the retest's longest; EMQNet scores for
# 10-20 epochs), beside the random-coreset pair. Its rows: TDDS with 20-epoch scores minus the random coreset after BN adaptation,
# "above 0" (the random-coreset rows' claim), and, shown but not a row, minus the 4-epoch TDDS arm.
# Added after all of the above had been read, fixed before it ran: 'full' (every image, every epoch) beside the random-coreset pair
# (--out runs/emqnet_random), so that the arms on the rebuilt starts (r = 0.7, 0.8, 0.9, bit-wise and batch-wise) have their own full-data
# baseline: Table 11's sweep drawn a second time, from other FP starts and with r = 0.7 in it. Shown in Table 11's section beside the
# committed-start sweep, as a replication; no new claims rows (the Table 11 rows stay those of the committed starts).
# Added 2026-12-07, before any of it ran: every run above started from a damaged copy of its FP model. `init_from_model` copied the FP
# model's transformed weights tanh(w)/max|tanh w|*E into the DoReFa model, which transformed them again (chapter 09 now copies the latent
# weights, tested). The headline pair is repeated from the FP models as they are, with a plateau rule for the schedule:
# - arms 'full', 'full E=20', 'r=0.8', 'r=0.8 E=20', written to runs/emqnet_table1_init (--out), from the FP models rebuilt by pretrain.py
#   on the machine that runs them (all four arms of a seed from the same files); run seed by seed, in that order.
# - plateau rule: the headline schedule is E = 10 if, at every bit-width after BN adaptation, the mean over seeds of 'full E=20' minus
#   'full' is below 0.5 points; otherwise E = 20, and the rows say that the plateau at E = 20 was not checked. The coreset arm is compared
#   with the full arm at the same E. Speedups: the arms of a seed run back to back in one process; the rows give the ideal speedup too.
# - the two options of Any-Precision DNNs' code that this book's models leave out (chapters 02, 03), measured on this protocol's full-data
#   arm beside the same 'full' runs: 'dorefa_max=grad full' and 'shortcut_input=quantized full' (3 seeds, after the four arms above);
#   d = option minus 'full' per bit-width after BN adaptation, an equivalence test at +-1 point.
# Order changed on 2026-12-07 (second session), before any of these ran, so that the DoReFa option is measured first: 'full' and
# 'dorefa_max=grad full' for seeds 0, 1, 2 (--arms 'full,dorefa_max=grad full'), then 'shortcut_input=quantized full' for seeds 0, 1, 2
# (a process of its own), then the other arms. The order changes no run (each
# is seeded and starts from its own FP file).
# Speedup rows, fixed on 2026-12-07 before any of the arms below ran and before any timing was read: 'full' (seeds 0-2) ran in a
# process of its own, beside other jobs, so its seconds are never divided by another arm's. The remaining arms of a seed run as ONE
# process, back to back, on an otherwise idle machine: --arms 'r=0.8,full E=20,r=0.8 E=20' S. The speedup row is 'full E=20' over
# 'r=0.8 E=20' (the pair timed together), whatever E the plateau rule picks, with the ideal speedup from the sample counts beside it.
# One thread per process; resumable (run_suite skips arms already summarised). Writes runs/emqnet_table1/<arm>_seed_<s>.json (committed).
import argparse, os, time, torch
from pathlib import Path
from mbq_nb.data import load_split
from mbq_nb.training import preset, run_suite
torch.set_num_threads(1)
ARMS = ('full', 'r=0.6', 'r=0.8', 'r=0.9', 'batchwise r=0.8')
EXTRA = ('full E=2', 'r=0.8 E=50', 'full E=20', 'r=0.8 E=20', 'dorefa_max=grad full', 'shortcut_input=quantized full', 'random r=0.8', 'tau=0.1 r=0.8', 'tau=1 r=0.8', 'rescore=5 r=0.8',
         'r=0.7', 'batchwise r=0.7', 'batchwise r=0.9', 'T=20 r=0.8')
ap = argparse.ArgumentParser(); ap.add_argument('seeds', nargs='+', type=int)
ap.add_argument('--arms', default=','.join(ARMS), help=f'comma-separated subset of {ARMS + EXTRA}')
ap.add_argument('--out', default='figures/protocol/runs/emqnet_table1', help='folder for the per-run summaries')
ap.add_argument('--smoke', action='store_true', help='2 epochs on 512 images, written to /tmp/emq_smoke (a check of the script, not a result)')
a = ap.parse_args()
arms = a.arms.split(',')
if set(arms) - set(ARMS + EXTRA): ap.error(f'unknown arms {sorted(set(arms) - set(ARMS + EXTRA))}; choose from {ARMS + EXTRA}')
models, out = Path('figures/protocol/runs/models'), a.out
tr, te = load_split('cifar10', os.environ['MBQ_CIFAR10'], 16, 5000, None, 0)
common = dict(bits=(32, 8, 4, 2, 1), abits=4, epochs=10, lr=5e-4, weight_decay=0.0, sched='cosine', pad=2, flip=True,
              init=str(models/'fp-E80-seed{seed}.pt'))
if a.smoke: out = '/tmp/emq_smoke'; tr, te = load_split('cifar10', os.environ['MBQ_CIFAR10'], 16, 512, 512, 0); common.update(epochs=2, score_epochs=3)
def arm(name):
    name, _, e = name.partition(' E=')
    kw = {**common, 'epochs': int(e)} if e else common
    if name == 'full': return preset('emqnet', coreset=False, **kw)
    if name.startswith(('dorefa_max=', 'shortcut_input=')):   # '<option>=<value> <arm>': that arm with a trainer option set
        o, name = name.split(' ', 1); k, v = o.split('='); kw = {**kw, k: v}
        if name == 'full': return preset('emqnet', coreset=False, **kw)
    if name.startswith('tau='):                     # 'tau=X <arm>': that arm sampled at temperature X
        t, name = name.split(' ', 1); kw = {**kw, 'tau': float(t[4:])}
    if name.startswith('T='):                       # 'T=N <arm>': that arm scored for N epochs with window N/2
        k, name = name.split(' ', 1); kw = {**kw, 'score_epochs': int(k[2:]), 'window': int(k[2:]) // 2}
    if name.startswith('rescore='):                 # 'rescore=K <arm>': that arm re-scored every K epochs
        k, name = name.split(' ', 1); kw = {**kw, 'rescore_every': int(k[8:])}
    if name.startswith('random'): return preset('emqnet', coreset=True, pruning_rate=float(name.split('=')[1]), tau=1e6, **kw)
    mode, r = ('batchwise', name.split('=')[1]) if name.startswith('batchwise') else ('bitwise', name.split('=')[1])
    return preset('emqnet', coreset=True, pruning_rate=float(r), score_mode=mode, **kw)
cfgs = {n: arm(n) for n in arms}
for s in a.seeds:                                   # seed by seed, so an interrupted sweep leaves complete seeds
    while not (models/f'fp-E80-seed{s}.pt').is_file(): time.sleep(30)
    run_suite(cfgs, tr, te, out, 'cpu', seeds=(s,), progress=False)
