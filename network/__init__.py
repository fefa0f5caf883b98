"""Team Domino's services to the schools and teams around it: ``support`` (requests for
consultation, supervision and process support, and their triage) and ``membership`` (the
attendance network, its members and member area)."""
