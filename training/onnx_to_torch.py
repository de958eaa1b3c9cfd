"""Turns the shipped int8 ONNX NER model into the rust-bert backend's inputs: `rust_model.safetensors`
with Hugging Face parameter names, and a full BERT `config.json`.

The fp32 training checkpoint is not shipped (90 MB; the repository keeps the 23 MB int8 model), so the
weights are dequantized from the ONNX initializers: (q - zero_point) * scale. The result is the same
network up to int8 rounding of the weights; `scripts/rust-bert` measures how far the two backends agree.

Usage: python training/onnx_to_torch.py MODEL_DIR OUT_DIR
"""

import json
import shutil
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from safetensors.torch import save_file


def dequantize(inits, base):
    q = inits[base + "_quantized"].astype(np.float32)
    zp = inits[base + "_zero_point"].astype(np.float32)
    return (q - zp) * inits[base + "_scale"]


def main(model_dir: Path, out: Path) -> None:
    m = onnx.load(str(model_dir / "model.onnx"))
    inits = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
    consumers = defaultdict(list)
    for node in m.graph.node:
        for name in node.input:
            consumers[name].append(node)

    weights = {}
    for name, array in inits.items():
        if name.endswith("_quantized") or name.endswith("_scale") or name.endswith("_zero_point"):
            continue
        weights[name] = array
    # Embedding tables keep their names (Gather on a dequantized table).
    for name in inits:
        if name.startswith("bert.embeddings.") and name.endswith(".weight_quantized"):
            base = name[: -len("_quantized")]
            weights[base] = dequantize(inits, base)

    # Linear layers lost their names in export (onnx::MatMul_N): follow each quantized matrix through
    # MatMulInteger → Cast → Mul → Add to the named bias it is added to.
    for name in inits:
        if not (name.startswith("onnx::MatMul_") and name.endswith("_quantized")):
            continue
        base = name[: -len("_quantized")]
        frontier, bias = [n for n in consumers[name]], None
        for _ in range(6):
            nxt = []
            for node in frontier:
                named = [i for i in node.input if i.endswith(".bias") and i in inits]
                if node.op_type == "Add" and named:
                    bias = named[0]
                    break
                for o in node.output:
                    nxt.extend(consumers[o])
            if bias:
                break
            frontier = nxt
        if bias is None:
            sys.exit(f"{base}: no named bias found downstream; unknown graph layout")
        # ONNX MatMul weights are [in, out]; torch Linear stores [out, in].
        weights[bias[: -len(".bias")] + ".weight"] = dequantize(inits, base).T.copy()

    hidden = weights["bert.embeddings.word_embeddings.weight"].shape[1]
    layers = 1 + max(int(k.split(".")[3]) for k in weights if k.startswith("bert.encoder.layer."))
    heads = attention_heads(m, hidden)
    src = json.loads((model_dir / "config.json").read_text())
    config = {
        "model_type": "bert",
        "architectures": ["BertForTokenClassification"],
        "hidden_act": "gelu",
        "attention_probs_dropout_prob": 0.1,
        "hidden_dropout_prob": 0.1,
        "hidden_size": hidden,
        "initializer_range": 0.02,
        "intermediate_size": weights["bert.encoder.layer.0.intermediate.dense.weight"].shape[0],
        "max_position_embeddings": weights["bert.embeddings.position_embeddings.weight"].shape[0],
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "type_vocab_size": weights["bert.embeddings.token_type_embeddings.weight"].shape[0],
        "vocab_size": weights["bert.embeddings.word_embeddings.weight"].shape[0],
        "id2label": src["id2label"],
        "label2id": src["label2id"],
        "tidings": src.get("tidings", {}),
    }
    out.mkdir(parents=True, exist_ok=True)
    save_file({k: torch.from_numpy(np.array(v, dtype=v.dtype, copy=True)) for k, v in weights.items()},
              str(out / "rust_model.safetensors"))
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    shutil.copy(model_dir / "tokenizer.json", out / "tokenizer.json")
    print(f"{out}: {len(weights)} tensors, {layers} layers, {heads} heads, hidden {hidden}")


def attention_heads(m, hidden: int) -> int:
    """Heads are not in the weights; the export splits hidden into (heads, head_dim) with two adjacent
    one-element constants inside each self-attention block."""
    small = []
    for node in m.graph.node:
        if node.op_type == "Constant" and "/attention/self/" in node.output[0]:
            v = numpy_helper.to_array(node.attribute[0].t).reshape(-1)
            small.append(int(v[0]) if v.size == 1 else None)
    for a, b in zip(small, small[1:]):
        if a and b and a * b == hidden and a < b:
            return a
    sys.exit("number of attention heads not found in the graph")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
