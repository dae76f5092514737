"""The screens of the reader: the main one, where an issue is read."""
