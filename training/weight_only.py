"""Weight-only int8 for the NER model: weights stored as int8/uint8 with DequantizeLinear, computed in fp32.

Why: dynamic int8 quantisation (onnxruntime `quantize_dynamic`) picks one activation scale per tensor,
i.e. per *batch*, so a window's logits moved with its neighbours and padding (up to ~2 logits measured
on eng.testa windows) and identical articles got different entities run to run. Stored weights stay
int8 (the file stays ~23 MB); tidings tells ONNX Runtime to fold the DequantizeLinear nodes of constant
weights into fp32 at load (`session.disable_quant_qdq`), so every window is computed in fp32 and its
result does not depend on the batch.

Weights are quantised per tensor exactly as `quantize_dynamic` does (MatMul: symmetric int8;
embedding tables read by Gather: asymmetric uint8), so a model dequantised from a dynamic-int8 export
(training/onnx_to_torch.py) gets back its very int8 values.

Usage: python training/weight_only.py FP32_ONNX OUT_ONNX
       python training/weight_only.py --from-dynamic MODEL_DIR   # convert a dynamic-int8 model in place
"""

import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import helper, numpy_helper


def quantize(w: np.ndarray, symmetric: bool):
    if symmetric:
        scale = max(float(np.abs(w).max()), 1e-12) / 127.0
        return np.clip(np.round(w / scale), -127, 127).astype(np.int8), scale, np.int8(0)
    lo, hi = min(float(w.min()), 0.0), max(float(w.max()), 0.0)
    scale = max(hi - lo, 1e-12) / 255.0
    zp = int(np.clip(np.round(-lo / scale), 0, 255))
    return np.clip(np.round(w / scale) + zp, 0, 255).astype(np.uint8), scale, np.uint8(zp)


def weight_only(src: str, dst: str) -> int:
    g = onnx.load(src)
    users: dict[str, set[str]] = {}
    for n in g.graph.node:
        for x in n.input:
            users.setdefault(x, set()).add(n.op_type)
    dq_nodes, done = [], 0
    for init in list(g.graph.initializer):
        w = numpy_helper.to_array(init)
        ops = users.get(init.name, set())
        if w.dtype != np.float32 or w.ndim != 2 or w.size < 4096 or not ops or not ops <= {"MatMul", "Gather"}:
            continue
        q, scale, zp = quantize(w, symmetric="MatMul" in ops)
        g.graph.initializer.remove(init)
        g.graph.initializer.extend([
            numpy_helper.from_array(q, init.name + "_quantized"),
            numpy_helper.from_array(np.array(scale, dtype=np.float32), init.name + "_scale"),
            numpy_helper.from_array(np.array(zp), init.name + "_zero_point"),
        ])
        dq_nodes.append(helper.make_node(
            "DequantizeLinear", [init.name + "_quantized", init.name + "_scale", init.name + "_zero_point"],
            [init.name], name=init.name + "_dequantize"))
        done += 1
    nodes = dq_nodes + list(g.graph.node)
    del g.graph.node[:]
    g.graph.node.extend(nodes)
    onnx.checker.check_model(g)
    onnx.save(g, dst)
    return done


def from_dynamic(model_dir: Path) -> None:
    """Dynamic-int8 model.onnx → dequantised PyTorch weights → fp32 ONNX → weight-only int8, in place."""
    import tempfile

    import torch
    from transformers import BertForTokenClassification

    from onnx_to_torch import main as onnx_to_torch
    from safetensors.torch import load_file, save_file

    with tempfile.TemporaryDirectory() as tmp:
        hf = Path(tmp) / "hf"
        onnx_to_torch(model_dir, hf)
        # transformers wants model.safetensors with its format tag.
        save_file(load_file(str(hf / "rust_model.safetensors")), str(hf / "model.safetensors"), metadata={"format": "pt"})
        model = BertForTokenClassification.from_pretrained(str(hf)).eval()
        fp32 = Path(tmp) / "fp32.onnx"
        dummy = torch.ones((1, 8), dtype=torch.long)
        names = ["input_ids", "attention_mask", "token_type_ids", "logits"]
        torch.onnx.export(model, (dummy, dummy, torch.zeros_like(dummy)), str(fp32), input_names=names[:3],
                          output_names=names[3:], dynamic_axes={n: {0: "batch", 1: "sequence"} for n in names},
                          opset_version=17)
        n = weight_only(str(fp32), str(model_dir / "model.onnx"))
    print(f"{model_dir / 'model.onnx'}: {n} weight matrices stored as int8, computed in fp32")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--from-dynamic":
        from_dynamic(Path(sys.argv[2]))
    elif len(sys.argv) == 3:
        print(f"{sys.argv[2]}: {weight_only(sys.argv[1], sys.argv[2])} weight matrices stored as int8")
    else:
        sys.exit(__doc__)
