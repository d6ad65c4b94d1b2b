"""The one error the forum's services raise for a rule a person broke; its message is translated and shown as is."""


class ForumError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message
