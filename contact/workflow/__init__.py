"""What happens to an inquiry: filing it (services), routing it to a queue, its due date,
the e-mails it sends, its reference number and its audit trail. Both the public views and
the staff's admin call into it; it imports neither."""
