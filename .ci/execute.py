"""Re-execute chapter notebooks top to bottom and save their outputs (what a reader sees), keeping flagged cells' old outputs.

Usage: python .ci/execute.py NOTEBOOK [NOTEBOOK ...] [--flags "slow"] [--keep 12,14]

- Cells flagged `#| slow`, `#| cuda` or `#| notest` are skipped unless their flag is in --flags; a skipped cell keeps
  the outputs it had. --keep lists code-cell positions (0-based among all cells) that are not run either and keep
  their outputs (cells that only read the results of a skipped slow run).
- Runs with the notebook's folder as working directory and without IN_TEST, so figures are written to figures/ as
  when a reader runs the chapter; pandas prints every column. Progress bars (streams with carriage returns) and
  widget views and state are dropped from what is saved (TQDM_DISABLE=1 only reaches bars that do not set `disable`).
- Stops at the first error and writes nothing for that notebook. Outputs are merged into the file as it is when the
  run ends (cells are matched by position and source), so markdown edited meanwhile is kept; then nbdev_clean.
"""
import argparse, json, os, subprocess, sys, time
from pathlib import Path

p = argparse.ArgumentParser()
p.add_argument('notebooks', nargs='+')
p.add_argument('--flags', default='', help='space-separated flags whose cells run (e.g. "slow")')
p.add_argument('--keep', default='', help='comma-separated cell positions not to run (outputs kept)')
a = p.parse_args()
os.environ.pop('IN_TEST', None); os.environ['TQDM_DISABLE'] = '1'; os.environ.setdefault('MPLBACKEND', 'Agg')
from execnb.shell import CaptureShell
from execnb.nbio import read_nb

SKIP = {'slow', 'cuda', 'notest'} - set(a.flags.split())
keep = {int(i) for i in a.keep.split(',') if i.strip()}

def flags(src: str) -> set:
    out = set()
    for line in src.splitlines():
        s = line.strip()
        if not s.startswith('#|'): break
        out.update(s[2:].replace(':', ' ').split())
    return out

def clean_outputs(outs):
    "Drop progress-bar noise (carriage-return streams, widget views) from a cell's outputs."
    res = []
    for o in outs:
        o = dict(o)
        if o.get('output_type') == 'stream' and '\r' in ''.join(o.get('text', '')): continue
        if 'data' in o and 'application/vnd.jupyter.widget-view+json' in o['data']: continue
        res.append(o)
    return res

for nbp in map(Path, a.notebooks):
    t0 = time.time()
    nb = read_nb(nbp)
    run = [i for i, c in enumerate(nb.cells) if c.cell_type == 'code' and i not in keep and not (flags(c.source) & SKIP)
           and 'nbdev_export(' not in c.source]
    sh = CaptureShell(nbp)
    sh.run("import pandas as _pd; _pd.set_option('display.max_columns', 60)")   # text/plain shows every column, as a terminal would
    cwd = os.getcwd(); os.chdir(nbp.parent)
    try:
        for i in run:
            c = nb.cells[i]
            sh.cell(c)
            if sh.exc: sys.exit(f"{nbp.name}: cell {i} failed: {type(sh.exc).__name__}: {sh.exc}")
    finally: os.chdir(cwd)
    raw = json.loads(nbp.read_text())
    raw.get('metadata', {}).pop('widgets', None)                  # saved widget state: nothing a reader can use
    n = 0
    for i in run:
        if raw['cells'][i]['cell_type'] != 'code' or ''.join(raw['cells'][i]['source']) != nb.cells[i].source:
            print(f"{nbp.name}: cell {i} changed while running; its outputs were not saved"); continue
        raw['cells'][i]['outputs'] = clean_outputs(json.loads(json.dumps(nb.cells[i].get('outputs', []))))
        n += 1
    nbp.write_text(json.dumps(raw, indent=1, ensure_ascii=False) + '\n')
    subprocess.run(['nbdev_clean', '--fname', str(nbp)], check=True)
    print(f"{nbp.name}: ran {n} cells in {time.time() - t0:.0f} s (flags: {a.flags or 'none'}; kept {sorted(keep) or 'none'})")
