from kzcorpus.cli import main

main()
