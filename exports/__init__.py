"""Last stage: ClaimGraph → RDF (TriG, N-Quads, Turtle, JSON-LD), HTML and other graph formats.

Imports ``graph`` (and its records) only. :data:`EXPORTERS` maps a format name to a
``write_x(kg, path)`` function, rdflib-plugin style.
"""
