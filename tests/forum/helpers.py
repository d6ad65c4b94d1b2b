"""What the forum specs (and the search specs about forum documents) share."""

# The private group's word: only its members may ever see it, on any page or in any search result.
CANARY = "kanarievogel-7731"
