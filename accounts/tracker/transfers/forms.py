from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from accounts.tracker.transfers import importing
from accounts.tracker.transfers.errors import ImportFormatError


class ImportUploadForm(forms.Form):
    FORMAT_CHOICES = [
        ("auto", _("Recognise it from the contents")),
        (importing.LINKEDIN, _("LinkedIn connections (Connections.csv)")),
        (importing.VCARD, _("vCard (.vcf), version 3.0 or 4.0")),
    ]

    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.vcf,.vcard,text/csv,text/vcard"}),
    )
    format = forms.ChoiceField(
        label=_("What kind of file is it?"), choices=FORMAT_CHOICES, initial="auto", widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The limits are settings (TRACKER_IMPORT_MAX_BYTES and _ROWS): the help names them as they are.
        self.fields["file"].help_text = _(
            "LinkedIn's Connections.csv or a .vcf file from your phone or e-mail program; "
            "at most %(size)s and %(rows)s contacts."
        ) % {"size": importing.size_text(), "rows": number_format(importing.max_rows(), force_grouping=True)}

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None or "format" not in cleaned:
            return cleaned
        # Check the size before reading: an oversized upload is refused without loading it.
        if upload.size > importing.max_bytes():
            self.add_error("file", importing.too_large_message())
            return cleaned
        try:
            self.source, self.rows = importing.read_upload(upload.read(), cleaned["format"])
        except ImportFormatError as error:
            self.add_error("file", str(error))
        return cleaned


class ImportConfirmForm(forms.Form):
    import_id = forms.CharField(max_length=32, widget=forms.HiddenInput)


class RemindersForm(forms.Form):
    enabled = forms.TypedChoiceField(
        choices=[("1", _("On")), ("0", _("Off"))], coerce=lambda value: value == "1", empty_value=None
    )
