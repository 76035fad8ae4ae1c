"""Api of the Peer-Learning backend."""
