"""What the search specs share."""

# A private forum group, as the forum reports group membership to search (documents are stored directly).
PRIVATE_GROUP_ID = 4242
