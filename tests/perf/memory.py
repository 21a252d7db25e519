"""Memory: peak RSS of the app holding 100,000 applications, against a bare PySide6
QMainWindow measured in the same run. Target: app <= bare + 150 MB.

The app is started on a seeded data dir and left until its CPU use has been quiet for a
while (its data is loaded and shown); then the kernel's high-water mark of its resident set
(VmHWM in /proc/<pid>/status) is read. The bare window is measured the same way.
"""

from __future__ import annotations

import shutil
import sys

import baseline

TARGET_EXTRA_MB = 150.0
APPLICATIONS = 100_000


def app_peak_rss_mb(env: dict[str, str], data_dir: str) -> float:
    proc = baseline.Proc(baseline.askwhy_argv("--data-dir", data_dir, probe=True), env)
    try:
        baseline.paint_time(proc, timeout=120)
        baseline.wait_cpu_settled(proc.pid, quiet_for=2.0, timeout=180)
        if proc.popen.poll() is not None:
            raise RuntimeError(f"the app exited ({proc.popen.returncode}) before it settled")
        return baseline.status_kb(proc.pid, "VmHWM") / 1024
    finally:
        proc.stop()


def main() -> int:
    args = baseline.parse_args(__doc__ or "")
    app_mb: list[float] = []
    bare_mb: list[float] = []
    with baseline.scratch("memory") as root, baseline.display_env() as display:
        template = root / "template"
        seeded = baseline.seed(template, APPLICATIONS)
        print(f"seeded {seeded.applications} applications in {seeded.seconds:.1f} s")
        env = baseline.isolated_env(display, root / "session")
        data_dir = root / "data"
        shutil.copytree(template, data_dir)
        for run in range(args.runs):
            app_mb.append(app_peak_rss_mb(env, str(data_dir)))
            bare_mb.append(baseline.bare_peak_rss_mb(env))
            print(f"run {run + 1}: app {app_mb[-1]:.1f} MB, bare {bare_mb[-1]:.1f} MB")
    app = baseline.median(app_mb)
    bare = baseline.median(bare_mb)
    extra = app - bare
    print(baseline.describe("app peak RSS", app_mb, "MB"))
    print(baseline.describe("bare peak RSS", bare_mb, "MB"))
    print(f"app - bare = {extra:.1f} MB (target <= {TARGET_EXTRA_MB:.0f} MB)")
    baseline.emit(
        "memory_peak_rss_100k_over_bare",
        extra,
        "MB",
        f"<= bare + {TARGET_EXTRA_MB:.0f} MB",
        extra <= TARGET_EXTRA_MB,
        app_mb=round(app, 1),
        bare_mb=round(bare, 1),
        runs=args.runs,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
