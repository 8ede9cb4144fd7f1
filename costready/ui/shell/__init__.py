"""The window's shell: opening a workspace, and the actions of each menu."""
