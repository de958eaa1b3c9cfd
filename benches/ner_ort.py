#!/usr/bin/env python3
"""The bare ONNX Runtime baseline for tidings' NER speed: the same model, the same windows, the same
batching, through onnxruntime's own Python session (PyPI wheel, same library version as tidings loads).

    cargo bench --bench throughput          # writes target/ner-bench-rows.json, prints tidings' numbers
    .cache/train-venv/bin/python benches/ner_ort.py

Prints articles/s and tokens/s at 1 and 2 intra-op threads. Only the model calls are timed here, while
tidings' numbers include tokenizing, windowing, merging and span decoding: a ratio >= 1.0 means tidings
adds no overhead over the runtime.
"""
import json
import sys
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort

root = Path(__file__).resolve().parent.parent
data = json.loads((root / "target/ner-bench-rows.json").read_text())
rows, bs = data["rows"], data["batch_size"]
tokens = sum(len(r["ids"]) - 2 for r in rows)
batches = []
for i in range(0, len(rows), bs):
    chunk = rows[i : i + bs]
    width = max(len(r["ids"]) for r in chunk)
    ids = np.zeros((len(chunk), width), dtype=np.int64)
    types = np.zeros_like(ids)
    mask = np.zeros_like(ids)
    for j, r in enumerate(chunk):
        n = len(r["ids"])
        ids[j, :n], types[j, :n], mask[j, :n] = r["ids"], r["types"], 1
    batches.append({"input_ids": ids, "attention_mask": mask, "token_type_ids": types})

for threads in (1, 2):
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # As tidings loads the model: int8 weights folded into fp32 at load (training/weight_only.py).
    opts.add_session_config_entry("session.disable_quant_qdq", "1")
    sess = ort.InferenceSession(str(root / "models/ner-minilm-conll/model.onnx"), opts,
                                providers=["CPUExecutionProvider"])
    for b in batches:  # warm-up
        sess.run(["logits"], b)
    runs, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < 3.0:
        for b in batches:
            sess.run(["logits"], b)
        runs += 1
    rate = runs / (time.perf_counter() - t0)
    print(f"onnxruntime python ({threads} thread{'s' if threads > 1 else ''}): "
          f"{rate * data['articles']:.1f} articles/s, {rate * tokens:.0f} tokens/s")
sys.exit(0)
