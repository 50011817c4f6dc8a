"""The alert rules, one module each: every module declares one `AlertRule` named ``RULE``."""
