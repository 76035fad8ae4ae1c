"""Scheduler of the Peer-Learning backend."""
