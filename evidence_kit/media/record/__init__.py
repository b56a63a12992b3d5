"""Qt-free recorder: capture sources, the take, the capture session, the clock overlay."""
