#!/usr/bin/env python3
"""Fits the language stage's group models (src/stages/lang/groups.tsv): one small naive Bayes model per
group of languages that general detectors cannot tell apart ({id, ms}, {bs, hr, sr}). When the stage's
answer falls in a group, the group's model decides within it (src/stages/lang/group.rs).

Model: multinomial naive Bayes over binary features (a feature counts once per text): lower-cased
words, and character 1-4-grams of each word padded with a space on both sides. A word is a maximal
run of letters (str.isalpha here, char::is_alphabetic in Rust; the two agree on Latin and Cyrillic).
Trained on every length (single words, word pairs, sentences) of the *tune* part of
../shared/data/langid only (the first 150 lines of each file); the check part is never read here.
Serbian's dev lines are all Cyrillic, so its class is `sr-Cyrillic`: the stage asks it only about
Cyrillic text and leaves a Serbian answer on Latin text alone (the model has never seen Latin
Serbian). Two ways of teaching it Latin Serbian were tried by cross-validation on tune and dropped:
a second class learnt from the lines transliterated to Latin took Bosnian and Croatian word pairs
from 76 to 61%; transliterating every text before reading it cost a tenth of the group's word pairs.

Stored per feature: each language's log-probability minus the group's mean, kept for the K features
with the largest spread times document frequency (a feature left out counts as equal in every
language). Pure Python, no packages.

Usage:
  benches/langid-compare/fit_groups.py > src/stages/lang/groups.tsv
  benches/langid-compare/fit_groups.py --cv     # 5-fold cross-validation on tune (contiguous folds)
  benches/langid-compare/fit_groups.py --cv --dump /tmp/tune.tsv
      # the same folds with the stage's other evidence (`run --part tune --dump /tmp/tune.tsv`):
      # the vote of fit_pairs.py as the stage's answer, then the group model with lingua's
      # confidence times each weight tried for W_LINGUA_IN_GROUP (src/stages/lang/mod.rs)
"""
import collections
import math
import os
import sys

# Classes per group; `xx-Script` is language xx learnt from text in that script only (see above).
GROUPS = [["id", "ms"], ["bs", "hr", "sr-Cyrillic"]]
TUNE_LINES = 150
ALPHA = 0.1  # additive smoothing (0.1 / 1 / 3 tried by cross-validation on tune: 0.1 best)
TOP_K = 3000  # features kept per group
MIN_DF = 2  # a feature seen in a single training text is noise
KINDS = ["single word", "word pair", "sentence", "paragraph"]
FILES = [("single word", "single-words.txt"), ("word pair", "word-pairs.txt"), ("sentence", "sentences.txt")]
DATA = os.environ.get("TIDINGS_LANGID") or os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                         "../../../shared/data/langid")

def words(text):
    out, cur = [], []
    for c in text.lower():
        if c.isalpha():
            cur.append(c)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def features(text):
    """The set of features of a text; must match `features` in src/stages/lang/group.rs."""
    out = set()
    for w in words(text):
        out.add("w:" + w)
        padded = " " + w + " "
        for n in range(1, 5):
            for i in range(len(padded) - n + 1):
                gram = padded[i:i + n]
                if gram != " ":
                    out.add(gram)
    return out


def load(lang):
    """Tune rows (kind, text, fold): folds are contiguous fifths of each file, as the files are sorted."""
    rows = []
    for kind, name in FILES:
        path = os.path.join(DATA, lang, name)
        lines = [l for l in open(path, encoding="utf-8").read().splitlines()[:TUNE_LINES] if l.strip()]
        rows += [(kind, l, i * 5 // len(lines)) for i, l in enumerate(lines)]
        if kind == "sentence":
            rows += [("paragraph", " ".join(lines[i:i + 5]), i * 5 // len(lines)) for i in range(0, len(lines) - 4, 5)]
    return rows


def training_texts(cls, rows_of):
    """Paragraphs are joined sentences, so they are never trained on."""
    return [t for kind, t, _ in rows_of(cls.split("-")[0]) if kind != "paragraph"]


def fit(group, texts_by_lang):
    count = {l: collections.Counter() for l in group}
    total = {}
    df = collections.Counter()
    for l in group:
        for t in texts_by_lang[l]:
            f = features(t)
            count[l].update(f)
            df.update(f)
        total[l] = sum(count[l].values())
    vocab = [g for g, n in df.items() if n >= MIN_DF]
    v = len(vocab)
    weights = {}
    for g in vocab:
        logp = [math.log(count[l][g] + ALPHA) - math.log(total[l] + ALPHA * v) for l in group]
        mean = sum(logp) / len(logp)
        weights[g] = [x - mean for x in logp]
    ranked = sorted(vocab, key=lambda g: (-(max(weights[g]) - min(weights[g])) * df[g], g))
    return {g: [round(x, 3) for x in weights[g]] for g in ranked[:TOP_K]}


def is_cyrillic(text):
    return any("\u0400" <= c <= "\u04ff" for c in text)


def decide(group, model, text, prior=None, current=None):
    """As GroupModel::decide: a class learnt in one script only judges that script; ties keep
    `current`; `current` outside the eligible classes is kept."""
    prior = prior or {}
    eligible = [i for i, c in enumerate(group)
                if not c.endswith("-Cyrillic") or is_cyrillic(text)]
    score = [prior.get(c, 0.0) for c in group]
    for g in features(text):
        w = model.get(g)
        if w:
            score = [s + x for s, x in zip(score, w)]
    if current is not None:
        now = [i for i in eligible if group[i].split("-")[0] == current]
        if not now:
            return current
        best = now[0]
    else:
        best = eligible[0]
    for i in eligible:
        if score[i] > score[best]:
            best = i
    return group[best]


def cross_validate():
    for group in GROUPS:
        langs = sorted({c.split("-")[0] for c in group})
        rows = {l: load(l) for l in langs}
        right, total = collections.Counter(), collections.Counter()
        for fold in range(5):
            train = {c: training_texts(c, lambda l: [r for r in rows[l] if r[2] != fold]) for c in group}
            model = fit(group, train)
            for l in langs:
                for kind, text, f in rows[l]:
                    if f == fold:
                        total[kind] += 1
                        right[kind] += decide(group, model, text).split("-")[0] == l
        print("/".join(group), " | ".join(f"{k} {100 * right[k] / total[k]:.1f} ({right[k]}/{total[k]})"
                                          for k in KINDS), file=sys.stderr)


def cross_validate_with_stage(dump):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import fit_pairs

    rows = fit_pairs.load(dump)
    # The dump lists the tune texts in `run`'s order: languages sorted, then words, pairs, sentences
    # and paragraphs; rebuild that order to give each row its text and fold.
    texts = []
    for lang in sorted(os.listdir(DATA)):
        by_kind = collections.defaultdict(list)
        for kind, text, fold in load(lang):
            by_kind[kind].append((text, fold))
        for kind in KINDS:
            texts += by_kind[kind]
    if len(texts) != len(rows):
        sys.exit(f"{dump} has {len(rows)} rows, the tune part {len(texts)} texts: dump it again")
    for r, (text, fold) in zip(rows, texts):
        r["text"], r["fold"] = text, fold
    stage = fit_pairs.decide_with(fit_pairs.fit(rows))
    for weight in [0, 5, 10, 20, 40]:
        before, after, total = collections.Counter(), collections.Counter(), collections.Counter()
        for group in GROUPS:
            langs = sorted({c.split("-")[0] for c in group})
            data = {l: load(l) for l in langs}
            for fold in range(5):
                model = fit(group, {c: training_texts(c, lambda l: [r for r in data[l] if r[2] != fold])
                                    for c in group})
                for r in rows:
                    if r["gold"] not in langs or r["fold"] != fold:
                        continue
                    got = stage(r)
                    total[r["kind"]] += 1
                    before[r["kind"]] += got == r["gold"]
                    # As the stage does: a single word is left to lingua, paragraphs take CLD2's
                    # path (no lingua), Serbian only in Cyrillic.
                    if got in langs and len(r["text"].split()) > 1:
                        conf = dict(r["lingua"])
                        w = 0 if r["kind"] == "paragraph" else weight
                        got = decide(group, model, r["text"], {c: w * conf.get(c.split("-")[0], 0) for c in group},
                                     got).split("-")[0]
                    after[r["kind"]] += got == r["gold"]
        print(f"W_LINGUA_IN_GROUP {weight}: right in the groups, stage -> with group model: " +
              " | ".join(f"{k} {before[k]} -> {after[k]} of {total[k]}" for k in KINDS), file=sys.stderr)


def main():
    if "--cv" in sys.argv and "--dump" in sys.argv:
        cross_validate_with_stage(sys.argv[sys.argv.index("--dump") + 1])
        return
    if "--cv" in sys.argv:
        cross_validate()
        return
    print("# Group models of the language stage (src/stages/lang/group.rs), written by")
    print("# benches/langid-compare/fit_groups.py from the tune part of ../shared/data/langid (first %d" % TUNE_LINES)
    print("# lines of each file). `group` starts a group and names its classes (`sr-Cyrillic`: Serbian, judged on")
    print("# Cyrillic text only); each following line is a")
    print("# feature (`w:` + a word, or a character 1-4-gram of a space-padded word) and, per language, its")
    print("# naive Bayes log-probability minus the group mean. alpha %s, top %d features, df >= %d." % (ALPHA, TOP_K, MIN_DF))
    for group in GROUPS:
        model = fit(group, {c: training_texts(c, load) for c in group})
        print("group\t" + "\t".join(group))
        for g, w in model.items():
            print(g + "\t" + "\t".join(f"{x:g}" for x in w))


if __name__ == "__main__":
    main()
