"""Work on the raw text before tokens exist: reading files, zoning page furniture, datelines."""
