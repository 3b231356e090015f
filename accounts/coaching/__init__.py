"""Coaching: members share their progress with a career coach (views, forms, services, queries, charts, e-mails)."""
