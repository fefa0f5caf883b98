"""What happens to a support request, one module per process.

Views, the admin, mails and commands call these functions; tests call them directly.
"""
