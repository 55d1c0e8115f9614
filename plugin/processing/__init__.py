"""Processing provider and algorithms: thin wrappers over :mod:`tanker_watch.plugin.core`."""
