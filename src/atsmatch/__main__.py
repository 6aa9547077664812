"""`python -m atsmatch` and the `atsmatch` command.

Nothing is imported at module level: a process that multiprocessing starts for a worker or an
isolated read imports the main module again, and this one should cost it nothing (the command
line interface alone takes a fifth of a second to import).
"""


def run() -> None:
    from atsmatch.cli import main

    main()


if __name__ == "__main__":
    run()
