"""The composition root (bootstrap), the whole HTTP app, the servers and the `peerlearning` command
line.
"""
