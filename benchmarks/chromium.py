"""Where Debian's headless Chromium is and how to start it here: one place for tests and benchmarks.

The flags keep Chromium from reaching for the network on its own (this machine has none) and let it run
as root in a container; Playwright is given this executable, never a browser it downloads.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["CHROMIUM", "CHROMIUM_ARGS"]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
