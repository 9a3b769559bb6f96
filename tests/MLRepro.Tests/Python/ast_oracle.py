"""Oracle for the differential test of mlrepro's Python summary.

Reads file paths (one per line) on stdin; for each prints one JSON line with the file's imports (as
canonical statements) and the set of call targets: dotted names of Name/Attribute call funcs, resolved
through the file's imports the way ModuleSummary.ResolveImports does (first binding in source order
wins; `import a.b` binds a; `import a.b as c` binds c -> a.b; `from .m import x as y` binds y -> .m.x).
Files that are not UTF-8 or that ast cannot parse are reported with "ok": false.
"""
import ast
import json
import sys
import warnings

warnings.simplefilter("ignore")


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def summarize(text):
    tree = ast.parse(text)
    imports = []
    nodes = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
    nodes.sort(key=lambda n: (n.lineno, n.col_offset))
    bindings = {}
    for n in nodes:
        for a in n.names:
            if isinstance(n, ast.Import):
                imports.append("import " + a.name + (" as " + a.asname if a.asname else ""))
                bound = a.asname or a.name.split(".")[0]
                qual = a.name if a.asname else a.name.split(".")[0]
            else:
                mod = n.module or ""
                imports.append("from " + "." * n.level + mod + " import " + a.name + (" as " + a.asname if a.asname else ""))
                if a.name == "*":
                    continue
                bound = a.asname or a.name
                qual = "." * n.level + (mod + "." + a.name if mod else a.name)
            bindings.setdefault(bound, qual)
    calls = set()
    for n in ast.walk(tree):
        if isinstance(n, ast.Call):
            d = dotted(n.func)
            if d is None:
                continue
            head, dot, rest = d.partition(".")
            if head in bindings:
                d = bindings[head] + dot + rest
            calls.add(d)
    return sorted(set(imports)), sorted(calls)


for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    try:
        with open(path, "rb") as f:
            data = f.read()
        text = data.decode("utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
        imports, calls = summarize(text)
        print(json.dumps({"path": path, "ok": True, "imports": imports, "calls": calls}))
    except Exception as e:  # noqa: BLE001 - any failure means "not comparable"
        print(json.dumps({"path": path, "ok": False, "error": type(e).__name__}))
