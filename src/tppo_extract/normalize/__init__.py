"""Normalisation of entity mentions: agency canonical names and hierarchy, Kemendagri places, ISO dates."""
