"""The Prices page's parts: the prices table, the build-up view, adopting and price lists."""
