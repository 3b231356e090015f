"""Coaching views: the coach's side (coach.py) and the member's side (member.py)."""
