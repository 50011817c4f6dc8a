"""The composition root and the processes: the one settings module, the container, the app
factory, web, clock, the CLI and the playground."""
