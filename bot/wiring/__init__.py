"""Process wiring: settings, the dependency container, the app factory, web, clock and CLI."""
