"""What the public sees: the question and feedback forms, the confirmation and status pages,
and the articles suggested while a person writes."""
