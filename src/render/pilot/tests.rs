//! Render checks for the pilot component against concrete fields istioctl writes.
