"""State changes of the case register, one module per area (register, work, route, retention, organisation)."""
