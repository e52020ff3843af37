"""CLI wiring, one module per command: `add_parser(subparsers)` and `run(layout, args)`."""
