"""The recommender graph's nodes, one module per family; agent/graph.py wires them."""
