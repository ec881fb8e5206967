"""Optional integrations with other tools (Dask ...); each imports its tool lazily."""
