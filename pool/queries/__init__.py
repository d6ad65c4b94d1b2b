"""What the pool's pages show, gathered in a fixed number of queries however much data there is (one module per
area, like `views`, `forms` and `services`). No state changes here; who may see a page is checked by its view."""
