"""What every process shares, below the store: the id of the unit of work in hand, the form of log
lines, and the error of a bad setting. Imports nothing of ours.
"""
