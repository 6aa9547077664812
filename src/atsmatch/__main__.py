from atsmatch.cli import main

main()
