"""networks' views, one module per feature: the catalogue, evaluations, and the member's own networks."""
