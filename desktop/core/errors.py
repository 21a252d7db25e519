"""Errors whose message is meant for the user, as opposed to bugs."""


class UserFacingError(Exception):
    """Something the user can act on. `str(error)` is one clear sentence for them."""


class InvalidInput(UserFacingError):
    """Bad input from a form, a file, a template or the command line. Nothing was written."""
