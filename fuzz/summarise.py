#!/usr/bin/env python3
"""The figures of a campaign (fuzz/campaign.sh) as a Markdown table for
docs/fuzzing.md: per harness, summed over its runs (ROOT/NAME.log and
.time, and earlier runs kept as ROOT/run*/NAME.log and .time): wall and CPU
seconds (/usr/bin/time), executions (libFuzzer's -print_final_stats),
coverage at the end (cov/ft of the last status line), corpus files and
size, findings (ROOT/artifacts/NAME-*).

    fuzz/summarise.py /work/fuzzcorp
"""
import glob
import os
import re
import sys


def runs_of(root, name):
    logs = sorted(glob.glob(os.path.join(root, "run*", name + ".log"))) + [os.path.join(root, name + ".log")]
    return [l for l in logs if os.path.exists(l)]


def main():
    root = sys.argv[1]
    names = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(root, "fuzz_*.log")))
    print("| harness | runs | wall | CPU (user+sys) | executions | cov | ft | corpus | findings |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for name in names:
        wall = cpu = execs = 0.0
        cov = ft = "?"
        for log in runs_of(root, name):
            text = open(log, errors="replace").read()
            m = re.findall(r"stat::number_of_executed_units: (\d+)", text)
            if m:
                execs += int(m[-1])
            else:  # still running or killed: the last status line's count
                m = re.findall(r"^#(\d+)\s", text, re.M)
                execs += int(m[-1]) if m else 0
            m = re.findall(r"cov: (\d+) ft: (\d+)", text)
            if m:
                cov, ft = m[-1]
            t = log[:-4] + ".time"
            if os.path.exists(t):
                tt = open(t).read()
                w = re.search(r"wall ([\d.]+) s, user ([\d.]+) s, sys ([\d.]+) s", tt)
                if w:
                    wall += float(w.group(1))
                    cpu += float(w.group(2)) + float(w.group(3))
        files = glob.glob(os.path.join(root, name, "*"))
        size = sum(os.path.getsize(f) for f in files)
        found = [os.path.basename(f) for f in glob.glob(os.path.join(root, "artifacts", name + "-*"))]
        print("| `%s` | %d | %.0f min | %.1f min | %d | %s | %s | %d files, %.1f MB | %s |" % (
            name, len(runs_of(root, name)), wall / 60, cpu / 60, execs, cov, ft, len(files), size / 1e6,
            ", ".join(found) if found else "none"))


if __name__ == "__main__":
    main()
