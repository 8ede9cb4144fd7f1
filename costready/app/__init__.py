"""The use cases the window and the command line share; one user action is one unit of work."""
