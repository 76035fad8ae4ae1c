"""Where the events and the tables live: the one store setting, start-up, transcodings, the
recorder whose transaction carries each command's inline work, the tables' Db and the physical
wiping of erased bytes. Imports runtime.
"""
