"""What the privacy specs share."""

# The neighbour's word: it must never appear in what the owner exports or keeps.
CANARY = "KANARIE-9146"
