from stack.launcher import main

main()
