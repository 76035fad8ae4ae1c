"""Service layer: settings, the application service, the composition root and the CLI."""
