"""Write README.md from nbs/index.ipynb (markdown cells, and code cells not marked hide), without Quarto.

Usage: python .ci/readme.py [--check]   (--check: exit 1 if README.md differs from what would be written)
"""
import json, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
nb = json.loads((root/'nbs'/'index.ipynb').read_text())
parts = []
for c in nb['cells']:
    src = ''.join(c['source']).strip()
    if not src: continue
    if c['cell_type'] == 'markdown': parts.append(src)
    elif c['cell_type'] == 'code':
        first = src.splitlines()[0].replace(' ', '')
        if first.startswith('#|hide') or first.startswith('#|export'): continue
        parts.append('```python\n' + src + '\n```')
text = '<!-- generated from nbs/index.ipynb by .ci/readme.py: edit the notebook, not this file -->\n\n' + '\n\n'.join(parts) + '\n'
readme = root/'README.md'
if '--check' in sys.argv:
    if not readme.exists() or readme.read_text() != text:
        sys.exit('README.md is out of date with nbs/index.ipynb: run python .ci/readme.py')
else: readme.write_text(text)
