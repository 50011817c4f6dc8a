"""Block Kit and text views: they draw plain values and read nothing."""
