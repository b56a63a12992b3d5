"""What every GUI feature builds on: the case controller, undo commands, the task runner."""
