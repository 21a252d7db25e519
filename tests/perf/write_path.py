"""Write path: logging a rejection (application, rejection, contact, request, reminders) through
the app's own Store, into a database that already holds 2,000 applications.

Each run times 200 `Store.log_rejection` calls, every one its own SQLite transaction, and
takes their p99; the figure is the median of the runs' p99s. Target: p99 <= 50 ms.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta

import baseline

TARGET_MS = 50.0
WRITES_PER_RUN = 200
EXISTING = 2_000


def main() -> int:
    args = baseline.parse_args(__doc__ or "")
    from desktop.core.model import RejectionInput  # noqa: PLC0415
    from desktop.store.database import open_database  # noqa: PLC0415
    from desktop.store.repository import Store  # noqa: PLC0415

    p99s: list[float] = []
    medians: list[float] = []
    worst: list[float] = []
    with baseline.scratch("write") as root:
        seeded = baseline.seed(root / "data", EXISTING)
        print(f"seeded {seeded.applications} applications in {seeded.seconds:.1f} s")
        with open_database(root / "data") as database:
            store = Store(database)
            for run in range(args.runs):
                latencies: list[float] = []
                for index in range(WRITES_PER_RUN):
                    now = datetime.now(UTC)
                    rejection = RejectionInput(
                        company=f"Write Path {run}-{index}",
                        role="Backend Engineer",
                        notified_at=now - timedelta(minutes=index % 90),
                        contact_name="Sam Recruiter",
                        contact_email="sam@example.com",
                    )
                    started = time.perf_counter()
                    store.log_rejection(rejection, now=now)
                    latencies.append((time.perf_counter() - started) * 1000)
                p99s.append(baseline.percentile(latencies, 99))
                medians.append(baseline.median(latencies))
                worst.append(max(latencies))
                print(
                    f"run {run + 1}: p50 {medians[-1]:.2f} ms, p99 {p99s[-1]:.2f} ms, "
                    f"max {worst[-1]:.2f} ms"
                )
    p99 = baseline.median(p99s)
    print(baseline.describe("p99 of log_rejection", p99s, "ms"))
    baseline.emit(
        "write_path_p99",
        p99,
        "ms",
        f"<= {TARGET_MS:.0f} ms",
        p99 <= TARGET_MS,
        p50=round(baseline.median(medians), 3),
        max=round(max(worst), 3),
        runs=args.runs,
        writes_per_run=WRITES_PER_RUN,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
