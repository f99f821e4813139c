#!/usr/bin/env python3
"""Derive factdiff's word-relation table from Princeton WordNet 3.0.

Usage: python3 derive_wordnet.py [WORDNET_DICT_DIR] > wordnet.tsv

WORDNET_DICT_DIR defaults to /usr/share/wordnet (Debian's `wordnet-base`).
Only words and their relations are kept, never glosses or example sentences.
The output (see WORDNET-LICENSE for the database's licence) has three sections:

  S lines, one per synset, in index order (line k is synset k):
      S <pos><lexfile> <hypernyms> <antonyms> <heads> <pertains>
    pos is n, v, a (adjectives, satellites included) or r; lexfile is the
    lexicographer file number (noun.person = 18, ...); each list is comma
    separated synset indexes, or '-' when empty. hypernyms include instance
    hypernyms; heads are the head adjectives a satellite is similar to;
    antonyms are lifted from word senses to their synsets; pertains links
    an adjective or adverb to the noun or adjective it derives from
    ("Italian" -> "Italy", "northern" -> "north"), lifted likewise.
  W lines, one per lemma (lower case, '_' for spaces):
      W <lemma> <synset> <synset> ...   (most frequent sense first, per pos
    in the order n, v, a, r)
  X lines, WordNet's irregular inflections:
      X <inflected> <base>
"""
import os
import sys

POS = [("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")]


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    index = {}  # (pos, offset) -> synset index
    synsets = []  # [pos, lexfile, hypers, ants, heads] with (pos, offset) refs
    for name, p in POS:
        with open(os.path.join(root, f"data.{name}"), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue  # licence header
                fields = line.split(" | ")[0].split()
                offset, lexfile, ss_type = fields[0], int(fields[1]), fields[2]
                w_cnt = int(fields[3], 16)
                k = 4 + 2 * w_cnt
                p_cnt = int(fields[k])
                hypers, ants, heads, pert = [], [], [], []
                for i in range(p_cnt):
                    sym, off, tpos = fields[k + 1 + 4 * i : k + 4 + 4 * i]
                    tpos = "a" if tpos == "s" else tpos
                    ref = (tpos, off)
                    if sym in ("@", "@i"):
                        hypers.append(ref)
                    elif sym == "!":
                        ants.append(ref)
                    elif sym == "&" and ss_type == "s":
                        heads.append(ref)
                    elif sym == "\\":
                        pert.append(ref)
                index[(p, offset)] = len(synsets)
                synsets.append((p, lexfile, hypers, ants, heads, pert))
    out = sys.stdout
    out.write("# Derived from Princeton WordNet 3.0 by assets/lexicon/derive_wordnet.py;\n")
    out.write("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
    out.write("# Licence: assets/lexicon/WORDNET-LICENSE.\n")

    def refs(lst):
        ids = sorted({index[r] for r in lst if r in index})
        return ",".join(map(str, ids)) if ids else "-"

    for p, lexfile, hypers, ants, heads, pert in synsets:
        out.write(f"S {p}{lexfile} {refs(hypers)} {refs(ants)} {refs(heads)} {refs(pert)}\n")
    lemmas = {}
    for name, p in POS:
        with open(os.path.join(root, f"index.{name}"), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split()
                lemma = fields[0].lower()
                p_cnt = int(fields[3])
                offsets = fields[4 + p_cnt + 2 :]
                lemmas.setdefault(lemma, []).extend(index[(p, o)] for o in offsets)
    for lemma in sorted(lemmas):
        out.write(f"W {lemma} {' '.join(map(str, lemmas[lemma]))}\n")
    seen = set()
    for name, _ in POS:
        with open(os.path.join(root, f"{name}.exc"), encoding="latin-1") as f:
            for line in f:
                parts = line.split()
                for base in parts[1:]:
                    if (parts[0], base) not in seen:
                        seen.add((parts[0], base))
                        out.write(f"X {parts[0]} {base}\n")


if __name__ == "__main__":
    main()
