#!/usr/bin/env python3
"""Compares two multi-document manifests object by object and field by field.

usage: compare.py EXPECTED ACTUAL [--quiet] [--component-filter KIND,...]
Prints missing/extra objects and differing fields, then a summary line
`objects matched/total, fields matched/total`. Labels and fields in
testdata/parity/allow-list.yaml are ignored. Exit 0 when identical (modulo allow-list)."""
import json, os, sys, yaml

here = os.path.dirname(os.path.abspath(__file__))
allow = yaml.safe_load(open(os.path.join(here, "..", "testdata", "parity", "allow-list.yaml")))
ignored_labels = set((allow.get("labels") or {}).keys())
added_labels = set((allow.get("added_labels") or {}).keys())
ignored_fields = {}
for key, paths in (allow.get("fields") or {}).items():
    kind, _, name = key.partition("/")
    ignored_fields[(kind, name)] = set(paths)

def fields_ignored(key):
    kind, _, name = key
    out = set()
    for (k, n), paths in ignored_fields.items():
        if (k in ("*", kind)) and (n in ("*", name) or name.startswith(n + "-")):
            out |= paths
    return out

def load(path):
    docs = {}
    with open(path) as f:
        for d in yaml.safe_load_all(f):
            if not d:
                continue
            md = d.get("metadata", {})
            key = (d.get("kind"), md.get("namespace") or "", md.get("name"))
            docs[key] = d
    return docs

def strip_added(expected, actual):
    """Drops labels meshctl adds where istioctl has none (added_labels)."""
    for path in (("metadata",), ("spec", "template", "metadata")):
        e, a = expected, actual
        for p in path:
            e = e.get(p, {}) if isinstance(e, dict) else {}
            a = a.get(p, {}) if isinstance(a, dict) else {}
        el, al = e.get("labels") or {}, a.get("labels")
        if isinstance(al, dict):
            for k in list(al):
                if k in added_labels and k not in el:
                    del al[k]
            if not al:
                del a["labels"]

def strip(obj):
    for holder in (obj.get("metadata", {}), obj.get("spec", {}).get("template", {}).get("metadata", {}) if isinstance(obj.get("spec"), dict) else {}):
        labels = holder.get("labels")
        if isinstance(labels, dict):
            for k in list(labels):
                if k in ignored_labels:
                    del labels[k]
            if not labels:
                del holder["labels"]
    return obj

def leaves(v, path=""):
    if isinstance(v, dict):
        if not v:
            yield path, {}
        for k, x in v.items():
            yield from leaves(x, f"{path}.{k}" if path else str(k))
    elif isinstance(v, list):
        if not v:
            yield path, []
        for i, x in enumerate(v):
            yield from leaves(x, f"{path}[{i}]")
    else:
        yield path, v

def compare(exp, act):
    """Compares two {key: object} maps (as `load` returns; both are modified in place).

    Returns a dict: objects_ok, objects_total, fields_ok, fields_total, missing and extra (lists of
    keys), unexpected (fields meshctl has and istioctl does not), diffs ({key: [line, ...]})."""
    r = {"objects_ok": 0, "objects_total": len(exp), "fields_ok": 0, "fields_total": 0,
         "missing": [], "extra": [k for k in sorted(act, key=str) if k not in exp],
         "unexpected": 0, "diffs": {}}
    for key in sorted(exp, key=str):
        e = dict(leaves(strip(exp[key])))
        r["fields_total"] += len(e)
        if key not in act:
            r["missing"].append(key)
            continue
        r["objects_ok"] += 1
        strip_added(exp[key], act[key])
        a = dict(leaves(strip(act[key])))
        skip = fields_ignored(key)
        if skip:
            e = {p: v for p, v in e.items() if p not in skip}
            a = {p: v for p, v in a.items() if p not in skip}
            r["fields_total"] -= len(dict(leaves(strip(exp[key])))) - len(e)
        diffs = []
        for p, v in e.items():
            if p in a and a[p] == v:
                r["fields_ok"] += 1
            else:
                diffs.append(f"  {p}: expected {json.dumps(v)[:200]} got {json.dumps(a.get(p, '<absent>'))[:200]}")
        for p in a:
            if p not in e:
                r["unexpected"] += 1
                diffs.append(f"  {p}: unexpected {json.dumps(a[p])[:200]}")
        if diffs:
            r["diffs"][key] = diffs
    return r

def identical(r):
    return (r["objects_ok"] == r["objects_total"] and r["fields_ok"] == r["fields_total"]
            and not r["extra"] and not r["unexpected"])

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quiet = "--quiet" in sys.argv
    r = compare(load(args[0]), load(args[1]))
    if not quiet:
        for key in r["missing"]:
            print(f"MISSING {key}")
        for key, diffs in r["diffs"].items():
            print(f"DIFF {key}")
            print("\n".join(diffs[:60]))
            if len(diffs) > 60: print(f"  ... {len(diffs)-60} more")
        for key in r["extra"]:
            print(f"EXTRA {key}")
    print(f"objects {r['objects_ok']}/{r['objects_total']}, fields {r['fields_ok']}/{r['fields_total']}")
    sys.exit(0 if identical(r) else 1)

if __name__ == "__main__":
    main()
