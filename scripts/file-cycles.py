#!/usr/bin/env python3
"""Fails when the source files of a crate depend on each other in a cycle.

Why: a module that reaches into a module which reaches back is one module in two files; a change
to either touches both, and neither can move to another crate alone. We keep every crate's files
a directed acyclic graph, with one exception: the crate root (lib.rs / main.rs), which declares
the modules and re-exports their types, may be used by them (`crate::Store`) without that counting
as a cycle, because declaring a module is not depending on it.

An edge A -> B is drawn when file A names a path into module B written from the crate root or
relative to A (`crate::b::…`, `super::…`, `self::…`, also inside `use …::{…}` groups), resolved to
the longest module that exists. A parent's bare paths into the children it declares are not
followed: a parent and its children are one unit. Comments, strings and the
`#[cfg(test)] mod … { … }` block are ignored.

    scripts/file-cycles.py              every crate of the workspace; exit 1 on any cycle
    scripts/file-cycles.py --graph CRATE   print the edges of one crate
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRATES = {"brokerdesk": ROOT / "src-tauri"} | {
    p.name: p / "src" for p in sorted((ROOT / "crates").iterdir()) if (p / "src").is_dir()
}


def strip(text):
    """Source without comments, string and char literals, and the test module."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif c == "r" and re.match(r'r#*"', text[i:]) and not (i and (text[i - 1].isalnum() or text[i - 1] == "_")):
            hashes = re.match(r"r(#*)", text[i:]).group(1)
            j = text.find('"' + hashes, i + 2 + len(hashes))
            i = n if j < 0 else j + 1 + len(hashes)
            out.append('""')
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            out.append('""')
        elif c == "'" and re.match(r"'(\\.|[^\\'])'", text[i:]):
            i += len(re.match(r"'(\\.|[^\\'])'", text[i:]).group(0))
        else:
            out.append(c)
            i += 1
    text = "".join(out)
    test = re.search(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", text)
    if test:
        depth, i = 1, test.end()
        while i < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        text = text[: test.start()] + text[i:]
    return text


def modules(src):
    """Module path (tuple) -> file, for every .rs file under `src`."""
    found = {}
    for f in src.rglob("*.rs"):
        rel = f.relative_to(src).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] in ("lib", "main", "mod"):
            parts = parts[:-1]
        if f.parent.name == "tests" or "tests" in rel.parts[:-1]:
            continue
        if f.name == "build.rs" and src.name == "src-tauri":
            continue
        found.setdefault(tuple(parts), f)
    return found


def edges(src):
    mods = modules(src)
    out = {}
    for path, f in mods.items():
        text = strip(f.read_text())
        refs = set()
        for m in re.finditer(r"\b(crate|super|self)((?:::\w+)+)", text):
            head, rest = m.group(1), m.group(2).split("::")[1:]
            base = () if head == "crate" else path[:-1] if head == "super" else path
            refs.add(base + tuple(rest))
        # `use crate::{a, b::c}`: names inside braces after a module path.
        for m in re.finditer(r"\b(crate|super)::((?:\w+::)*)\{([^;]*?)\}\s*;", text):
            head = m.group(1)
            base = () if head == "crate" else path[:-1]
            prefix = tuple(p for p in m.group(2).split("::") if p)
            for item in re.split(r"[,{}]", m.group(3)):
                item = item.strip().split(" as ")[0]
                if item and item != "self":
                    refs.add(base + prefix + tuple(item.split("::")))
        targets = set()
        for ref in refs:
            target = ()
            for n in range(len(ref), -1, -1):
                if ref[:n] in mods:
                    target = ref[:n]
                    break
            if target != path and target != ():
                targets.add(target)
        out[path] = targets
    return mods, out


def cycles(graph):
    """Strongly connected components of more than one file (Tarjan)."""
    index, low, stack, on, comps, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    sys.setrecursionlimit(10_000)
    for v in graph:
        if v not in index:
            visit(v)
    return comps


def name(path):
    return "::".join(path) or "(root)"


def main(argv):
    if len(argv) == 2 and argv[0] == "--graph":
        _, graph = edges(CRATES[argv[1]])
        for a in sorted(graph):
            for b in sorted(graph[a]):
                print(f"{name(a)} -> {name(b)}")
        return 0
    failed = False
    for crate, src in CRATES.items():
        _, graph = edges(src)
        for comp in cycles(graph):
            failed = True
            members = set(comp)
            print(f"{crate}: cycle between {', '.join(name(c) for c in comp)}")
            for a in comp:
                for b in sorted(graph[a] & members):
                    print(f"    {name(a)} -> {name(b)}")
    if not failed:
        print(f"no cycles between the files of {len(CRATES)} crates")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
