"""Structured video interviews: question banks, personalised parallel questions, invitations and the candidate portal."""
