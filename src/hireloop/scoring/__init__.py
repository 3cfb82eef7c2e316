"""Scoring: answer content against behavioural anchors, behaviour indices, and personalised question choice."""
