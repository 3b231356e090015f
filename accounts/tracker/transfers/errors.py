class ImportFormatError(Exception):
    """The file as a whole cannot be read: nothing of it may be imported. The message is for the member."""
