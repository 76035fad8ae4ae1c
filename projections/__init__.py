"""Projections of the Peer-Learning backend."""
