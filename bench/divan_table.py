#!/usr/bin/env python3
"""Turns divan's output of plaid-core's parse benchmarks into a markdown table.

    cargo bench -p plaid-core --bench core | tee /tmp/core-bench.txt
    python3 bench/divan_table.py < /tmp/core-bench.txt

For each parse benchmark: median time and MB/s (1 MB = 10^6 bytes) of
plaid-core, the plain typed serde decode and serde_json::Value, and the ratio
of plaid-core's median time to the typed decode's (≤ 1.2 is the goal; < 1
means faster) and to Value's (< 1 means faster). Build benchmarks are listed
with their median time.
"""
import re
import sys

UNITS = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
RATE = {"B/s": 1, "KB/s": 1e3, "MB/s": 1e6, "GB/s": 1e9, "TB/s": 1e12,
        "KiB/s": 1024, "MiB/s": 1024**2, "GiB/s": 1024**3}


def seconds(text):
    m = re.match(r"\s*([\d.]+)\s*(ns|µs|us|ms|s)\b", text)
    return float(m.group(1)) * UNITS[m.group(2)] if m else None


def rate(text):
    m = re.match(r"\s*([\d.]+)\s*([KMGT]i?B/s|B/s)", text)
    return float(m.group(1)) * RATE[m.group(2)] if m else None


def main():
    path = []  # (depth, name)
    rows = {}  # (group, bench, arg) -> {"median": s, "rate": B/s}
    last = None
    seps = None
    for line in sys.stdin:
        line = line.rstrip("\n")
        if seps is None:
            # The header row fixes the column separators; tree lines also
            # contain "│", so columns are cut by position, not by splitting.
            if "fastest" in line and "median" in line:
                seps = [i for i, ch in enumerate(line) if ch == "│"]
            continue
        if "│" not in line:
            continue
        bounds = [0] + seps + [len(line)]
        cols = [line[a + (1 if k else 0):b] for k, (a, b)
                in enumerate(zip(bounds, bounds[1:]))]
        # Column 0 holds the tree and (for leaves) the fastest time.
        head = cols[0]
        m = re.match(r"^([\s│├╰─]*)(\S+)\s*(.*)$", head)
        if not m:
            continue
        prefix, name, rest = m.groups()
        if re.match(r"^[\d.]+\s*([KMGT]i?B/s|B/s)$", (name + " " + rest).strip()):
            # A throughput line under the previous row.
            if last is not None and len(cols) >= 3:
                rows[last]["rate"] = rate(cols[2])
            continue
        depth = len(prefix)
        while path and path[-1][0] >= depth:
            path.pop()
        path.append((depth, name))
        if len(cols) >= 3 and seconds(cols[2]) is not None:
            key = tuple(n for _, n in path)
            rows[key] = {"median": seconds(cols[2]), "rate": None}
            last = key
        else:
            last = None

    parse = {}
    builds = []
    for key, v in rows.items():
        if len(key) >= 3 and key[-3] == "parse" if len(key) >= 3 else False:
            parse.setdefault(key[-2], {})[key[-1]] = v
        elif len(key) >= 2:
            builds.append(("/".join(key), v["median"], v["rate"]))
    print("| parse benchmark | body | plaid-core | serde typed | serde Value "
          "| plaid-core / typed (time) | plaid-core / Value (time) |")
    print("|---|---|---|---|---|---|---|")
    for bench, variants in parse.items():
        core = variants.get("plaid_core")
        typed = variants.get("serde_typed")
        value = variants.get("serde_value")
        if not (core and typed and value):
            continue
        size = core["rate"] * core["median"] if core["rate"] else None

        def cell(v):
            mbs = v["rate"] / 1e6 if v["rate"] else float("nan")
            return "%s, %.0f MB/s" % (fmt(v["median"]), mbs)
        print("| %s | %s | %s | %s | %s | %.2f | %.2f |" % (
            bench, human(size), cell(core), cell(typed), cell(value),
            core["median"] / typed["median"], core["median"] / value["median"]))
    if builds:
        print("\n| benchmark | median | MB/s |")
        print("|---|---|---|")
        for name, median, r in builds:
            print("| %s | %s | %s |" % (name, fmt(median),
                                        "%.0f" % (r / 1e6) if r else ""))


def fmt(s):
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6)):
        if s >= scale:
            return "%.3g %s" % (s / scale, unit)
    return "%.3g ns" % (s / 1e-9)


def human(n):
    if n is None:
        return "?"
    for unit, scale in (("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return "%.1f %s" % (n / scale, unit)
    return "%.0f B" % n


if __name__ == "__main__":
    main()
