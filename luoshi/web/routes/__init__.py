"""The routes, one module per page area: auth, overview, targets, reader, units, admin, users, api."""
