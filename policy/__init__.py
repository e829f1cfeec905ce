"""Allurauto privacy policy: versioned content, the change engine, checks and the site build.

Data flows one way: content files (`source`, `version`) → clauses (`clause`, `reference`) →
changes (`change`, `redline`, `sync`) → checks (`check`, `record`) → pages (`pages`) →
renderer (`render`, the only module that knows MkDocs) → `site/` (`compress`, `build`, `output`) at its
address (`address`).
"""
