"""The core: configuration, extensions, the clock, mail, and what every layer above shares."""
