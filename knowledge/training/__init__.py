"""Training modules, sessions, enrolment and the implementation trajectory."""
