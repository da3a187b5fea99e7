#!/usr/bin/env python3
"""Where the bytes of a .wasm go: section sizes (wabt's wasm-objdump -h) and function body sizes
(wasm-objdump -x on a copy linked with --profiling-funcs, so functions have names), largest first,
and code grouped by where it comes from (ImGui, SDL2, JSON, the app, the C/C++ runtime).
    wasm_breakdown.py APP.wasm NAMED.wasm UNINLINED.wasm [GROUP=LIB.a ...] > breakdown.json
NAMED.wasm is linked like APP.wasm plus --profiling-funcs; UNINLINED.wasm the same at link -O0, where
binaryen has not inlined functions across libraries (at -Os it folds every function with one caller
into it: the whole UI ends up inside the main loop), so the grouping is done on it and given as shares.
Each GROUP=LIB.a names a static library: functions it defines (llvm-nm) count towards that group;
the rest are matched by name (the C and C++ runtimes, emscripten's glue)."""
import json
import re
import subprocess
import sys

shipped = sys.argv[1]
named = sys.argv[2] if len(sys.argv) > 2 else shipped
uninlined = sys.argv[3] if len(sys.argv) > 3 else named
libraries = [a.split("=", 1) for a in sys.argv[4:]]


def objdump(*args):
    return subprocess.run(["wasm-objdump", *args], check=True, capture_output=True, text=True).stdout


sections = []
for line in objdump("-h", shipped).splitlines():
    m = re.match(r'\s*(\w+) start=0x[0-9a-f]+ end=0x[0-9a-f]+ \(size=0x([0-9a-f]+)\)\s*(?:"(.*?)")?\s*(?:count: (\d+))?', line)
    if m:
        kind, size, name, count = m.groups()
        label = kind if kind != "Custom" else f"Custom \"{(name or '').strip()}\""
        sections.append({"name": label + (f" ({count})" if count else ""), "size": int(size, 16)})
sections.sort(key=lambda s: -s["size"])

def function_sizes(wasm):
    out = []
    for line in objdump("-x", "-j", "Code", wasm).splitlines():
        m = re.match(r"\s*- func\[(\d+)\] size=(\d+)(?: <(.*)>)?", line)
        if m:
            index, size, name = m.groups()
            out.append({"name": name or f"func[{index}]", "size": int(size)})
    return sorted(out, key=lambda f: -f["size"])


functions = function_sizes(named)

def defined_names(archive):
    out = subprocess.run(["/usr/lib/llvm-14/bin/llvm-nm", "-C", "--defined-only", archive],
                         capture_output=True, text=True).stdout
    names = set()
    for line in out.splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3 and parts[1] in ("T", "t", "W", "w"):
            names.add(parts[2])
    return names


owners = [(group, defined_names(archive)) for group, archive in libraries]
fallback = [
    ("Dear ImGui", re.compile(r"ImGui|^Im[A-Z]|stbtt|stbrp|stb_")),
    ("SDL2", re.compile(r"SDL")),
    ("nlohmann/json", re.compile(r"nlohmann")),
    ("C++ library (std::)", re.compile(r"std::|^operator new|^operator delete|__cxa|__cxx")),
]
totals = {}
# Template code (JSON, the C++ library) is compiled into whichever library uses it: named first.
templates = [("nlohmann/json", re.compile(r"nlohmann")), ("C++ library (std::)", re.compile(r"^std::|^void std::|^bool std::|^operator new|^operator delete|__cxa|__cxx"))]
for f in functions:
    group = next((g for g, pattern in templates if pattern.search(f["name"])), None)
    if group is None:
        group = next((g for g, names in owners if f["name"] in names), None)
    if group is None:
        group = next((g for g, pattern in fallback if pattern.search(f["name"])), "C library, emscripten glue, other")
    totals[group] = totals.get(group, 0) + f["size"]
code_total = sum(totals.values()) or 1
groups = [{"name": k, "size": v, "share": round(100 * v / code_total, 1)} for k, v in sorted(totals.items(), key=lambda kv: -kv[1])]

json.dump({"file": shipped, "named_copy": named, "sections": sections, "functions": functions[:60],
           "function_count": len(functions), "code_bytes": sum(f["size"] for f in functions),
           "groups_from": uninlined, "groups": groups}, sys.stdout, indent=1)
