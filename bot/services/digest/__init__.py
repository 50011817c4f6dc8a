"""Digest use cases: who may read it, assembling its input, the weekly send."""
