"""Who can help: the national lines (resources.yml), each establishment and its own resources
(establishments.yml), opening hours, name matching, phone formats, and the one renderer of a
resource for every channel (render.py). Pure Python: paths are arguments, the environment is
never read.
"""
