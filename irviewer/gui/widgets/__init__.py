"""The app's widgets and dialogs, built in code."""
