"""The application service: PeerLearningApp loads aggregates, calls them and records what they
decided, one transaction per command. Imports the domain and the store.
"""
