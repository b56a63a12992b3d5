"""The annotation editor for photos, frames and image documents."""
