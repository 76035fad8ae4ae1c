"""Audit of the Peer-Learning backend."""
