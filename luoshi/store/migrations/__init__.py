"""Alembic migration scripts of the store, shipped with the package (see :mod:`luoshi.store.migrate`)."""
