"""Per-document stage: read → clean → parse → claims → :class:`DocumentRecord`.

Everything here is a pure function of one article, so it parallelises and caches by content
hash. This package imports neither ``graph`` nor ``exports``.
"""
