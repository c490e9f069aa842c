"""libeduplan exports exactly its public API: every dynamic symbol is a C function declared in
eduplan/c_api.h or a C++ name in namespace eduplan declared in a public header.

Usage: check_exports.py LIBRARY PUBLIC_INCLUDE_DIR
"""
import os
import re
import subprocess
import sys


def public_names(include_dir):
    """Identifiers declared in the public headers: classes, structs, functions."""
    names = set()
    for root, _, files in os.walk(include_dir):
        for f in files:
            with open(os.path.join(root, f), encoding="utf-8") as h:
                text = h.read()
            names.update(re.findall(r"\b(?:class|struct)\s+(?:EDUPLAN_EXPORT\s+)?(\w+)", text))
            names.update(re.findall(r"[\w>&*]\s+[*&]?(~?\w+)\s*\(", text))
            names.update(re.findall(r"^\s+(~?\w+)\s*\(", text, re.M))  # constructors
            names.update(re.findall(r"\b(operator\S+?)\s*\(", text))
    return names


def qualified_name(demangled):
    """'eduplan::X::f(int) const' -> ['eduplan', 'X', 'f']; prefixes like 'typeinfo for' dropped."""
    for prefix in ("typeinfo name for ", "typeinfo for ", "vtable for "):
        if demangled.startswith(prefix):
            demangled = demangled[len(prefix):]
    demangled = demangled.replace("[abi:cxx11]", "")
    depth, end = 0, len(demangled)
    for i, c in enumerate(demangled):  # cut at the parameter list, outside template brackets
        if c == "<":
            depth += 1
        elif c == ">":
            depth -= 1
        elif c == "(" and depth == 0:
            end = i
            break
    name = re.sub(r"<.*>", "", demangled[:end])
    return name.split("::")


def main(library, include_dir):
    names = public_names(include_dir)
    c_api = open(os.path.join(include_dir, "eduplan", "c_api.h"), encoding="utf-8").read()
    c_functions = set(re.findall(r"\b(eduplan_\w+)\s*\(", c_api))
    out = subprocess.run(["nm", "-D", "--defined-only", library], capture_output=True, text=True,
                         check=True).stdout
    raw = [line.split()[-1] for line in out.splitlines() if line.strip()]
    demangled = subprocess.run(["c++filt"], input="\n".join(raw), capture_output=True, text=True,
                               check=True).stdout.splitlines()
    wrong = []
    for mangled, symbol in zip(raw, demangled):
        if mangled == symbol:  # a C symbol
            if symbol not in c_functions:
                wrong.append(symbol)
            continue
        parts = qualified_name(symbol)
        if parts[0] != "eduplan" or len(parts) < 2 or not all(p in names for p in parts[1:]):
            wrong.append(symbol)
    print(f"{len(raw)} exported symbols, {len(c_functions)} C API functions declared")
    if wrong:
        print("exported but not part of the public headers:")
        for w in wrong:
            print("  " + w)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
