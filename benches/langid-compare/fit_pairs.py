#!/usr/bin/env python3
"""Fits the language stage's close-pair table (src/stages/lang/close-pairs.tsv) and its vote weights.

Input: the evidence dump of the tune part, `benches/langid-compare/run --part tune --dump FILE`
(one line per text: kind, gold, CLD2's answer/reliability/share, lingua's best three with
confidences, letters, whatlang's answer and confidence). Output: the table on stdout and the
accuracy per length on stderr, before and after. Only the tune part is ever read here; the check
part is for reporting (`run --part check`).

Usage: benches/langid-compare/fit_pairs.py /tmp/tune.tsv > src/stages/lang/close-pairs.tsv
"""
import collections
import sys

KINDS = ["single word", "word pair", "sentence", "paragraph"]
# Soft vote: lingua's confidence + CLD2 (bonus when reliable, plus its share) + whatlang's confidence.
W_CLD2_RELIABLE, W_CLD2_SHARE, W_WHATLANG = 0.05, 0.1, 0.1
MIN_GAIN = 5  # a pair enters the table only if it mends at least this many tune texts


def load(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        r = line.rstrip("\n").split("\t")
        rows.append(dict(kind=r[0], gold=r[1], cld2=r[2], reliable=r[3] == "true", share=int(r[4]),
                         lingua=[(r[7], float(r[8])), (r[9], float(r[10])), (r[11], float(r[12]))],
                         whatlang=r[14], whatlang_conf=float(r[15])))
    return rows


def soft(r):
    score = collections.defaultdict(float)
    for lang, conf in r["lingua"]:
        score[lang] += conf
    if r["cld2"] != "und":
        score[r["cld2"]] += (W_CLD2_RELIABLE if r["reliable"] else 0) + W_CLD2_SHARE * r["share"] / 100
    if r["whatlang"] != "und":
        score[r["whatlang"]] += W_WHATLANG * r["whatlang_conf"]
    return max(score.items(), key=lambda kv: kv[1])[0]


def accuracy(decide, rows):
    right = collections.Counter(r["kind"] for r in rows if decide(r) == r["gold"])
    total = collections.Counter(r["kind"] for r in rows)
    return " | ".join(f"{k} {100 * right[k] / total[k]:.2f}" for k in KINDS if total[k])


def top_two(r):
    return frozenset((r["lingua"][0][0], r["lingua"][1][0]))


def fit(rows):
    short = [r for r in rows if r["kind"] != "paragraph"]
    confused = collections.Counter(frozenset((r["gold"], soft(r))) for r in short if soft(r) != r["gold"])
    table = {}
    for pair, n in confused.most_common(40):
        if n < 10 or len(pair) != 2:
            continue
        a, b = sorted(pair)
        texts = [r for r in short if r["gold"] in pair and top_two(r) == pair]

        def lead(r):
            conf = dict(r["lingua"])
            return conf.get(a, 0) - conf.get(b, 0)

        before = sum(soft(r) == r["gold"] for r in texts)
        options = [(sum((a if lead(r) >= t / 100 else b) == r["gold"] for r in texts), -abs(t), f"{t / 100:+.2f}")
                   for t in range(-50, 51)]
        options.append((sum((r["cld2"] if r["cld2"] in pair else soft(r)) == r["gold"] for r in texts), 1, "cld2"))
        after, _, rule = max(options)
        if after - before >= MIN_GAIN:
            table[(a, b)] = (rule, before, after, len(texts))
    return table


def decide_with(table):
    def decide(r):
        pair = top_two(r)
        entry = table.get(tuple(sorted(pair)))
        if entry is None:
            return soft(r)
        a, b = sorted(pair)
        if entry[0] == "cld2":
            return r["cld2"] if r["cld2"] in pair else soft(r)
        conf = dict(r["lingua"])
        return a if conf.get(a, 0) - conf.get(b, 0) >= float(entry[0]) else b
    return decide


def main():
    rows = load(sys.argv[1])
    table = fit(rows)
    print(accuracy(lambda r: r["lingua"][0][0], rows), "(lingua alone)", file=sys.stderr)
    print(accuracy(soft, rows), "(soft vote)", file=sys.stderr)
    print(accuracy(decide_with(table), rows), "(soft vote + close pairs)", file=sys.stderr)
    print("# Close language pairs, where the soft vote of lingua, CLD2 and whatlang is biased: when lingua's")
    print("# best two are `a` and `b`, the rule decides. A number t: `a` if confidence(a) - confidence(b) >= t.")
    print("# `cld2`: CLD2's answer if it names one of the two (it separates hi/mr and nb/nn far better).")
    print("# Fitted by benches/langid-compare/fit_pairs.py on the tune part of ../shared/data/langid (first")
    print("# 150 lines of each file); kept only where it mended >= %d texts." % MIN_GAIN)
    print("# a\tb\trule\t# right among tune texts whose lingua top two were a and b: vote -> rule, of n")
    for (a, b), (rule, before, after, n) in sorted(table.items(), key=lambda kv: -(kv[1][2] - kv[1][1])):
        print(f"{a}\t{b}\t{rule}\t# {before} -> {after} of {n}")


if __name__ == "__main__":
    main()
