"""The demo company: an FMCG firm with four jobs and a few dozen candidates."""
