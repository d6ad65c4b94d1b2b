"""What the case register's pages show, gathered in a fixed number of queries, one module per area."""
