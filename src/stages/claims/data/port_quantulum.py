#!/usr/bin/env python3
"""Ports quantulum3's unit catalogue (MIT, see LICENSE-quantulum3) into the rows of units.tsv.

    pip download --no-deps quantulum3==0.10.0 && unzip quantulum3-*.whl
    python3 port_quantulum.py quantulum3 existing-patterns.txt > ported.tsv

Why quantulum3: the CQE benchmark's `normalized_unit` names are quantulum3's unit names ("pound-mass",
"kilometre per hour", "metric ton"), so its catalogue gives both surface forms and the names the
convention expects. What is left out and why:
- currencies and dimensionless units: units.tsv's own rows cover them with news-specific forms
  (quantulum's "pound", "real", "won", "rand" surfaces are ordinary words after a number);
- one-letter symbols ("A", "J", "W", "V" alone) and symbols or single-word surfaces that are common
  English words (quantulum's own common-words list: "in", "at", "bar", "stone"): after a number they
  are far more often the next word than a unit;
- forms an existing row already matches (the earlier row wins, so a port never renames a unit).
"""
import json
import re
import sys

# The units news writes about (energy, power, frequency, data, speed, area, volume, mass, pressure,
# radiation), by quantulum3 name; the rest of its 300 (barns, cubits, attometres) would only turn
# ordinary abbreviations after a number ("5 am", "FM") into units.
KEEP = {
    "light-year", "yard", "short ton", "long ton", "carat", "bushel", "cubic kilometre",
    "cubic centimetre", "hectolitre", "quart", "pint", "fluid ounce", "cubic yard", "cubic inch",
    "acre foot", "kelvin", "square yard", "square inch", "pascal", "hectopascal", "kilopascal",
    "megapascal", "gigapascal", "millibar", "pound per square inch", "joule", "kilojoule",
    "kilowatt hour", "calorie", "kilocalorie", "british thermal unit", "mega british thermal unit",
    "gigaton", "megaton", "kiloton", "therm", "watt", "milliwatt", "kilowatt", "terawatt",
    "horsepower", "newton", "kilonewton", "millisecond", "microsecond", "nanosecond", "century",
    "millennium", "fortnight", "knot", "metre per second", "foot per second", "bit", "kilobit",
    "byte", "kilobyte", "petabyte", "exabyte", "newton metre", "decibel", "hertz", "kilohertz",
    "megahertz", "gigahertz", "terahertz", "ampere", "milliampere", "kiloampere", "volt",
    "millivolt", "kilovolt", "megavolt", "becquerel", "gigabecquerel", "curie", "sievert", "gray",
    "cubic metre per second", "bit per second", "kilobit per second", "megabit per second",
    "gigabit per second", "base pair",
}
PREFIX = {"a": "atto", "f": "femto", "p": "pico", "n": "nano", "µ": "micro", "m": "milli",
          "c": "centi", "d": "deci", "k": "kilo", "M": "mega", "G": "giga", "T": "tera",
          "P": "peta", "E": "exa"}
# Two-letter symbols whose upper-case form means something else in news ("MM" is millions).
NO_UPPER = {"mm", "mg", "ms", "ml", "cm", "nm", "pm", "am", "kt", "kn", "ft", "yd", "oz", "gr"}


def spelled(word):
    """British and American spellings, as one regex fragment."""
    w = re.escape(word)
    w = w.replace("metre", "met(?:re|er)").replace("meter", "met(?:re|er)")
    w = w.replace("litre", "lit(?:re|er)").replace("liter", "lit(?:re|er)")
    return w.replace(r"\ ", " ").replace(r"\-", "-")


def plural(surface):
    """A surface with its plural: the last word of the head takes -s/-es ("foot per second")."""
    words = surface.split(" ")
    head = words.index("per") - 1 if "per" in words else len(words) - 1
    w = words[head]
    if w == "foot":
        words[head] = "(?:foot|feet)"
    elif w in ("hertz", "horsepower") or w.endswith("s"):
        words[head] = spelled(w)
    elif w.endswith(("x", "ch", "sh")):
        words[head] = spelled(w) + "(?:es)?"
    elif w.endswith("y") and w[-2:-1] not in "aeiou":
        words[head] = spelled(w[:-1]) + "(?:y|ies)"
    else:
        words[head] = spelled(w) + "s?"
    return " ".join(words[:head] and [spelled(x) for x in words[:head]] or []) + \
        (" " if head else "") + " ".join(words[head:head + 1] + [spelled(x) for x in words[head + 1:]])


def main():
    root, existing_file = sys.argv[1], sys.argv[2]
    units = json.load(open(f"{root}/units.json"))
    common = set()
    for words in json.load(open(f"{root}/_lang/en_US/common-words.json")).values():
        common.update(words)
    existing = [re.compile(f"(?:{p})", re.I) for p in open(existing_file).read().splitlines() if p]
    taken = lambda form: any(p.fullmatch(form) for p in existing)
    rows = []
    for name, spec in units.items():
        entity = spec.get("entity")
        variants = [(name, spec.get("surfaces", []), spec.get("symbols", []))]
        for p in spec.get("prefixes") or []:
            if p in PREFIX:
                variants.append((PREFIX[p] + name, [PREFIX[p] + s for s in spec.get("surfaces", [])],
                                 [p + s for s in spec.get("symbols", [])]))
        for uname, surfaces, symbols in variants:
            if uname not in KEEP:
                continue
            forms = []
            for s in surfaces:
                s = s.lower()
                if (" " not in s and s in common and s not in KEEP) or taken(s) or taken(s + "s"):
                    continue
                forms.append(plural(s))
            for sym in symbols:
                if len(sym) < 2 or sym in common or taken(sym):
                    continue
                forms.append(f"(?-i:{re.escape(sym)})")
                up = sym.upper()
                if up != sym and sym.lower() not in NO_UPPER and len(sym) >= 2:
                    forms.append(f"(?-i:{re.escape(up)})")
            if not forms:
                continue
            kind = "Duration" if entity == "time" else "Measure"
            uid = next((s for s in symbols if len(s) >= 2), uname.replace(" ", "_"))
            rows.append(("|".join(dict.fromkeys(forms)), uid, uname, kind))
    for r in rows:
        print("\t".join(r))


main()
