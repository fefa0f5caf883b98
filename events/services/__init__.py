"""Everything that changes registrations, one module per process, under one lock per event
(:mod:`.seats`): registering, cancelling, staff, reminders, retention; plus calendars and
the public queries (:mod:`.queries`, also for other apps). Import the module you need: this
package imports none of them, so the views can use the services without loading the page
models."""
