class ParseError(ValueError):
    """The input cannot be read as a press release. The message is for a person."""
