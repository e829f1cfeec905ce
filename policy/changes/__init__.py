"""What changed between two versions: units aligned by content (`change`) and, within a unit, the
words (`redline`)."""
