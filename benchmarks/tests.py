"""How long `make test-fast`, the loop while editing, takes, next to its budget (issue 20): wall time
of the whole command as an engineer runs it, the pytest workers on every core included."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 60.0
"""Seconds, wall."""


def main() -> None:
    start = time.perf_counter()
    result = subprocess.run(["make", "--no-print-directory", "test-fast"], cwd=ROOT, capture_output=True, text=True,
                            timeout=30 * BUDGET)
    elapsed = time.perf_counter() - start
    outcome = result.stdout.strip().splitlines()[-1].strip("= ") if result.stdout.strip() else "no output"
    print(f"make test-fast: {elapsed:.0f} s wall (budget {BUDGET:.0f} s); {outcome}"
          f"{'' if result.returncode == 0 else '  FAILED'}{'' if elapsed <= BUDGET else '  OVER BUDGET'}")


if __name__ == "__main__":
    main()
