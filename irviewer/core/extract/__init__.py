"""Extractors: small pure steps from lines to dates, headlines, contacts and tables."""
