"""Search across everything the reader may see."""
