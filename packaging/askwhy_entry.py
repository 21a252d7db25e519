"""The frozen app's entry point: the same `desktop.app:main` the `askwhy` gui-script runs."""

from desktop.app import main

if __name__ == "__main__":
    raise SystemExit(main())
