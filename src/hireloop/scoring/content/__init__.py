"""Answer-content scoring against a competency's 1-5 behavioural anchors, with evidence sentences."""
