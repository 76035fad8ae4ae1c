"""The auditors' side: history, time travel, export, the SHA-256 hash chain, personal-data keys and
erasure by crypto-shredding.
"""
