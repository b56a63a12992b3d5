"""Qt-free: the dispute after it opens. Deadlines recomputed from the events (timeline.py),
the next action (next_action.py), and every message the shopper must write (messages.py),
from the rules in claim/dispute_rules.json."""
