"""The window's dialogs: copy and compare scenarios, switch organisation, about."""
