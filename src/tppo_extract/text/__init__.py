"""Work on the raw text before tokens exist: reading files, zoning page furniture, datelines, and running many
patterns over a text at the words where each can match (scan.py)."""
