"""Form fields that choose rows by key, refusing a key no database column can hold.

Django's ModelMultipleChoiceField turns a malformed key into its "not a valid value" error by
catching ValueError and TypeError; a key beyond 64 bits passes int() and then makes SQLite
raise OverflowError, a 500 on the embedded default (found by tests/portal/test_fuzz.py with
`topics=999999999999999999999999999999`). Such a key is refused with the same error here.
A single choice (ModelChoiceField) needs nothing of the kind: Django's exact lookup already
turns an out-of-range integer into "no such row".
"""

from django import forms

LARGEST_KEY = 2**63 - 1


def _too_large(value) -> bool:
    try:
        return abs(int(str(value).strip())) > LARGEST_KEY
    except ValueError:
        return False  # not a number at all: Django's own check says so


class KeyCheckedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def clean(self, value):
        # Anything but a list is left to Django's own error ("Enter a list of values").
        for key in value if isinstance(value, (list, tuple)) else ():
            if _too_large(key):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": key},
                )
        return super().clean(value)
