"""Run the command-line interface: ``python -m ygx_analysis``."""

from ygx_analysis.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    raise SystemExit(main())
