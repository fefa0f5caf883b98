"""The self-assessment's logic, one module per process: ``indicators`` (the editors' set as
plain data), ``filling`` (start, save an area, complete, repeat), ``links`` (the signed resume
link), ``results`` (scores, recommendations with live methods, events and services, the change
since last time), ``retention``; ``errors`` the answers a visitor gets."""
