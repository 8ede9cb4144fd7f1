"""`costready` opens the window; `costready COMMAND` runs the command line."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Entry point: the GUI when no command is given, else the CLI."""
    from costready import cli

    args = cli.parse(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        from costready.ui.platform_check import problem

        message = problem()
        if message:
            print(message, file=sys.stderr)
            return 1
        from costready.ui.app import run

        return run(args.database)
    return cli.execute(args)


if __name__ == "__main__":
    sys.exit(main())
