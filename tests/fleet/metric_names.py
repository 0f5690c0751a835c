#!/usr/bin/env python3
"""Every metric name the fleet kit's alert rules and dashboard use must be one the kiosk really writes
(read from a metrics file the built kiosk wrote) or one of node_exporter's and Prometheus' own below.

  metric_names.py KIOSK.prom RULES.yml DASHBOARD.json…

Prints each unknown name with where it is used, and exits 1 if there is any."""
import json
import re
import sys

import yaml

# Not the kiosk's: node_exporter's standard collectors (Debian's prometheus-node-exporter) and Prometheus.
OTHERS = {
    "up": "Prometheus: the scrape answered",
    "ALERTS": "Prometheus: alerts pending and firing",
    "node_filesystem_avail_bytes": "node_exporter filesystem collector",
    "node_filesystem_size_bytes": "node_exporter filesystem collector",
    "node_time_seconds": "node_exporter time collector",
    "node_boot_time_seconds": "node_exporter stat collector",
    "node_systemd_unit_state": "node_exporter systemd collector (--collector.systemd, set by roles/kiosk)",
}
KEYWORDS = {"and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left",
            "group_right", "inf", "nan"}


def names_in(expr):
    """Metric names in a PromQL expression (or a Grafana label_values() query)."""
    expr = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)               # strings
    expr = re.sub(r"\{[^}]*\}", "", expr)                          # label matchers
    expr = re.sub(r"\[[^\]]*\]", "", expr)                         # ranges
    expr = re.sub(r"\$\{?\w+\}?", "", expr)                        # Grafana variables
    expr = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", expr)
    expr = re.sub(r"label_values\s*\(\s*([A-Za-z_:][\w:]*)\s*,[^)]*\)", r"\1", expr)
    found = set()
    for m in re.finditer(r"(?<![\w.])([A-Za-z_:][\w:]*)(\s*\()?", expr):
        name, call = m.group(1), m.group(2)
        if call or name.lower() in KEYWORDS or re.fullmatch(r"\d+\w*", name):
            continue
        found.add(name)
    return found


def kiosk_names(path):
    names = set()
    for line in open(path, encoding="utf-8"):
        if line.startswith("# TYPE "):
            name, kind = line.split()[2:4]
            names.add(name)
            if kind in ("summary", "histogram"):
                names |= {name + "_sum", name + "_count"}
        elif line.strip() and not line.startswith("#"):
            names.add(re.match(r"[A-Za-z_:][\w:]*", line).group(0))
    return names


def exprs_in_dashboard(node, where="dashboard"):
    if isinstance(node, dict):
        if node.get("type") == "datasource" and "query" in node:  # a data source picker, not PromQL
            return
        for key, value in node.items():
            if key in ("expr", "query", "definition") and isinstance(value, str):
                yield where, value
            else:
                yield from exprs_in_dashboard(value, node.get("title", where) if isinstance(node.get("title"), str) else where)
    elif isinstance(node, list):
        for item in node:
            yield from exprs_in_dashboard(item, where)


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    known = kiosk_names(sys.argv[1])
    if not any(n.startswith("kiosk_") for n in known):
        print(f"{sys.argv[1]}: no kiosk_ metrics in it", file=sys.stderr)
        return 1
    uses = []
    for path in sys.argv[2:]:
        if path.endswith(".json"):
            for where, expr in exprs_in_dashboard(json.load(open(path, encoding="utf-8"))):
                uses.append((f"{path}: panel '{where}'", expr))
        else:
            for group in yaml.safe_load(open(path, encoding="utf-8"))["groups"]:
                for rule in group["rules"]:
                    uses.append((f"{path}: {rule.get('alert') or rule.get('record')}", rule["expr"]))
    bad = 0
    used = set()
    for where, expr in uses:
        for name in sorted(names_in(expr)):
            used.add(name)
            if name not in known and name not in OTHERS:
                print(f"{where}: '{name}' is neither written by the kiosk nor a node_exporter or Prometheus metric")
                bad += 1
    kiosk_used = sorted(n for n in used if n in known)
    others = sorted(n for n in used if n in OTHERS and n not in known)
    print(f"{len(uses)} expressions use {len(used)} metric names: {len(kiosk_used)} the kiosk writes, "
          f"{len(others)} node_exporter's or Prometheus' ({', '.join(others)}); {bad} unknown use(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
