"""A routine's outputs: the forms in which it leaves the site (issue 17, item 4).

``document`` builds the one read model (:class:`~.document.RoutineDocument`) that the print
view and its PDF (``kcsite.pdf``), the Word file (``word``), the page per role and the
guardians' summary (``guardians``) all render; ``access`` opens a routine from its edit or
share link; ``views`` and ``urls`` serve them.
"""
