"""The read models (catalogue, roster, model projects, participation, registrations) and the
machinery that keeps them: the projector, applying in the command's transaction, rebuilding.
"""
