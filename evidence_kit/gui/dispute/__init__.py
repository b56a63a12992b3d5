"""The dispute step: timeline, next action, message drafts, calendar."""
