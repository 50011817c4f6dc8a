"""`/rapport` subcommands: one module per group, each declaring its `SUBCOMMANDS` records."""
