"""Persistence: typed models, the unit of work, queries and migrations."""
