"""Sending an issue to its subscribers: the send and its workers (sends), the batches they
claim (claims), rendering an issue as e-mail (rendering), one provider call per batch
(esp_batch), recording what the mail server accepted (delivery_status), and the editor's
test of an issue (trial_sends). Importers name the module they use, so that a test's patch
of a module's name is the one that module's code sees."""
