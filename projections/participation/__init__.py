"""The participation read model: admitted municipalities and the meetings they came to."""
