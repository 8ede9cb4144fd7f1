"""Detail dialogs for the tables: a post's time, a cost line's shares, an overhead pool."""
