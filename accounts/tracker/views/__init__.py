"""The tracker's views, one module per feature; every object is looked up through the member."""
