"""Rapport: two-sided satisfaction pulses for outsourcing relationships."""
