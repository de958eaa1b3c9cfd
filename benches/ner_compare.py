#!/usr/bin/env python3
"""tidings' NER against ONNX Runtime's own Python session, same model, same windows, same batches,
alternating in one sitting (the box's speed drifts by ±2× between sittings, so only a ratio measured
side by side means anything):

    .cache/train-venv/bin/python benches/ner_compare.py [ROUNDS=3]

Each round runs `cargo bench --bench throughput -- ner` (tidings: tokenizing, windowing, model calls,
span decoding) then benches/ner_ort.py (the model calls alone, on the windows tidings dumped), and
prints per thread count the articles/s of both, each round's ratio and the median ratio.
"""
import re
import statistics
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
pattern = re.compile(r"\((\d) threads?\): ([\d.]+) articles/s, (\d+) tokens/s")
ours, theirs = {1: [], 2: []}, {1: [], 2: []}
for r in range(rounds):
    out = subprocess.run(["cargo", "bench", "-q", "--bench", "throughput", "--", "ner"], cwd=root,
                         capture_output=True, text=True, check=True).stdout
    for t, a, tok in pattern.findall(out):
        ours[int(t)].append((float(a), int(tok)))
    out = subprocess.run([sys.executable, str(root / "benches/ner_ort.py")], cwd=root,
                         capture_output=True, text=True, check=True).stdout
    for t, a, tok in pattern.findall(out):
        theirs[int(t)].append((float(a), int(tok)))
for t in (1, 2):
    ratios = [a[0] / b[0] for a, b in zip(ours[t], theirs[t])]
    print(f"{t} thread{'s' if t > 1 else ''}: tidings {[a for a, _ in ours[t]]} articles/s "
          f"({[k for _, k in ours[t]]} tokens/s), onnxruntime python {[a for a, _ in theirs[t]]}; "
          f"ratios {[round(x, 2) for x in ratios]}, median {statistics.median(ratios):.2f}")
