"""Qt item models over the core's records and the store's listing queries."""
