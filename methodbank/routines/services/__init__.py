"""The routines' processes, one module each: ``building`` (from a template, from a method),
``editing`` (changes to the content and the conditional save), ``tokens`` (edit and share
links), ``sharing`` (Team Domino and the consultation request), ``reminders``, ``retention``."""
