"""Qt-free core: case model, store, hashing, activity log, tasks, errors, settings, paths."""
