#!/usr/bin/env python3
"""Fails when the same run of code lines stands in two places under a folder (kiosk/ in CI).

A guard against copy and paste, kept to the Python standard library so CI's clean Debian machine can run it:
lines are compared after folding white space and dropping blank lines, comments, #include lines and lone
punctuation; a run of MIN_LINES or more such lines found twice is reported with both places. It finds copies
to the letter only: code repeated with other names (what the `duplicates` tool of the developers' workplace
also finds) passes here.

    python3 tests/lint/copied_code.py kiosk [--min-lines 6]
"""
import argparse
import pathlib
import re
import sys

SOURCE_SUFFIXES = {".cpp", ".hpp", ".h", ".c", ".cc"}
LONE_PUNCTUATION = re.compile(r"^[{}()\[\];,]*$")


def code_lines(path):
    """(line number, folded text) of each line that carries code."""
    out = []
    in_block_comment = False
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = raw.strip()
        if in_block_comment:
            if "*/" not in line:
                continue
            line = line.split("*/", 1)[1].strip()
            in_block_comment = False
        if line.startswith("/*") and "*/" not in line:
            in_block_comment = True
            continue
        line = re.sub(r"\s*//.*$", "", line) if not line.startswith('"') else line
        line = " ".join(line.split())
        if not line or line.startswith("#include") or line.startswith("#pragma") or LONE_PUNCTUATION.match(line):
            continue
        out.append((number, line))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--min-lines", type=int, default=6)
    args = parser.parse_args()
    n = args.min_lines
    root = pathlib.Path(args.folder)
    files = sorted(p for p in root.rglob("*") if p.suffix in SOURCE_SUFFIXES and p.is_file())
    if not files:
        print(f"{root}: no C++ files to read", file=sys.stderr)
        return 2
    seen = {}  # window of n folded lines -> (file, first line number)
    found = {}  # (file a, file b) -> [(line a, line b, end a, end b)]
    for path in files:
        lines = code_lines(path)
        for i in range(len(lines) - n + 1):
            window = tuple(text for _, text in lines[i:i + n])
            here = (path, lines[i][0], lines[i + n - 1][0])
            first = seen.setdefault(window, here)
            if first is here or (first[0] == path and first[2] >= here[1]):
                continue  # the first place, or a run overlapping itself (a repeated line)
            runs = found.setdefault((first[0], path), [])
            if runs and runs[-1][1] <= here[1] <= runs[-1][3] + 1:  # the same run, one line longer
                runs[-1] = (runs[-1][0], runs[-1][1], first[2], here[2])
            else:
                runs.append((first[1], here[1], first[2], here[2]))
    for (a, b), runs in sorted(found.items()):
        for start_a, start_b, end_a, end_b in runs:
            print(f"{a}:{start_a}-{end_a} is repeated at {b}:{start_b}-{end_b}: "
                  "make it one function both places call")
    count = sum(len(r) for r in found.values())
    print(f"{count} copied run(s) of {n}+ lines in {len(files)} files under {root}", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
