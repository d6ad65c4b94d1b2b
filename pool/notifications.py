"""What the pool notifies about (filled in with the request flow)."""


def register():
    pass
