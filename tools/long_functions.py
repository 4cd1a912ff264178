#!/usr/bin/env python3
"""Lists C++ functions longer than a screen and files longer than the limit.

The project's rule (HELPERS.md, issue 10): functions <= ~1 screen, hard max
120 lines; source files <= 800 lines. Run from the repository root:

    python3 tools/long_functions.py            # src/, default limits
    python3 tools/long_functions.py --max-function 60 src/ingest

Prints `path:line: function NAME is N lines` and `path: file is N lines`
for every breach, and exits 1 when there is one (0 otherwise), so that it
can run in CI. A "function" is a brace block whose header ends in `)`
(optionally followed by const/noexcept/override/-> type/initialisers) and
is not an if/for/while/switch/catch; lambdas and local classes are counted
as part of the function around them. Tables of data (brace blocks whose
header ends in `=`) are not functions.
"""
import argparse
import os
import re
import sys

CONTROL = re.compile(r"\b(if|for|while|switch|catch|do|else|try)\s*(\(.*\))?\s*$", re.S)


def strip(text):
    """Blanks out comments, string and character literals (keeps newlines)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == 'R' and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == '_')):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c)
                i += 1
                continue
            end = text.find(")" + m.group(1) + '"', i)
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + " " * (min(j, n) - i - 1) + (c if j < n else ""))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def header_name(header):
    """The function's name from the text before its `{`, or None."""
    h = " ".join(header.split())
    if not h or h.endswith("=") or CONTROL.search(h) or h.endswith("]"):
        return None
    # Strip trailing qualifiers and constructor initialiser lists.
    h = re.sub(r"\s*(const|noexcept|override|final|mutable)\s*$", "", h)
    h = re.sub(r"\s*->\s*[\w:<>,\s*&]+$", "", h)
    if ")" not in h:
        return None
    # Constructor initialiser list: `X(args) : a_(..), b_(..)`.
    depth, cut = 0, None
    for k, ch in enumerate(h):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == ":" and depth == 0 and h[k - 1:k + 1] != "::" and h[k:k + 2] != "::" and cut is None:
            if ")" in h[:k]:
                cut = k
    if cut is not None:
        h = h[:cut].rstrip()
    h = re.sub(r"\s*(const|noexcept|override|final)\s*$", "", h)
    if not h.endswith(")"):
        return None
    depth = 0
    for k in range(len(h) - 1, -1, -1):
        if h[k] == ")":
            depth += 1
        elif h[k] == "(":
            depth -= 1
            if depth == 0:
                m = re.search(r"([~\w:]+(?:<[^<>]*>)?|operator\s*\S+)\s*$", h[:k])
                if not m or m.group(1) in ("if", "for", "while", "switch", "catch", "return"):
                    return None
                return m.group(1)
    return None


def functions(path):
    text = strip(open(path, encoding="utf-8", errors="replace").read())
    found = []
    stack = []  # (is_function, name, start line)
    start = 0   # start of the current header (after the last ; { or })
    line = 1
    header_line = 1
    for k, ch in enumerate(text):
        if ch == "\n":
            line += 1
            continue
        if ch == "{":
            header = text[start:k]
            inside = any(f for f, _, _ in stack)
            name = None if inside else header_name(header)
            first = header_line + len(header) - len(header.lstrip()) and \
                header_line + header[:len(header) - len(header.lstrip())].count("\n")
            stack.append((name is not None, name, first))
            start, header_line = k + 1, line
        elif ch == "}":
            if stack:
                is_fn, name, first = stack.pop()
                if is_fn:
                    found.append((name, first, line - first + 1))
            start, header_line = k + 1, line
        elif ch == ";":
            start, header_line = k + 1, line
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", default=["src"])
    ap.add_argument("--max-function", type=int, default=120)
    ap.add_argument("--max-file", type=int, default=800)
    args = ap.parse_args()
    files = []
    for p in args.paths:
        if os.path.isfile(p):
            files.append(p)
        for root, _, names in os.walk(p):
            files += [os.path.join(root, f) for f in names if f.endswith((".cpp", ".hpp", ".h", ".cc"))]
    bad = 0
    for f in sorted(files):
        n = sum(1 for _ in open(f, encoding="utf-8", errors="replace"))
        if n > args.max_file:
            print(f"{f}: file is {n} lines (max {args.max_file})")
            bad += 1
        for name, first, length in functions(f):
            if length > args.max_function:
                print(f"{f}:{first}: function {name} is {length} lines (max {args.max_function})")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
