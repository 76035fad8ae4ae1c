"""The public catalogue page and its calendar subscriptions."""
